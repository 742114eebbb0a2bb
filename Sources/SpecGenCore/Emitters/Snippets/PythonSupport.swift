/// Helpers shared by the Python clients (http.client, requests, httpx).
enum PythonSupport {
    /// True when a Python literal of the value would change a number: a float literal is a double, so
    /// `1e400` becomes `inf` (which `json.dumps` writes as `Infinity`, not JSON) and `0.1e-400` becomes `0.0`.
    /// Integer literals are exact at any size.
    static func losesNumbers(_ value: JSONValue) -> Bool {
        value.containsNumber { number in
            number.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) && !number.isExactInDouble
        }
    }

    /// True when a `json=` argument cannot carry the body: a scalar document (`json=None` would mean "no body")
    /// or one whose numbers a Python literal would change. Such a body is sent as its JSON text.
    static func needsJSONText(_ value: JSONValue) -> Bool {
        (value.objectValue == nil && value.arrayValue == nil) || losesNumbers(value)
    }
}

/// The program `requests` and `httpx` share: one `module.request(method, url, …)` call with `params`, a body and
/// `headers`, then the status and the text printed. The libraries differ only in what the options name.
struct PythonRequestCall {
    /// The module imported and called (`requests`, `httpx`).
    let module: String
    /// The argument for a body sent as bytes (`data`, `content`).
    let bytesArgument: String
    /// Forms as a list of pairs (`requests` encodes them) rather than encoded bytes.
    let formAsPairs: Bool
    /// Headers as a dict, a repeated name joined with ", " (`requests` keeps one value per name), else as pairs.
    let headersAsDict: Bool

    /// Writes the program for `request`.
    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        let python = StringLiteralStyle.python
        code.line("import \(module)")
        code.blank()
        code.line("url = \(python.literal(request.url))")
        var arguments = [python.literal(request.method), "url"]
        if !request.query.isEmpty {
            Self.writePairs("params", request.query.map { ($0.name, $0.value) }, into: &code)
            arguments.append("params=params")
        }
        if let argument = writeBody(request, into: &code) { arguments.append(argument) }
        if !request.headers.isEmpty {
            if headersAsDict {
                code.blank()
                code.line("headers = {")
                code.indented { code in
                    for (name, value) in SnippetRequest.joiningRepeats(request.headers) { code.line("\(python.literal(name)): \(python.literal(value)),") }
                }
                code.line("}")
            } else {
                Self.writePairs("headers", request.headers.map { ($0.name, $0.value) }, into: &code)
            }
            arguments.append("headers=headers")
        }
        if let seconds = request.options.timeoutSeconds { arguments.append("timeout=\(seconds)") }
        code.blank()
        code.line("response = \(module).request(\(arguments.joined(separator: ", ")))")
        code.blank()
        code.line("print(response.status_code)")
        code.line("print(response.text)")
    }

    /// Writes `payload` or `files` for the body; the call's argument for it (nil: no body).
    private func writeBody(_ request: SnippetRequest, into code: inout CodeWriter) -> String? {
        let python = StringLiteralStyle.python
        switch request.body {
        case .none: return nil
        case .json(let value, _) where !PythonSupport.needsJSONText(value):
            code.blank()
            code.line("payload = " + JSONExpression.python.render(value, indent: request.options.prettyJSON ? request.options.indentUnit : nil, level: 0))
            return "json=payload"
        case .urlEncoded(let fields, _) where formAsPairs:
            Self.writePairs("payload", fields.map { ($0.name, $0.value) }, into: &code)
            return "data=payload"
        case .json(_, let text), .text(let text), .urlEncoded(_, let text):
            code.blank()
            code.line("payload = \(python.literal(text)).encode(\"utf-8\")")
            return "\(bytesArgument)=payload"
        case .multipart(let parts):
            code.blank()
            code.line("files = [")
            code.indented { code in
                for part in parts {
                    let name = python.literal(part.name)
                    if let fileName = part.fileName {
                        let type = part.contentType.map { ", " + python.literal($0) } ?? ""
                        code.line("(\(name), (\(python.literal(SnippetRequest.baseName(fileName))), open(\(python.literal(fileName)), \"rb\")\(type))),")
                    } else {
                        code.line("(\(name), (None, \(python.literal(part.value ?? "")))),")
                    }
                }
            }
            code.line("]")
            return "files=files"
        }
    }

    /// `name = [(key, value), …]`, one pair a line, after a blank line.
    private static func writePairs(_ name: String, _ pairs: [(String, String)], into code: inout CodeWriter) {
        code.blank()
        code.line("\(name) = [")
        code.indented { code in
            for (key, value) in pairs { code.line("(\(StringLiteralStyle.python.literal(key)), \(StringLiteralStyle.python.literal(value))),") }
        }
        code.line("]")
    }
}
