/// Python `requests`: `params`, `headers`, `json=` for JSON bodies, `data=` for forms and text, `files=` for multipart.
public struct PythonRequestsClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "python-requests", displayName: "Python requests", language: "python", fileExtension: "py")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        PythonRequestCall(module: "requests", bytesArgument: "data", formAsPairs: true, headersAsDict: true).write(request, into: &code)
    }
}
