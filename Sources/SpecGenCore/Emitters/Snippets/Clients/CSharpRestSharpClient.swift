/// C# RestSharp 110+ (`RestClient`, `RestRequest`, `AddStringBody`, `AddFile`), as top-level statements.
public struct CSharpRestSharpClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "csharp-restsharp", displayName: "C# RestSharp", language: "csharp", fileExtension: "cs")

    public init() {}

    private static let methods: [String: String] = ["GET": "Get", "POST": "Post", "PUT": "Put", "DELETE": "Delete", "HEAD": "Head",
                                                    "OPTIONS": "Options", "PATCH": "Patch", "MERGE": "Merge", "COPY": "Copy", "SEARCH": "Search"]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("using RestSharp;")
        code.blank()
        if let seconds = request.options.timeoutSeconds {
            code.line("var options = new RestClientOptions(\(StringLiteralStyle.cSharp.literal(request.fullURL))) { Timeout = TimeSpan.FromSeconds(\(seconds)) };")
            code.line("var client = new RestClient(options);")
        } else {
            code.line("var client = new RestClient(\(StringLiteralStyle.cSharp.literal(request.fullURL)));")
        }
        code.line("var request = new RestRequest(\"\", Method.\(Self.methods[request.method] ?? "Get"));")
        let contentType = request.header("Content-Type")
        for header in request.headers where header.name.lowercased() != "content-type" || request.bodyText == nil {
            code.line("request.AddHeader(\(StringLiteralStyle.cSharp.literal(header.name)), \(StringLiteralStyle.cSharp.literal(header.value)));")
        }
        switch request.body {
        case .none: break
        case .json, .text:
            code.line("request.AddStringBody(\(StringLiteralStyle.cSharp.literal(request.bodyText ?? "")), \(StringLiteralStyle.cSharp.literal(contentType ?? "text/plain")));")
        case .urlEncoded(let fields, _):
            for field in fields { code.line("request.AddParameter(\(StringLiteralStyle.cSharp.literal(field.name)), \(StringLiteralStyle.cSharp.literal(field.value)));") }
        case .multipart(let parts):
            code.line("request.AlwaysMultipartFormData = true;")
            for part in parts {
                if let fileName = part.fileName {
                    let type = part.contentType.map { ", " + StringLiteralStyle.cSharp.literal($0) } ?? ""
                    code.line("request.AddFile(\(StringLiteralStyle.cSharp.literal(part.name)), \(StringLiteralStyle.cSharp.literal(fileName))\(type));")
                } else {
                    code.line("request.AddParameter(\(StringLiteralStyle.cSharp.literal(part.name)), \(StringLiteralStyle.cSharp.literal(part.value ?? "")));")
                }
            }
        }
        code.line("var response = await client.ExecuteAsync(request);")
        code.blank()
        code.line("Console.WriteLine((int)response.StatusCode);")
        code.line("Console.WriteLine(response.Content);")
    }

    public func limitation(for example: RequestExample) -> String? {
        let method = example.method.uppercased()
        if Self.methods[method] == nil { return "RestSharp's Method enum has no \(method)" }
        return nil
    }
}
