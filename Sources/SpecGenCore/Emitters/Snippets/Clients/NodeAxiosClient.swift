/// Node.js axios (CommonJS); JSON bodies as objects, forms as `URLSearchParams`, multipart with `form-data`.
public struct NodeAxiosClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "node-axios", displayName: "Node.js axios", language: "javascript", fileExtension: "js")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("const axios = require('axios');")
        if case .multipart(let parts) = request.body {
            code.line("const FormData = require('form-data');")
            if request.hasFileParts { code.line("const fs = require('fs');") }
            code.blank()
            JavaScriptSupport.writeFormData(parts, into: &code) { part, fileName in
                var fields = ["filename: \(StringLiteralStyle.javaScript.literal(SnippetRequest.baseName(fileName)))"]
                if let type = part.contentType { fields.append("contentType: \(StringLiteralStyle.javaScript.literal(type))") }
                return "fs.createReadStream(\(StringLiteralStyle.javaScript.literal(fileName))), { \(fields.joined(separator: ", ")) }"
            }
        }
        code.blank()
        code.line("const options = {")
        code.indented { code in
            code.line("method: \(StringLiteralStyle.javaScript.literal(request.method)),")
            code.line("url: \(StringLiteralStyle.javaScript.literal(request.fullURL)),")
            JavaScriptSupport.writeHeaders(request.headers, into: &code, arraysForRepeats: false)
            switch request.body {
            case .none: break
            case .json(let value, let text) where JavaScriptSupport.hasUnsafeNumbers(value):
                // A JavaScript number would round this integer; a Buffer is sent as is (a string would be re-parsed).
                code.line("data: Buffer.from(\(StringLiteralStyle.javaScript.literal(text))),")
            case .json(let value, _): code.line("data: \(JavaScriptSupport.jsonExpression(value, options: request.options, level: 1)),")
            case .text(let text) where (request.header("Content-Type") ?? "").lowercased().contains("json"):
                // axios re-serialises strings under a JSON content type; a Buffer is sent byte for byte.
                code.line("data: Buffer.from(\(StringLiteralStyle.javaScript.literal(text))),")
            case .text(let text): code.line("data: \(StringLiteralStyle.javaScript.literal(text)),")
            case .urlEncoded(let fields, _): code.line("data: \(JavaScriptSupport.searchParams(fields)),")
            case .multipart: code.line("data: form,")
            }
            if let seconds = request.options.timeoutSeconds { code.line("timeout: \(seconds * 1000),") }
        }
        code.line("};")
        code.blank()
        code.line("axios")
        code.indented { code in
            code.line(".request(options)")
            code.line(".then((response) => {")
            code.indented { code in
                code.line("console.log(response.status);")
                code.line("console.log(response.data);")
            }
            code.line("})")
            code.line(".catch((error) => console.error(error));")
        }
    }
}
