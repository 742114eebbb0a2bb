/// PHP with ext-curl (`curl_setopt_array`); multipart files through `CURLFile`.
public struct PHPCurlClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "php-curl", displayName: "PHP cURL", language: "php", fileExtension: "php")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("<?php")
        code.blank()
        code.line("$curl = curl_init();")
        code.blank()
        code.line("curl_setopt_array($curl, [")
        code.indented { code in
            code.line("CURLOPT_URL => \(StringLiteralStyle.php.literal(request.fullURL)),")
            code.line("CURLOPT_RETURNTRANSFER => true,")
            code.line("CURLOPT_CUSTOMREQUEST => \(StringLiteralStyle.php.literal(request.method)),")
            if let seconds = request.options.timeoutSeconds { code.line("CURLOPT_TIMEOUT => \(seconds),") }
            if request.method == "HEAD" { code.line("CURLOPT_NOBODY => true,") }
            switch request.body {
            case .none: break
            case .json, .text, .urlEncoded:
                code.line("CURLOPT_POSTFIELDS => \(StringLiteralStyle.php.readableLiteral(request.bodyText ?? "")),")
            case .multipart(let parts):
                code.line("CURLOPT_POSTFIELDS => [")
                code.indented { code in
                    for part in parts {
                        if let fileName = part.fileName {
                            code.line("\(StringLiteralStyle.php.literal(part.name)) => new CURLFile(\(StringLiteralStyle.php.literal(fileName)), \(StringLiteralStyle.php.literal(part.contentType ?? "application/octet-stream")), \(StringLiteralStyle.php.literal(SnippetRequest.baseName(fileName)))),")
                        } else {
                            code.line("\(StringLiteralStyle.php.literal(part.name)) => \(StringLiteralStyle.php.literal(part.value ?? "")),")
                        }
                    }
                }
                code.line("],")
            }
            if !request.headers.isEmpty {
                code.line("CURLOPT_HTTPHEADER => [")
                code.indented { code in
                    for header in request.headers {
                        code.line(StringLiteralStyle.php.literal(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)") + ",")
                    }
                }
                code.line("],")
            }
        }
        code.line("]);")
        code.blank()
        code.line("$response = curl_exec($curl);")
        code.line("$error = curl_error($curl);")
        code.line("curl_close($curl);")
        code.blank()
        code.line("if ($error) {")
        code.indented { $0.line("echo \"cURL Error #: \" . $error;") }
        code.line("} else {")
        code.indented { $0.line("echo $response;") }
        code.line("}")
    }

    public func limitation(for example: RequestExample) -> String? {
        if case .multipart(let parts)? = example.body, Set(parts.map(\.name)).count != parts.count {
            return "a PHP array cannot hold two multipart fields with the same name"
        }
        return nil
    }
}
