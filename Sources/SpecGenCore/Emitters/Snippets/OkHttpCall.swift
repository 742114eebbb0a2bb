/// What the Java and Kotlin OkHttp clients share: the client (with its timeout), the `RequestBody` and the built
/// `Request`, each language spelling the same statements its own way.
struct OkHttpCall: Sendable {
    /// How strings are written.
    let strings: StringLiteralStyle
    /// The start of a declaration of `name` of `type` (`Request request = `, `val request = `).
    let declare: @Sendable (_ type: String, _ name: String) -> String
    /// What ends a statement (`;` or nothing).
    let end: String
    /// What precedes a constructor call (`new ` or nothing).
    let new: String
    /// An empty byte array.
    let emptyBytes: String
    /// The UTF-8 bytes of `content`, and the imports that needs.
    let contentBytes: String, contentBytesImports: [String]
    /// The body text as an expression (long texts joined at run time), indented `extra` levels deeper.
    let string: @Sendable (_ text: String, _ indent: String) -> String
    /// How many levels deeper a builder chain's `.call()` lines sit (Java style continues with two).
    let chainIndent: Int

    static let java = OkHttpCall(
        strings: .java, declare: { type, name in "\(type) \(name) = " }, end: ";", new: "new ", emptyBytes: "new byte[0]",
        contentBytes: "content.getBytes(StandardCharsets.UTF_8)", contentBytesImports: ["java.nio.charset.StandardCharsets"],
        string: JVMSupport.javaString, chainIndent: 2)

    static let kotlin = OkHttpCall(
        strings: .kotlin, declare: { _, name in "val \(name) = " }, end: "", new: "", emptyBytes: "ByteArray(0)",
        contentBytes: "content.toByteArray(Charsets.UTF_8)", contentBytesImports: [], string: JVMSupport.kotlinString, chainIndent: 1)

    /// Writes `client`, `body` (when there is one) and `request` for `request`.
    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        if let seconds = request.options.timeoutSeconds {
            code.imports.insert("java.util.concurrent.TimeUnit")
            code.line(declare("OkHttpClient", "client") + new + "OkHttpClient.Builder().callTimeout(\(seconds), TimeUnit.SECONDS).build()" + end)
        } else {
            code.line(declare("OkHttpClient", "client") + new + "OkHttpClient()" + end)
        }
        let bodyName = writeBody(request, into: &code) ? "body" : "null"
        code.line(declare("Request", "request") + new + "Request.Builder()")
        chain(&code) { code in
            code.line(".url(\(strings.literal(request.fullURL)))")
            code.line(".method(\(strings.literal(request.method)), \(bodyName))")
            for header in request.headers {
                code.line(".addHeader(\(strings.literal(header.name)), \(strings.literal(header.value)))")
            }
            code.line(".build()" + end)
        }
    }

    /// Writes `body`; false when the request has none (OkHttp wants an empty one for POST, PUT, PATCH …).
    private func writeBody(_ request: SnippetRequest, into code: inout CodeWriter) -> Bool {
        switch request.body {
        case .none:
            guard JVMSupport.okHttpBodyRequired.contains(request.method) else { return false }
            code.imports.insert("okhttp3.RequestBody")
            code.line(declare("RequestBody", "body") + "RequestBody.create(null, \(emptyBytes))" + end)
        case .json, .text, .urlEncoded:
            code.imports.formUnion(["okhttp3.MediaType", "okhttp3.RequestBody"] + contentBytesImports)
            let type = request.header("Content-Type").map { "MediaType.parse(\(strings.literal($0)))" } ?? "null"
            code.line(declare("String", "content") + string(request.bodyText ?? "", code.indentation(extra: chainIndent)) + end)
            code.line(declare("RequestBody", "body") + "RequestBody.create(\(type), \(contentBytes))" + end)
        case .multipart(let parts):
            code.imports.formUnion(["okhttp3.MultipartBody", "okhttp3.RequestBody"])
            code.line(declare("RequestBody", "body") + new + "MultipartBody.Builder()")
            chain(&code) { code in
                code.line(".setType(MultipartBody.FORM)")
                for part in parts {
                    if let fileName = part.fileName {
                        code.imports.insert("java.io.File")
                        if part.contentType != nil { code.imports.insert("okhttp3.MediaType") }
                        let type = part.contentType.map { "MediaType.parse(\(strings.literal($0)))" } ?? "null"
                        let file = "RequestBody.create(\(type), \(new)File(\(strings.literal(fileName))))"
                        code.line(".addFormDataPart(\(strings.literal(part.name)), \(strings.literal(SnippetRequest.baseName(fileName))), \(file))")
                    } else {
                        code.line(".addFormDataPart(\(strings.literal(part.name)), \(strings.literal(part.value ?? "")))")
                    }
                }
                code.line(".build()" + end)
            }
        }
        return true
    }

    /// Runs `body` `depth` (by default `chainIndent`) levels deeper.
    private func chain(_ code: inout CodeWriter, depth: Int? = nil, _ body: (inout CodeWriter) -> Void) {
        let depth = depth ?? chainIndent
        if depth == 0 { body(&code) } else { code.indented { chain(&$0, depth: depth - 1, body) } }
    }
}
