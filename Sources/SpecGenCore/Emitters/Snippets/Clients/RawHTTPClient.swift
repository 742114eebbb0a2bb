/// The raw HTTP/1.1 request message (request line, headers, blank line, body), as protocol docs show it.
public struct RawHTTPClient: SnippetClient {
    public let info = SnippetClientInfo(id: "http-raw", displayName: "HTTP/1.1", language: "http", fileExtension: "http")

    public init() {}

    public func render(_ example: RequestExample, options: SnippetOptions) -> String {
        let request = SnippetRequest(example, options: options)
        var lines = ["\(request.method) \(request.pathAndQuery) HTTP/1.1", "Host: \(request.authority)"]
        var headers = request.headers.filter { $0.name.lowercased() != "host" }
        var body: String?
        switch request.body {
        case .none: break
        case .json, .text, .urlEncoded: body = request.bodyText
        case .multipart(let parts):
            headers.append(NameValue("Content-Type", ManualMultipart.contentType))
            body = ManualMultipart(parts).segments.map { segment in
                switch segment {
                case .text(let text): text
                case .file(let path):
                    // The message cannot read a file: show its content when the example carries it.
                    parts.first { $0.fileName == path }?.value ?? "<contents of \(path)>"
                }
            }.joined()
        }
        for header in headers { lines.append("\(header.name): \(header.value)") }
        if let body { lines.append("Content-Length: \(body.utf8.count)") }
        return lines.joined(separator: "\n") + "\n\n" + (body ?? "")
    }

    public func limitation(for example: RequestExample) -> String? {
        if case .multipart(let parts)? = example.body, parts.contains(where: { $0.fileName != nil && $0.value == nil }) {
            return "a raw HTTP message cannot read a file part's content from disk"
        }
        return nil
    }
}
