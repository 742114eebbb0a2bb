/// Java OkHttp 3/4 (`Request.Builder`, `RequestBody.create(MediaType, byte[])` so no charset is appended).
public struct JavaOkHttpClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "java-okhttp", displayName: "Java OkHttp", language: "java", fileExtension: "java")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.imports = ["okhttp3.OkHttpClient", "okhttp3.Request", "okhttp3.Response"]
        code.line("public class Main {")
        code.indented { code in
            code.line("public static void main(String[] args) throws Exception {")
            code.indented { code in
                if let seconds = request.options.timeoutSeconds {
                    code.imports.insert("java.util.concurrent.TimeUnit")
                    code.line("OkHttpClient client = new OkHttpClient.Builder().callTimeout(\(seconds), TimeUnit.SECONDS).build();")
                } else {
                    code.line("OkHttpClient client = new OkHttpClient();")
                }
                var bodyName = "null"
                switch request.body {
                case .none:
                    if JVMSupport.okHttpBodyRequired.contains(request.method) {
                        code.imports.insert("okhttp3.RequestBody")
                        code.line("RequestBody body = RequestBody.create(null, new byte[0]);")
                        bodyName = "body"
                    }
                case .json, .text, .urlEncoded:
                    code.imports.formUnion(["okhttp3.MediaType", "okhttp3.RequestBody", "java.nio.charset.StandardCharsets"])
                    let type = request.header("Content-Type").map(StringLiteralStyle.java.literal) ?? "null"
                    code.line("String content = " + JVMSupport.javaString(request.bodyText ?? "", indent: code.indentation(extra: 2)) + ";")
                    code.line("RequestBody body = RequestBody.create(\(type == "null" ? "null" : "MediaType.parse(\(type))"), content.getBytes(StandardCharsets.UTF_8));")
                    bodyName = "body"
                case .multipart(let parts):
                    code.imports.formUnion(["okhttp3.MultipartBody", "okhttp3.RequestBody"])
                    code.line("RequestBody body = new MultipartBody.Builder()")
                    code.indented { code in
                        code.indented { code in
                            code.line(".setType(MultipartBody.FORM)")
                            for part in parts {
                                if let fileName = part.fileName {
                                    code.imports.insert("java.io.File")
                                    let type = part.contentType.map { "MediaType.parse(\(StringLiteralStyle.java.literal($0)))" } ?? "null"
                                    if part.contentType != nil { code.imports.insert("okhttp3.MediaType") }
                                    code.line(".addFormDataPart(\(StringLiteralStyle.java.literal(part.name)), \(StringLiteralStyle.java.literal(SnippetRequest.baseName(fileName))), RequestBody.create(\(type), new File(\(StringLiteralStyle.java.literal(fileName)))))")
                                } else {
                                    code.line(".addFormDataPart(\(StringLiteralStyle.java.literal(part.name)), \(StringLiteralStyle.java.literal(part.value ?? "")))")
                                }
                            }
                            code.line(".build();")
                        }
                    }
                    bodyName = "body"
                }
                code.line("Request request = new Request.Builder()")
                code.indented { code in
                    code.indented { code in
                        code.line(".url(\(StringLiteralStyle.java.literal(request.fullURL)))")
                        code.line(".method(\(StringLiteralStyle.java.literal(request.method)), \(bodyName))")
                        for header in request.headers {
                            code.line(".addHeader(\(StringLiteralStyle.java.literal(header.name)), \(StringLiteralStyle.java.literal(header.value)))")
                        }
                        code.line(".build();")
                    }
                }
                code.line("try (Response response = client.newCall(request).execute()) {")
                code.indented { code in
                    code.line("System.out.println(response.code());")
                    code.line("System.out.println(response.body().string());")
                }
                code.line("}")
            }
            code.line("}")
        }
        code.line("}")
    }

    func header(imports: [String]) -> String { JVMSupport.imports(imports, terminator: ";") }

    public func limitation(for example: RequestExample) -> String? {
        if example.body != nil, ["GET", "HEAD"].contains(example.method.uppercased()) {
            return "OkHttp refuses a body on \(example.method.uppercased())"
        }
        return nil
    }
}
