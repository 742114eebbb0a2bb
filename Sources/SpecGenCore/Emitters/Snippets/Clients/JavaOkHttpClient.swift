/// Java OkHttp 3/4 (`Request.Builder`, `RequestBody.create(MediaType, byte[])` so no charset is appended).
public struct JavaOkHttpClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "java-okhttp", displayName: "Java OkHttp", language: "java", fileExtension: "java")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.imports = ["okhttp3.OkHttpClient", "okhttp3.Request", "okhttp3.Response"]
        JVMSupport.writeJavaMain(into: &code) { code in
            OkHttpCall.java.write(request, into: &code)
            code.line("try (Response response = client.newCall(request).execute()) {")
            code.indented { code in
                code.line("System.out.println(response.code());")
                code.line("System.out.println(response.body().string());")
            }
            code.line("}")
        }
    }

    func header(imports: [String]) -> String { JVMSupport.imports(imports, terminator: ";") }

    public func limitation(for example: RequestExample) -> String? {
        if example.body != nil, ["GET", "HEAD"].contains(example.method.uppercased()) {
            return "OkHttp refuses a body on \(example.method.uppercased())"
        }
        return nil
    }
}
