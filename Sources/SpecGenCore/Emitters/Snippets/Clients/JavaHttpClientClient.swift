/// Java 11+ `java.net.http.HttpClient` (a complete `Main` class).
public struct JavaHttpClientClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "java-httpclient", displayName: "Java HttpClient", language: "java", fileExtension: "java")

    public init() {}

    /// Headers `java.net.http` refuses to set.
    static let restricted: Set<String> = ["connection", "content-length", "expect", "host", "upgrade"]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.imports = ["java.net.URI", "java.net.http.HttpClient", "java.net.http.HttpRequest", "java.net.http.HttpResponse"]
        var publisher = "HttpRequest.BodyPublishers.noBody()"
        let headers = request.headersForManualMultipart
        JVMSupport.writeJavaMain(into: &code) { code in
            switch request.body {
            case .none: break
            case .json, .text, .urlEncoded:
                code.line("String body = " + JVMSupport.javaString(request.bodyText ?? "", indent: code.indentation(extra: 2)) + ";")
                publisher = "HttpRequest.BodyPublishers.ofString(body)"
            case .multipart(let parts):
                code.imports.formUnion(["java.nio.charset.StandardCharsets", "java.nio.file.Files", "java.nio.file.Path", "java.util.List"])
                code.line("List<byte[]> body = List.of(")
                code.indented { code in
                    code.indented { code in
                        let pieces = ManualMultipart(parts).expressions(
                            text: { StringLiteralStyle.java.literal($0) + ".getBytes(StandardCharsets.UTF_8)" },
                            file: { "Files.readAllBytes(Path.of(\(StringLiteralStyle.java.literal($0))))" })
                        code.lines(pieces.enumerated().map { $0.element + ($0.offset == pieces.count - 1 ? "" : ",") })
                    }
                }
                code.line(");")
                publisher = "HttpRequest.BodyPublishers.ofByteArrays(body)"
            }
            code.line("HttpRequest request = HttpRequest.newBuilder()")
            code.indented { code in
                code.indented { code in
                    code.line(".uri(URI.create(\(StringLiteralStyle.java.literal(request.strictFullURL))))")
                    for header in headers where !Self.restricted.contains(header.name.lowercased()) {
                        code.line(".header(\(StringLiteralStyle.java.literal(header.name)), \(StringLiteralStyle.java.literal(header.value)))")
                    }
                    code.line(".method(\(StringLiteralStyle.java.literal(request.method)), \(publisher))")
                    if let seconds = request.options.timeoutSeconds {
                        code.line(".timeout(Duration.ofSeconds(\(seconds)))")
                    }
                    code.line(".build();")
                }
            }
            if request.options.timeoutSeconds != nil { code.imports.insert("java.time.Duration") }
            code.line("HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());")
            code.line("System.out.println(response.statusCode());")
            code.line("System.out.println(response.body());")
        }
    }

    func header(imports: [String]) -> String { JVMSupport.imports(imports, terminator: ";") }

    public func limitation(for example: RequestExample) -> String? {
        if let header = example.headers.first(where: { Self.restricted.contains($0.name.lowercased()) }) {
            return "java.net.http does not let callers set the \(header.name) header"
        }
        return nil
    }
}
