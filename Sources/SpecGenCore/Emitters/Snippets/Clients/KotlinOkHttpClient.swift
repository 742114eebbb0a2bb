/// Kotlin with OkHttp 3 (`RequestBody.create(MediaType, ByteArray)`; `$` in strings escaped).
public struct KotlinOkHttpClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "kotlin-okhttp", displayName: "Kotlin OkHttp", language: "kotlin", fileExtension: "kt")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.imports = ["okhttp3.OkHttpClient", "okhttp3.Request"]
        code.line("fun main() {")
        code.indented { code in
            if let seconds = request.options.timeoutSeconds {
                code.imports.insert("java.util.concurrent.TimeUnit")
                code.line("val client = OkHttpClient.Builder().callTimeout(\(seconds), TimeUnit.SECONDS).build()")
            } else {
                code.line("val client = OkHttpClient()")
            }
            var bodyName = "null"
            switch request.body {
            case .none:
                if JVMSupport.okHttpBodyRequired.contains(request.method) {
                    code.imports.insert("okhttp3.RequestBody")
                    code.line("val body = RequestBody.create(null, ByteArray(0))")
                    bodyName = "body"
                }
            case .json, .text, .urlEncoded:
                code.imports.formUnion(["okhttp3.MediaType", "okhttp3.RequestBody"])
                let type = request.header("Content-Type").map { "MediaType.parse(\(StringLiteralStyle.kotlin.literal($0)))" } ?? "null"
                code.line("val content = " + JVMSupport.kotlinString(request.bodyText ?? "", indent: code.indentation(extra: 1)))
                code.line("val body = RequestBody.create(\(type), content.toByteArray(Charsets.UTF_8))")
                bodyName = "body"
            case .multipart(let parts):
                code.imports.formUnion(["okhttp3.MultipartBody", "okhttp3.RequestBody"])
                code.line("val body = MultipartBody.Builder()")
                code.indented { code in
                    code.line(".setType(MultipartBody.FORM)")
                    for part in parts {
                        if let fileName = part.fileName {
                            code.imports.insert("java.io.File")
                            if part.contentType != nil { code.imports.insert("okhttp3.MediaType") }
                            let type = part.contentType.map { "MediaType.parse(\(StringLiteralStyle.kotlin.literal($0)))" } ?? "null"
                            code.line(".addFormDataPart(\(StringLiteralStyle.kotlin.literal(part.name)), \(StringLiteralStyle.kotlin.literal(SnippetRequest.baseName(fileName))), RequestBody.create(\(type), File(\(StringLiteralStyle.kotlin.literal(fileName)))))")
                        } else {
                            code.line(".addFormDataPart(\(StringLiteralStyle.kotlin.literal(part.name)), \(StringLiteralStyle.kotlin.literal(part.value ?? "")))")
                        }
                    }
                    code.line(".build()")
                }
                bodyName = "body"
            }
            code.line("val request = Request.Builder()")
            code.indented { code in
                code.line(".url(\(StringLiteralStyle.kotlin.literal(request.fullURL)))")
                code.line(".method(\(StringLiteralStyle.kotlin.literal(request.method)), \(bodyName))")
                for header in request.headers {
                    code.line(".addHeader(\(StringLiteralStyle.kotlin.literal(header.name)), \(StringLiteralStyle.kotlin.literal(header.value)))")
                }
                code.line(".build()")
            }
            code.blank()
            code.line("client.newCall(request).execute().use { response ->")
            code.indented { code in
                code.line("println(response.code())")
                code.line("println(response.body()?.string())")
            }
            code.line("}")
        }
        code.line("}")
    }

    func header(imports: [String]) -> String { JVMSupport.imports(imports, terminator: "") }

    public func limitation(for example: RequestExample) -> String? { JavaOkHttpClient().limitation(for: example) }
}
