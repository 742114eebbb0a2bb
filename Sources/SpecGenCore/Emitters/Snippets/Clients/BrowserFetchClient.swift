/// Browser `fetch` with promise chaining; file parts come from an `<input type="file">`.
public struct BrowserFetchClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "javascript-fetch", displayName: "JavaScript fetch (browser)", language: "javascript", fileExtension: "js")

    public init() {}

    /// Headers a page's script may not set (the browser drops them).
    static let forbiddenHeaders: Set<String> = ["cookie", "cookie2", "host", "content-length", "connection", "keep-alive", "te", "trailer",
                                                "transfer-encoding", "upgrade", "via", "referer", "origin", "date", "expect", "dnt",
                                                "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method"]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("const url = \(StringLiteralStyle.javaScript.literal(request.fullURL));")
        JavaScriptSupport.writeFetchOptions(request, into: &code) { part, _ in
            "document.querySelector(\(StringLiteralStyle.javaScript.literal("input[type=\"file\"][name=\"\(part.name.replacingOccurrences("\"", with: "\\\""))\"]"))).files[0]"
        }
        code.blank()
        code.line("fetch(url, options)")
        code.indented { code in
            code.line(".then((response) => response.text())")
            code.line(".then((text) => console.log(text))")
            code.line(".catch((error) => console.error(error));")
        }
    }

    public func limitation(for example: RequestExample) -> String? {
        if let reason = JavaScriptSupport.formDataLimitation(example) { return reason }
        if let header = example.headers.first(where: { Self.forbiddenHeaders.contains($0.name.lowercased()) }) {
            return "browsers do not let scripts set the \(header.name) header"
        }
        if case .multipart(let parts)? = example.body, parts.contains(where: { $0.fileName != nil }) {
            return "a browser script takes file parts from an <input type=\"file\">, which a test run has not got"
        }
        return nil
    }
}
