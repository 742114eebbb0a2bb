/// Python `requests`: `params`, `headers`, `json=` for JSON bodies, `data=` for forms and text, `files=` for multipart.
public struct PythonRequestsClient: SnippetClient {
    public let info = SnippetClientInfo(id: "python-requests", displayName: "Python requests", language: "python", fileExtension: "py")

    public init() {}

    public func render(_ example: RequestExample, options: SnippetOptions) -> String {
        let request = SnippetRequest(example, options: options)
        var code = options.writer()
        let unit = options.indentUnit
        code.line("import requests")
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
            arguments.append("data=payload")
        case .json(let value, _):
            code.blank()
            code.line("payload = " + JSONExpression.python.render(value, indent: options.prettyJSON ? unit : nil, level: 0))
            arguments.append("json=payload")
        case .text(let text):
            code.blank()
            code.line("payload = \(StringLiteralStyle.python.literal(text)).encode(\"utf-8\")")
            arguments.append("data=payload")
        case .urlEncoded(let fields, _):
            code.blank()
            code.line("payload = [")
            code.indented { code in
                for field in fields { code.line("(\(StringLiteralStyle.python.literal(field.name)), \(StringLiteralStyle.python.literal(field.value))),") }
            }
            code.line("]")
            arguments.append("data=payload")
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
            // requests keeps one value per name: repeated headers are joined with ", " (same meaning in HTTP).
            var merged: [(String, String)] = []
            for header in request.headers {
                if let index = merged.firstIndex(where: { $0.0.lowercased() == header.name.lowercased() }) {
                    merged[index].1 += ", " + header.value
                } else {
                    merged.append((header.name, header.value))
                }
            }
            code.blank()
            code.line("headers = {")
            code.indented { code in
                for (name, value) in merged { code.line("\(StringLiteralStyle.python.literal(name)): \(StringLiteralStyle.python.literal(value)),") }
            }
            code.line("}")
            arguments.append("headers=headers")
        }
        if let seconds = options.timeoutSeconds { arguments.append("timeout=\(seconds)") }
        code.blank()
        code.line("response = requests.request(\(arguments.joined(separator: ", ")))")
        code.blank()
        code.line("print(response.status_code)")
        code.line("print(response.text)")
        return code.text
    }
}
