/// Shell command for HTTPie (`http METHOD url Header:value`, `--raw` bodies, `--form`/`--multipart` fields).
public struct HTTPieClient: SnippetClient {
    public let info = SnippetClientInfo(id: "shell-httpie", displayName: "HTTPie", language: "shell", fileExtension: "sh")

    public init() {}

    public func render(_ example: RequestExample, options: SnippetOptions) -> String {
        let request = SnippetRequest(example, options: options)
        var words = ["http"]
        var pipe: String?
        var items: [String] = []
        switch request.body {
        case .none: break
        case .json(_, let text), .text(let text):
            if text.utf8.count > ShellSupport.largeBodyThreshold { pipe = text } else { words.append("--raw " + ShellSupport.quote(text)) }
        case .urlEncoded(let fields, let encoded):
            if fields.allSatisfy({ Self.isPlainKey($0.name) }) {
                words.append("--form")
                items = fields.map { ShellSupport.quote("\($0.name)=\(Self.escapeValue($0.value))") }
            } else if encoded.utf8.count > ShellSupport.largeBodyThreshold {
                pipe = encoded
            } else {
                words.append("--raw " + ShellSupport.quote(encoded))
            }
        case .multipart(let parts):
            words.append("--multipart")
            items = parts.map { part in
                if let fileName = part.fileName {
                    return ShellSupport.quote("\(Self.escapeKey(part.name))@\(fileName)" + (part.contentType.map { ";type=\($0)" } ?? ""))
                }
                return ShellSupport.quote("\(Self.escapeKey(part.name))=\(Self.escapeValue(part.value ?? ""))")
            }
        }
        if pipe == nil { words.insert("--ignore-stdin", at: 1) }
        if let seconds = options.timeoutSeconds { words.append("--timeout \(seconds)") }
        words.append(ShellSupport.quote(request.method))
        words.append(ShellSupport.quote(request.fullURL))
        for header in request.headers {
            let name = Self.escapeKey(header.name)
            words.append(ShellSupport.quote(header.value.isEmpty ? "\(name);" : "\(name):\(Self.escapeValue(header.value))"))
        }
        words += items
        let command = ShellSupport.command(words, multiline: options.multilineShell, indent: options.indentUnit)
        if let pipe { return ShellSupport.printf(pipe) + " | " + command + "\n" }
        return command + "\n"
    }

    private static func isPlainKey(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// An item's value: a leading `@` or `=` would extend the separator (`:@file`, `=@file`, `:=json`), and a
    /// backslash before a separator character would be read as an escape; both are escaped.
    private static func escapeValue(_ value: String) -> String {
        var output = ""
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if index == 0, scalar == "@" || scalar == "=" { output += "\\" }
            if scalar == "\\", index + 1 < scalars.count, separatorScalars.contains(scalars[index + 1]) { output += "\\" }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    private static let separatorScalars: Set<Unicode.Scalar> = [":", "=", "@", ";", "[", "]"]

    /// HTTPie reads `:`, `=`, `@` and `\` in an item's key as separators unless backslash-escaped.
    private static func escapeKey(_ name: String) -> String {
        var output = ""
        for scalar in name.unicodeScalars {
            if separatorScalars.contains(scalar) || scalar == "\\" { output += "\\" }
            output.unicodeScalars.append(scalar)
        }
        return output
    }
}
