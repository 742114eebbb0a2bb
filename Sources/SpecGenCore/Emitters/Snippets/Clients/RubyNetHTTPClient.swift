/// Ruby standard library `net/http`.
public struct RubyNetHTTPClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "ruby-native", displayName: "Ruby net/http", language: "ruby", fileExtension: "rb")

    public init() {}

    private static let methodClasses: [String: String] = [
        "GET": "Get", "HEAD": "Head", "POST": "Post", "PUT": "Put", "DELETE": "Delete", "OPTIONS": "Options", "TRACE": "Trace",
        "PATCH": "Patch", "PROPFIND": "Propfind", "PROPPATCH": "Proppatch", "MKCOL": "Mkcol", "COPY": "Copy", "MOVE": "Move",
        "LOCK": "Lock", "UNLOCK": "Unlock",
    ]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("require \"uri\"")
        code.line("require \"net/http\"")
        code.blank()
        code.line("url = URI(\(StringLiteralStyle.ruby.literal(request.strictFullURL)))")
        code.blank()
        code.line("http = Net::HTTP.new(url.host, url.port)")
        if request.scheme == "https" { code.line("http.use_ssl = true") }
        if let seconds = request.options.timeoutSeconds {
            code.line("http.open_timeout = \(seconds)")
            code.line("http.read_timeout = \(seconds)")
        }
        code.blank()
        if let name = Self.methodClasses[request.method] {
            code.line("request = Net::HTTP::\(name).new(url)")
        } else {
            let hasBody = { if case .none = request.body { false } else { true } }()
            code.line("request = Net::HTTPGenericRequest.new(\(StringLiteralStyle.ruby.literal(request.method)), \(hasBody), true, url)")
        }
        var seen: Set<String> = []
        for header in request.headers {
            // `[]=` replaces net/http's default (Accept: */*); `add_field` keeps a repeated header's values.
            if seen.insert(header.name.lowercased()).inserted {
                code.line("request[\(StringLiteralStyle.ruby.literal(header.name))] = \(StringLiteralStyle.ruby.literal(header.value))")
            } else {
                code.line("request.add_field(\(StringLiteralStyle.ruby.literal(header.name)), \(StringLiteralStyle.ruby.literal(header.value)))")
            }
        }
        switch request.body {
        case .none: break
        case .json, .text:
            code.line("request.body = \(StringLiteralStyle.ruby.readableLiteral(request.bodyText ?? ""))")
        case .urlEncoded(let fields, _):
            code.line("request.body = URI.encode_www_form([")
            code.indented { code in
                for field in fields { code.line("[\(StringLiteralStyle.ruby.literal(field.name)), \(StringLiteralStyle.ruby.literal(field.value))],") }
            }
            code.line("])")
        case .multipart(let parts):
            code.line("form = [")
            code.indented { code in
                for part in parts {
                    if let fileName = part.fileName {
                        var extras = ["filename: \(StringLiteralStyle.ruby.literal(SnippetRequest.baseName(fileName)))"]
                        if let type = part.contentType { extras.append("content_type: \(StringLiteralStyle.ruby.literal(type))") }
                        code.line("[\(StringLiteralStyle.ruby.literal(part.name)), File.open(\(StringLiteralStyle.ruby.literal(fileName))), { \(extras.joined(separator: ", ")) }],")
                    } else {
                        code.line("[\(StringLiteralStyle.ruby.literal(part.name)), \(StringLiteralStyle.ruby.literal(part.value ?? ""))],")
                    }
                }
            }
            code.line("]")
            code.line("request.set_form(form, \"multipart/form-data\")")
        }
        code.blank()
        code.line("response = http.request(request)")
        code.line("puts response.code")
        code.line("puts response.read_body")
    }
}
