/// Java Unirest 1.x (`com.mashape.unirest`), the library the Auth0 reference pages use.
public struct JavaUnirestClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "java-unirest", displayName: "Java Unirest", language: "java", fileExtension: "java")

    public init() {}

    private static let factories: [String: String] = ["GET": "get", "HEAD": "head", "OPTIONS": "options", "POST": "post", "PUT": "put", "PATCH": "patch", "DELETE": "delete"]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.imports = ["com.mashape.unirest.http.HttpResponse", "com.mashape.unirest.http.Unirest"]
        JVMSupport.writeJavaMain(into: &code) { code in
            if let seconds = request.options.timeoutSeconds { code.line("Unirest.setTimeouts(\(seconds * 1000), \(seconds * 1000));") }
            if let text = request.bodyText {
                code.line("String body = " + JVMSupport.javaString(text, indent: code.indentation(extra: 2)) + ";")
            }
            let factory = Self.factories[request.method] ?? request.method.lowercased()
            code.line("HttpResponse<String> response = Unirest.\(factory)(\(StringLiteralStyle.java.literal(request.strictFullURL)))")
            code.indented { code in
                code.indented { code in
                    for header in request.headers {
                        code.line(".header(\(StringLiteralStyle.java.literal(header.name)), \(StringLiteralStyle.java.literal(header.value)))")
                    }
                    switch request.body {
                    case .none: break
                    case .json, .text, .urlEncoded: code.line(".body(body)")
                    case .multipart(let parts):
                        let hasFile = parts.contains { $0.fileName != nil }
                        if !hasFile {
                            // Without a file Unirest sends a urlencoded form; fields marked `true` ask for multipart.
                            code.line(".fields(new java.util.HashMap<String, Object>())")
                        }
                        for part in parts {
                            if let fileName = part.fileName {
                                code.imports.insert("java.io.File")
                                code.line(".field(\(StringLiteralStyle.java.literal(part.name)), new File(\(StringLiteralStyle.java.literal(fileName))), \(StringLiteralStyle.java.literal(part.contentType ?? "application/octet-stream")))")
                            } else if hasFile {
                                code.line(".field(\(StringLiteralStyle.java.literal(part.name)), \(StringLiteralStyle.java.literal(part.value ?? "")))")
                            } else {
                                code.line(".field(\(StringLiteralStyle.java.literal(part.name)), (Object) \(StringLiteralStyle.java.literal(part.value ?? "")), true)")
                            }
                        }
                    }
                    code.line(".asString();")
                }
            }
            code.line("System.out.println(response.getStatus());")
            code.line("System.out.println(response.getBody());")
            code.line("Unirest.shutdown();")
        }
    }

    func header(imports: [String]) -> String { JVMSupport.imports(imports, terminator: ";") }

    public func limitation(for example: RequestExample) -> String? {
        let method = example.method.uppercased()
        if Self.factories[method] == nil { return "Unirest 1.x has no way to send \(method)" }
        if example.body != nil, ["GET", "HEAD"].contains(method) { return "Unirest 1.x sends no body with \(method)" }
        // Measured by the execution suite with Unirest 1.4.8: it decodes the path and encodes it again.
        let path = SnippetRequest(example, options: .default).path
        if path.contains("+") || path.lowercased().contains("%2f") || path.lowercased().contains("%2b") {
            return "Unirest 1.x re-encodes the path: `+` arrives as a space and `%2F` as `/`"
        }
        if case .multipart(let parts)? = example.body, !parts.contains(where: { $0.fileName != nil }),
           parts.contains(where: { ($0.value ?? "").unicodeScalars.contains { !$0.isASCII } }) {
            return "Unirest 1.x sends the text fields of a multipart body without files in ISO-8859-1: non-ASCII characters arrive as `?`"
        }
        return nil
    }
}
