/// Python `httpx`: `params`, headers as pairs (repeats kept), `json=` for JSON, `content=` for raw text and
/// encoded forms, `files=` for multipart (fields as `(None, value)`, so parts keep their order).
public struct PythonHTTPXClient: SnippetClient {
    public let info = SnippetClientInfo(id: "python-httpx", displayName: "Python httpx", language: "python", fileExtension: "py")

    public init() {}

    public func render(_ example: RequestExample, options: SnippetOptions) -> String {
        let request = SnippetRequest(example, options: options)
        var code = options.writer()
        code.line("import httpx")
        code.blank()
        code.line("url = \(StringLiteralStyle.python.literal(request.url))")
        var arguments = [StringLiteralStyle.python.literal(request.method), "url"]
        if !request.query.isEmpty {
            code.blank()
            code.line("params = [")
            code.indented { code in
                for item in request.query { code.line("(\(StringLiteralStyle.python.literal(item.name)), \(StringLiteralStyle.python.literal(item.value))),") }
            }
            code.line("]")
            arguments.append("params=params")
        }
        switch request.body {
        case .none: break
        case .json(let value, let text) where PythonSupport.needsJSONText(value):
            code.blank()
            code.line("payload = \(StringLiteralStyle.python.literal(text)).encode(\"utf-8\")")
            arguments.append("content=payload")
        case .json(let value, _):
            code.blank()
            code.line("payload = " + JSONExpression.python.render(value, indent: options.prettyJSON ? options.indentUnit : nil, level: 0))
            arguments.append("json=payload")
        case .text(let text), .urlEncoded(_, let text):
            code.blank()
            code.line("payload = \(StringLiteralStyle.python.literal(text)).encode(\"utf-8\")")
            arguments.append("content=payload")
        case .multipart(let parts):
            code.blank()
            code.line("files = [")
            code.indented { code in
                for part in parts {
                    let name = StringLiteralStyle.python.literal(part.name)
                    if let fileName = part.fileName {
                        let type = part.contentType.map { ", " + StringLiteralStyle.python.literal($0) } ?? ""
                        code.line("(\(name), (\(StringLiteralStyle.python.literal(SnippetRequest.baseName(fileName))), open(\(StringLiteralStyle.python.literal(fileName)), \"rb\")\(type))),")
                    } else {
                        code.line("(\(name), (None, \(StringLiteralStyle.python.literal(part.value ?? "")))),")
                    }
                }
            }
            code.line("]")
            arguments.append("files=files")
        }
        if !request.headers.isEmpty {
            code.blank()
            code.line("headers = [")
            code.indented { code in
                for header in request.headers { code.line("(\(StringLiteralStyle.python.literal(header.name)), \(StringLiteralStyle.python.literal(header.value))),") }
            }
            code.line("]")
            arguments.append("headers=headers")
        }
        if let seconds = options.timeoutSeconds { arguments.append("timeout=\(seconds)") }
        code.blank()
        code.line("response = httpx.request(" + arguments.joined(separator: ", ") + ")")
        code.blank()
        code.line("print(response.status_code)")
        code.line("print(response.text)")
        return code.text
    }
}
