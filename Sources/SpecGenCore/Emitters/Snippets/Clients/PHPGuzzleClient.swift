/// PHP Guzzle 7 (`GuzzleHttp\Client::request`), loaded through Composer's `vendor/autoload.php`: `headers`
/// (repeated names as lists), `body` for JSON, text and encoded forms, `multipart` with file streams.
public struct PHPGuzzleClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "php-guzzle", displayName: "PHP Guzzle", language: "php", fileExtension: "php")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("<?php")
        code.blank()
        code.line("require 'vendor/autoload.php';")
        code.blank()
        code.line("$client = new \\GuzzleHttp\\Client();")
        code.blank()
        code.line("$response = $client->request(\(StringLiteralStyle.php.literal(request.method)), \(StringLiteralStyle.php.literal(request.strictFullURL)), [")
        code.indented { code in
            headers(request, into: &code)
            switch request.body {
            case .none: break
            case .json, .text, .urlEncoded:
                code.line("'body' => \(StringLiteralStyle.php.readableLiteral(request.bodyText ?? "")),")
            case .multipart(let parts):
                code.line("'multipart' => [")
                code.indented { code in
                    for part in parts {
                        var fields = ["'name' => \(StringLiteralStyle.php.literal(part.name))"]
                        if let fileName = part.fileName {
                            fields.append("'contents' => \\GuzzleHttp\\Psr7\\Utils::tryFopen(\(StringLiteralStyle.php.literal(fileName)), 'r')")
                            fields.append("'filename' => \(StringLiteralStyle.php.literal(SnippetRequest.baseName(fileName)))")
                        } else {
                            fields.append("'contents' => \(StringLiteralStyle.php.literal(part.value ?? ""))")
                        }
                        if let type = part.contentType { fields.append("'headers' => ['Content-Type' => \(StringLiteralStyle.php.literal(type))]") }
                        code.line("[" + fields.joined(separator: ", ") + "],")
                    }
                }
                code.line("],")
            }
            if let seconds = request.options.timeoutSeconds { code.line("'timeout' => \(seconds),") }
            code.line("'http_errors' => false,")
        }
        code.line("]);")
        code.blank()
        code.line("echo $response->getStatusCode() . \"\\n\";")
        code.line("echo $response->getBody();")
    }

    /// `'headers' => [...]`, a repeated name as one entry with a list of values (Guzzle sends each).
    private func headers(_ request: SnippetRequest, into code: inout CodeWriter) {
        guard !request.headers.isEmpty else { return }
        var names: [String] = []
        var values: [String: [String]] = [:]
        for header in request.headers {
            if values[header.name] == nil { names.append(header.name) }
            values[header.name, default: []].append(header.value)
        }
        code.line("'headers' => [")
        code.indented { code in
            for name in names {
                let list = values[name] ?? []
                let value = list.count == 1 ? StringLiteralStyle.php.literal(list[0]) : "[" + list.map(StringLiteralStyle.php.literal).joined(separator: ", ") + "]"
                code.line("\(StringLiteralStyle.php.literal(name)) => \(value),")
            }
        }
        code.line("],")
    }
}
