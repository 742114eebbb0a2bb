/// Helpers shared by the JavaScript clients (axios, Node fetch, browser fetch).
enum JavaScriptSupport {
    /// Writes `headers: {...}` (or `[[name, value], …]` when a name repeats, which fetch accepts) into `code`.
    static func writeHeaders(_ headers: [NameValue], into code: inout CodeWriter, arraysForRepeats: Bool) {
        guard !headers.isEmpty else { return }
        let names = headers.map { $0.name.lowercased() }
        if Set(names).count != names.count, arraysForRepeats {
            code.line("headers: [")
            code.indented { code in
                for header in headers { code.line("[\(StringLiteralStyle.javaScript.literal(header.name)), \(StringLiteralStyle.javaScript.literal(header.value))],") }
            }
            code.line("],")
            return
        }
        // One member per name; a repeated header becomes an array of values.
        var merged: [(String, [String])] = []
        for header in headers {
            if let index = merged.firstIndex(where: { $0.0.lowercased() == header.name.lowercased() }) {
                merged[index].1.append(header.value)
            } else {
                merged.append((header.name, [header.value]))
            }
        }
        code.line("headers: {")
        code.indented { code in
            for (name, values) in merged {
                let value = values.count == 1 ? StringLiteralStyle.javaScript.literal(values[0]) : "[" + values.map(StringLiteralStyle.javaScript.literal).joined(separator: ", ") + "]"
                code.line("\(key(name)): \(value),")
            }
        }
        code.line("},")
    }

    /// An object key: bare when it is a plain identifier, quoted otherwise.
    static func key(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first == "_" || first == "$" || first.isASCIILetter,
              text.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "$" }) else {
            return StringLiteralStyle.javaScript.literal(text)
        }
        return text
    }

    /// A JSON body as a JavaScript value expression, multi-line when `pretty`.
    static func jsonExpression(_ value: JSONValue, options: SnippetOptions, level: Int) -> String {
        guard options.prettyJSON else { return JSONExpression.javaScript.render(value, indent: nil) }
        let unit = options.indentUnit
        let text = JSONExpression.javaScript.render(value, indent: unit)
        let pad = String(repeating: unit, count: level)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }

    /// True when the value holds a number a JavaScript number cannot carry exactly: an integer beyond ±2^53,
    /// `1e400` (`Infinity`, which `JSON.stringify` writes as `null`) or `0.1e-400` (written as `0`).
    static func hasUnsafeNumbers(_ value: JSONValue) -> Bool {
        value.containsNumber { !$0.isExactInDouble }
    }

    /// `new URLSearchParams([...])` for form fields (order and repeats kept).
    static func searchParams(_ fields: [NameValue]) -> String {
        "new URLSearchParams([" + fields.map { "[\(StringLiteralStyle.javaScript.literal($0.name)), \(StringLiteralStyle.javaScript.literal($0.value))]" }.joined(separator: ", ") + "])"
    }

    /// Why spec-compliant `FormData` cannot send these parts as described (nil when it can).
    static func formDataLimitation(_ example: RequestExample) -> String? {
        guard case .multipart(let parts)? = example.body else { return nil }
        if parts.contains(where: { $0.fileName == nil && (($0.value ?? "").contains("\n") || ($0.value ?? "").contains("\r")) }) {
            return "FormData turns line breaks in text fields into CRLF (HTML form encoding), so a bare LF or CR cannot be sent"
        }
        return nil
    }

    /// `const form = new FormData();` and one `form.append(name, …)` a part; `fileArguments` gives a file part's
    /// value and what follows it (file name, options).
    static func writeFormData(_ parts: [MultipartPart], into code: inout CodeWriter, fileArguments: (MultipartPart, String) -> String) {
        code.line("const form = new FormData();")
        for part in parts {
            let value = part.fileName.map { fileArguments(part, $0) } ?? StringLiteralStyle.javaScript.literal(part.value ?? "")
            code.line("form.append(\(StringLiteralStyle.javaScript.literal(part.name)), \(value));")
        }
    }

    /// Writes the `fetch` options object and the multipart `FormData` it needs; `fileExpression` makes the Blob for a file part.
    static func writeFetchOptions(_ request: SnippetRequest, into code: inout CodeWriter, fileExpression: (MultipartPart, String) -> String) {
        if case .multipart(let parts) = request.body {
            writeFormData(parts, into: &code) { part, fileName in
                fileExpression(part, fileName) + ", " + StringLiteralStyle.javaScript.literal(SnippetRequest.baseName(fileName))
            }
            code.blank()
        }
        code.line("const options = {")
        code.indented { code in
            code.line("method: \(StringLiteralStyle.javaScript.literal(request.method)),")
            writeHeaders(request.headers, into: &code, arraysForRepeats: true)
            switch request.body {
            case .none: break
            case .json(let value, let text) where hasUnsafeNumbers(value):
                // A JavaScript number would round this integer: send the JSON text as written.
                code.line("body: \(StringLiteralStyle.javaScript.literal(text)),")
            case .json(let value, _): code.line("body: JSON.stringify(\(jsonExpression(value, options: request.options, level: 1))),")
            case .text(let text): code.line("body: \(StringLiteralStyle.javaScript.literal(text)),")
            case .urlEncoded(let fields, _): code.line("body: \(searchParams(fields)),")
            case .multipart: code.line("body: form,")
            }
            if let seconds = request.options.timeoutSeconds { code.line("signal: AbortSignal.timeout(\(seconds * 1000)),") }
        }
        code.line("};")
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
