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
        code.line("url = \(PythonEscaping.literal(request.url))")
        var arguments = [PythonEscaping.literal(request.method), "url"]
        if !request.query.isEmpty {
            code.blank()
            code.line("params = [")
            code.indented { code in
                for item in request.query { code.line("(\(PythonEscaping.literal(item.name)), \(PythonEscaping.literal(item.value))),") }
            }
            code.line("]")
            arguments.append("params=params")
        }
        switch request.body {
        case .none: break
        case .json(let value, let text) where PythonEscaping.needsJSONText(value):
            code.blank()
            code.line("payload = \(PythonEscaping.literal(text)).encode(\"utf-8\")")
            arguments.append("content=payload")
        case .json(let value, _):
            code.blank()
            code.line("payload = " + PythonEscaping.value(value, indent: options.prettyJSON ? options.indentUnit : nil, level: 0))
            arguments.append("json=payload")
        case .text(let text), .urlEncoded(_, let text):
            code.blank()
            code.line("payload = \(PythonEscaping.literal(text)).encode(\"utf-8\")")
            arguments.append("content=payload")
        case .multipart(let parts):
            code.blank()
            code.line("files = [")
            code.indented { code in
                for part in parts {
                    let name = PythonEscaping.literal(part.name)
                    if let fileName = part.fileName {
                        let type = part.contentType.map { ", " + PythonEscaping.literal($0) } ?? ""
                        code.line("(\(name), (\(PythonEscaping.literal(SnippetRequest.baseName(fileName))), open(\(PythonEscaping.literal(fileName)), \"rb\")\(type))),")
                    } else {
                        code.line("(\(name), (None, \(PythonEscaping.literal(part.value ?? "")))),")
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
                for header in request.headers { code.line("(\(PythonEscaping.literal(header.name)), \(PythonEscaping.literal(header.value))),") }
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
