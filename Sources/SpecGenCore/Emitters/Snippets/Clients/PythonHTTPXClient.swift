/// Python `httpx`: `params`, headers as pairs (repeats kept), `json=` for JSON, `content=` for raw text and
/// encoded forms, `files=` for multipart (fields as `(None, value)`, so parts keep their order).
public struct PythonHTTPXClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "python-httpx", displayName: "Python httpx", language: "python", fileExtension: "py")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        PythonRequestCall(module: "httpx", bytesArgument: "content", formAsPairs: false, headersAsDict: false).write(request, into: &code)
    }
}
