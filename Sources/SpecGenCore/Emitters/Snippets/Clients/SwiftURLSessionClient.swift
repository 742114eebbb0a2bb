/// Swift `URLSession` with async/await (works on Linux through FoundationNetworking).
public struct SwiftURLSessionClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "swift-urlsession", displayName: "Swift URLSession", language: "swift", fileExtension: "swift")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("import Foundation")
        code.line("#if canImport(FoundationNetworking)")
        code.line("import FoundationNetworking")
        code.line("#endif")
        code.blank()
        code.line("let url = URL(string: \(StringLiteralStyle.swift.literal(request.strictFullURL)))!")
        code.line("var request = URLRequest(url: url)")
        code.line("request.httpMethod = \(StringLiteralStyle.swift.literal(request.method))")
        if let seconds = request.options.timeoutSeconds { code.line("request.timeoutInterval = \(seconds)") }
        for header in request.headersForManualMultipart {
            code.line("request.addValue(\(StringLiteralStyle.swift.literal(header.value)), forHTTPHeaderField: \(StringLiteralStyle.swift.literal(header.name)))")
        }
        switch request.body {
        case .none: break
        case .json, .text, .urlEncoded:
            code.line("request.httpBody = Data(\(StringLiteralStyle.swift.readableLiteral(request.bodyText ?? "")).utf8)")
        case .multipart(let parts):
            code.blank()
            code.line("var body = Data()")
            code.lines(ManualMultipart(parts).expressions(
                text: { "body.append(Data(\(StringLiteralStyle.swift.literal($0)).utf8))" },
                file: { "body.append(try Data(contentsOf: URL(fileURLWithPath: \(StringLiteralStyle.swift.literal($0)))))" }))
            code.line("request.httpBody = body")
        }
        code.blank()
        code.line("let (data, response) = try await URLSession.shared.data(for: request)")
        code.line("print((response as? HTTPURLResponse)?.statusCode ?? 0)")
        code.line("print(String(decoding: data, as: UTF8.self))")
    }
}
