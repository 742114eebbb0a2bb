/// Python 3 standard library `http.client`: connection to the URL's host (placeholders kept), body as UTF-8 bytes.
public struct PythonHTTPClientClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "python-http-client", displayName: "Python http.client", language: "python", fileExtension: "py")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        let multipart: ManualMultipart? = if case .multipart(let parts) = request.body { ManualMultipart(parts) } else { nil }
        code.line("import http.client")
        if case .json(let value, _) = request.body, value.objectValue != nil || value.arrayValue != nil, !PythonSupport.losesNumbers(value) { code.line("import json") }
        if multipart?.segments.contains(where: { if case .file = $0 { true } else { false } }) == true { code.line("from pathlib import Path") }
        code.blank()
        let connection = request.scheme == "http" ? "HTTPConnection" : "HTTPSConnection"
        let timeout = request.options.timeoutSeconds.map { ", timeout=\($0)" } ?? ""
        code.line("conn = http.client.\(connection)(\(StringLiteralStyle.python.literal(request.authority))\(timeout))")
        code.blank()
        let headers = request.headersForManualMultipart
        var bodyExpression = "None"
        if case .json(let value, _) = request.body, value.objectValue != nil || value.arrayValue != nil, !PythonSupport.losesNumbers(value) {
            // json.dumps writes ASCII-only JSON (non-ASCII as \\u escapes), the same document in readable form.
            code.line("payload = json.dumps(" + JSONExpression.python.render(value, indent: request.options.prettyJSON ? request.options.indentUnit : nil) + ").encode(\"utf-8\")")
            bodyExpression = "payload"
        } else if let text = request.bodyText {
            code.line("payload = \(StringLiteralStyle.python.literal(text)).encode(\"utf-8\")")
            bodyExpression = "payload"
        } else if let multipart {
            code.line("payload = b\"\".join([")
            code.indented { code in
                code.lines(multipart.expressions(
                    text: { "\(StringLiteralStyle.python.literal($0)).encode(\"utf-8\")," },
                    file: { "Path(\(StringLiteralStyle.python.literal($0))).read_bytes()," }))
            }
            code.line("])")
            bodyExpression = "payload"
        }
        let names = headers.map { $0.name.lowercased() }
        let repeated = Set(names).count != names.count
        if repeated {
            // A dict cannot hold a header twice: send them one by one.
            code.blank()
            code.line("conn.putrequest(\(StringLiteralStyle.python.literal(request.method)), \(StringLiteralStyle.python.literal(request.pathAndQuery)), skip_accept_encoding=True)")
            for header in headers { code.line("conn.putheader(\(StringLiteralStyle.python.literal(header.name)), \(StringLiteralStyle.python.literal(header.value)))") }
            if bodyExpression != "None" { code.line("conn.putheader(\"Content-Length\", str(len(payload)))") }
            code.line("conn.endheaders(\(bodyExpression == "None" ? "" : bodyExpression))")
        } else {
            if !headers.isEmpty {
                code.blank()
                code.line("headers = {")
                code.indented { code in
                    for header in headers { code.line("\(StringLiteralStyle.python.literal(header.name)): \(StringLiteralStyle.python.literal(header.value)),") }
                }
                code.line("}")
            }
            code.blank()
            let headerArgument = headers.isEmpty ? "" : ", headers=headers"
            code.line("conn.request(\(StringLiteralStyle.python.literal(request.method)), \(StringLiteralStyle.python.literal(request.pathAndQuery)), body=\(bodyExpression)\(headerArgument))")
        }
        code.blank()
        code.line("res = conn.getresponse()")
        code.line("data = res.read()")
        code.blank()
        code.line("print(res.status, res.reason)")
        code.line("print(data.decode(\"utf-8\"))")
    }
}
