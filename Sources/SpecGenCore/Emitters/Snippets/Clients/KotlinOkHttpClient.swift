/// Kotlin with OkHttp 3 (`RequestBody.create(MediaType, ByteArray)`; `$` in strings escaped).
public struct KotlinOkHttpClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "kotlin-okhttp", displayName: "Kotlin OkHttp", language: "kotlin", fileExtension: "kt")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.imports = ["okhttp3.OkHttpClient", "okhttp3.Request"]
        code.line("fun main() {")
        code.indented { code in
            OkHttpCall.kotlin.write(request, into: &code)
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
