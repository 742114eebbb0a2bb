/// Shell command for GNU wget (`--method`, `--header`, `--body-data`; multipart written to a temporary file).
public struct WgetClient: SnippetClient {
    public let info = SnippetClientInfo(id: "shell-wget", displayName: "wget", language: "shell", fileExtension: "sh")

    public init() {}

    public func render(_ example: RequestExample, options: SnippetOptions) -> String {
        let request = SnippetRequest(example, options: options)
        var prelude: [String] = []
        var cleanup: String?
        var words = ["wget", "--quiet", "--method " + ShellSupport.quote(request.method)]
        // wget keeps only the last --header of a name, so a repeated header is sent once with its values joined by ", ".
        for (name, value) in SnippetRequest.joiningRepeats(request.headers) {
            words.append("--header " + ShellSupport.quote("\(name): \(value)"))
        }
        if let seconds = options.timeoutSeconds { words.append("--timeout \(seconds)") }
        switch request.body {
        case .none: break
        case .json, .text, .urlEncoded:
            let text = request.bodyText ?? ""
            if text.utf8.count > ShellSupport.largeBodyThreshold {
                prelude = ["body=$(mktemp)", ShellSupport.printf(text) + " > \"$body\""]
                words.append("--body-file \"$body\"")
                cleanup = "rm -f \"$body\""
            } else {
                words.append("--body-data " + StringLiteralStyle.shell.literal(text))
            }
        case .multipart(let parts):
            prelude = ShellSupport.multipartBody(parts, into: "body", indent: options.indentUnit)
            words.append("--header " + ShellSupport.quote("Content-Type: \(ManualMultipart.contentType)"))
            words.append("--body-file \"$body\"")
            cleanup = "rm -f \"$body\""
        }
        words.append("--output-document -")
        words.append(ShellSupport.quote(request.fullURL))
        var lines = prelude
        lines.append(ShellSupport.command(words, multiline: options.multilineShell, indent: options.indentUnit))
        if let cleanup { lines.append(cleanup) }
        return lines.joined(separator: "\n") + "\n"
    }
}
