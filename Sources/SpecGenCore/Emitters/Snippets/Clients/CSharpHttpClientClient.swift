/// C# `System.Net.Http.HttpClient` (content headers go on the content; bytes sent as given).
public struct CSharpHttpClientClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "csharp-httpclient", displayName: "C# HttpClient", language: "csharp", fileExtension: "cs")

    public init() {}

    /// Headers .NET only accepts on `HttpContent.Headers`.
    static let contentHeaders: Set<String> = ["content-type", "content-length", "content-language", "content-encoding", "content-location",
                                              "content-md5", "content-range", "content-disposition", "expires", "last-modified", "allow"]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.imports = ["System", "System.Net.Http", "System.Threading.Tasks"]
        code.line("class Program")
        code.line("{")
        code.indented { code in
            code.line("static void Main() => Run().GetAwaiter().GetResult();")
            code.blank()
            code.line("static async Task Run()")
            code.line("{")
            code.indented { code in
                code.line("var client = new HttpClient();")
                if let seconds = request.options.timeoutSeconds { code.line("client.Timeout = TimeSpan.FromSeconds(\(seconds));") }
                code.line("var request = new HttpRequestMessage(new HttpMethod(\(StringLiteralStyle.cSharp.literal(request.method))), \(StringLiteralStyle.cSharp.literal(request.fullURL)));")
                let contentHeaders = request.headers.filter { Self.contentHeaders.contains($0.name.lowercased()) }
                for header in request.headers where !Self.contentHeaders.contains(header.name.lowercased()) {
                    code.line("request.Headers.TryAddWithoutValidation(\(StringLiteralStyle.cSharp.literal(header.name)), \(StringLiteralStyle.cSharp.literal(header.value)));")
                }
                switch request.body {
                case .none:
                    if !contentHeaders.isEmpty { code.line("request.Content = new ByteArrayContent(new byte[0]);") }
                case .json, .text, .urlEncoded:
                    code.imports.insert("System.Text")
                    code.line("request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(\(StringLiteralStyle.cSharp.literal(request.bodyText ?? ""))));")
                case .multipart(let parts):
                    code.imports.insert("System.Text")
                    code.line("var form = new MultipartFormDataContent();")
                    for part in parts {
                        if let fileName = part.fileName {
                            code.imports.insert("System.IO")
                            code.block("{", "}") { code in
                                code.line("var file = new ByteArrayContent(File.ReadAllBytes(\(StringLiteralStyle.cSharp.literal(fileName))));")
                                if let type = part.contentType {
                                    code.line("file.Headers.TryAddWithoutValidation(\"Content-Type\", \(StringLiteralStyle.cSharp.literal(type)));")
                                }
                                code.line("form.Add(file, \(StringLiteralStyle.cSharp.literal(part.name)), \(StringLiteralStyle.cSharp.literal(SnippetRequest.baseName(fileName))));")
                            }
                        } else {
                            code.line("form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(\(StringLiteralStyle.cSharp.literal(part.value ?? "")))), \(StringLiteralStyle.cSharp.literal(part.name)));")
                        }
                    }
                    code.line("request.Content = form;")
                }
                for header in contentHeaders {
                    code.line("request.Content.Headers.Remove(\(StringLiteralStyle.cSharp.literal(header.name)));")
                    code.line("request.Content.Headers.TryAddWithoutValidation(\(StringLiteralStyle.cSharp.literal(header.name)), \(StringLiteralStyle.cSharp.literal(header.value)));")
                }
                code.line("using (var response = await client.SendAsync(request))")
                code.line("{")
                code.indented { code in
                    code.line("Console.WriteLine((int)response.StatusCode);")
                    code.line("Console.WriteLine(await response.Content.ReadAsStringAsync());")
                }
                code.line("}")
            }
            code.line("}")
        }
        code.line("}")
    }

    func header(imports: [String]) -> String { imports.map { "using \($0);" }.joined(separator: "\n") + "\n\n" }
}
