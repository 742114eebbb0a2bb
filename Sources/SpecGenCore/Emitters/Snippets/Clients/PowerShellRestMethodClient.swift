/// PowerShell 7 `Invoke-RestMethod` (verbatim single-quoted strings; `-Form` for multipart).
public struct PowerShellRestMethodClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "powershell-restmethod", displayName: "PowerShell Invoke-RestMethod", language: "powershell", fileExtension: "ps1")

    public init() {}

    private static let standardMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "DELETE", "TRACE", "OPTIONS", "MERGE", "PATCH"]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        let contentType = request.header("Content-Type")
        let headers = request.headers.filter { $0.name.lowercased() != "content-type" }
        var arguments = ["-Uri " + StringLiteralStyle.powerShell.literal(request.fullURL)]
        if Self.standardMethods.contains(request.method) {
            arguments.append("-Method " + request.method.prefix(1) + request.method.dropFirst().lowercased())
        } else {
            arguments.append("-CustomMethod " + StringLiteralStyle.powerShell.literal(request.method))
        }
        if !headers.isEmpty {
            code.line("$headers = @{}")
            for (name, value) in SnippetRequest.joiningRepeats(headers) { code.line("$headers.Add(\(StringLiteralStyle.powerShell.literal(name)), \(StringLiteralStyle.powerShell.literal(value)))") }
            arguments.append("-Headers $headers")
        }
        switch request.body {
        case .none:
            if let contentType { arguments.append("-ContentType " + StringLiteralStyle.powerShell.literal(contentType)) }
        case .json, .text, .urlEncoded:
            code.line("$body = " + StringLiteralStyle.powerShell.literal(request.bodyText ?? ""))
            if let contentType { arguments.append("-ContentType " + StringLiteralStyle.powerShell.literal(contentType)) }
            arguments.append("-Body $body")
        case .multipart(let parts):
            code.line("$form = @{")
            code.indented { code in
                for part in parts {
                    let value = part.fileName.map { "Get-Item -Path " + StringLiteralStyle.powerShell.literal($0) } ?? StringLiteralStyle.powerShell.literal(part.value ?? "")
                    code.line("\(StringLiteralStyle.powerShell.literal(part.name)) = \(value)")
                }
            }
            code.line("}")
            arguments.append("-Form $form")
        }
        if let seconds = request.options.timeoutSeconds { arguments.append("-TimeoutSec \(seconds)") }
        code.line("$response = Invoke-RestMethod " + arguments.joined(separator: " "))
        code.line("$response | ConvertTo-Json -Depth 10")
    }

    public func limitation(for example: RequestExample) -> String? {
        if case .multipart(let parts)? = example.body, parts.contains(where: { $0.contentType != nil }) {
            return "Invoke-RestMethod -Form cannot set a part's content type"
        }
        return nil
    }
}
