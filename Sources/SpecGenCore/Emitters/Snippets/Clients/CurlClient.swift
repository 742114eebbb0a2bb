/// Shell command for curl: `--request`, `--url`, `--header`, `--data-raw`, `--form-string`/`--form`.
public struct CurlClient: SnippetClient {
    public let info = SnippetClientInfo(id: "shell-curl", displayName: "curl", language: "shell", fileExtension: "sh")

    public init() {}

    public func render(_ example: RequestExample, options: SnippetOptions) -> String {
        let request = SnippetRequest(example, options: options)
        let long = options.longFlags
        var words = ["curl"]
        words.append((long ? "--request " : "-X ") + ShellSupport.quote(request.method))
        // curl reads `[a-b]` and `{a,b}` in a URL as globs; a placeholder or bracket must be sent as written.
        if request.fullURL.contains(where: { "[]{}".contains($0) }) { words.append(long ? "--globoff" : "-g") }
        words.append((long ? "--url " : "") + ShellSupport.quote(request.fullURL))
        for header in request.headers {
            let text = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            words.append((long ? "--header " : "-H ") + ShellSupport.quote(text))
        }
        if let seconds = options.timeoutSeconds { words.append((long ? "--max-time " : "-m ") + String(seconds)) }
        var pipe: String?
        switch request.body {
        case .none: break
        case .json(_, let text), .text(let text):
            if text.utf8.count > ShellSupport.largeBodyThreshold {
                words.append("--data-binary @-")
                pipe = text
            } else {
                words.append("--data-raw " + ShellSupport.quote(text))
            }
        case .urlEncoded(let fields, let encoded):
            if encoded.utf8.count > ShellSupport.largeBodyThreshold {
                words.append("--data-binary @-")
                pipe = encoded
            } else {
                for field in fields {
                    if SnippetRequest.percentEncode(field.name) == field.name {
                        words.append("--data-urlencode " + ShellSupport.quote("\(field.name)=\(field.value)"))
                    } else {
                        words.append("--data-raw " + ShellSupport.quote(SnippetRequest.formEncode([field])))
                    }
                }
            }
        case .multipart(let parts):
            for part in parts {
                if let fileName = part.fileName {
                    var spec = "\(part.name)=@\"\(fileName)\""
                    if let type = part.contentType { spec += ";type=\(type)" }
                    words.append((long ? "--form " : "-F ") + ShellSupport.quote(spec))
                } else {
                    words.append("--form-string " + ShellSupport.quote("\(part.name)=\(part.value ?? "")"))
                }
            }
        }
        let command = ShellSupport.command(words, multiline: options.multilineShell, indent: options.indentUnit)
        if let pipe { return ShellSupport.printf(pipe) + " | " + command + "\n" }
        return command + "\n"
    }
}
