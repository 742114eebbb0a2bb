/// C with libcurl's easy interface (`curl_mime` for multipart), a complete `main`.
public struct CLibcurlClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "c-libcurl", displayName: "C libcurl", language: "c", fileExtension: "c")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("#include <stdio.h>")
        code.line("#include <curl/curl.h>")
        code.blank()
        code.line("int main(void) {")
        code.indented { code in
            code.line("CURL *curl = curl_easy_init();")
            code.line("if (!curl) {")
            code.indented { $0.line("return 1;") }
            code.line("}")
            code.blank()
            code.line("curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, \(StringLiteralStyle.c.literal(request.method)));")
            code.line("curl_easy_setopt(curl, CURLOPT_URL, \(StringLiteralStyle.c.literal(request.fullURL)));")
            if request.method == "HEAD" { code.line("curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);") }
            if let seconds = request.options.timeoutSeconds { code.line("curl_easy_setopt(curl, CURLOPT_TIMEOUT, \(seconds)L);") }
            code.blank()
            code.line("struct curl_slist *headers = NULL;")
            for header in request.headers {
                let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
                code.line("headers = curl_slist_append(headers, \(StringLiteralStyle.c.literal(line)));")
            }
            code.line("curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);")
            var usesMime = false
            switch request.body {
            case .none: break
            case .json, .text, .urlEncoded:
                code.blank()
                code.line("static const char body[] = \(StringLiteralStyle.c.literal(request.bodyText ?? ""));")
                code.line("curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, (long)(sizeof body - 1));")
                code.line("curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body);")
            case .multipart(let parts):
                usesMime = true
                code.blank()
                code.line("curl_mime *mime = curl_mime_init(curl);")
                code.line("curl_mimepart *part;")
                for part in parts {
                    code.line("part = curl_mime_addpart(mime);")
                    code.line("curl_mime_name(part, \(StringLiteralStyle.c.literal(part.name)));")
                    if let fileName = part.fileName {
                        code.line("curl_mime_filedata(part, \(StringLiteralStyle.c.literal(fileName)));")
                        if SnippetRequest.baseName(fileName) != fileName {
                            code.line("curl_mime_filename(part, \(StringLiteralStyle.c.literal(SnippetRequest.baseName(fileName))));")
                        }
                    } else {
                        code.line("curl_mime_data(part, \(StringLiteralStyle.c.literal(part.value ?? "")), CURL_ZERO_TERMINATED);")
                    }
                    if let type = part.contentType { code.line("curl_mime_type(part, \(StringLiteralStyle.c.literal(type)));") }
                }
                code.line("curl_easy_setopt(curl, CURLOPT_MIMEPOST, mime);")
            }
            code.blank()
            code.line("CURLcode result = curl_easy_perform(curl);")
            code.line("if (result != CURLE_OK) {")
            code.indented { $0.line("fprintf(stderr, \"curl: %s\\n\", curl_easy_strerror(result));") }
            code.line("}")
            code.blank()
            if usesMime { code.line("curl_mime_free(mime);") }
            code.line("curl_slist_free_all(headers);")
            code.line("curl_easy_cleanup(curl);")
            code.line("return result == CURLE_OK ? 0 : 1;")
        }
        code.line("}")
    }

    public func limitation(for example: RequestExample) -> String? {
        if case .multipart(let parts)? = example.body, parts.contains(where: { $0.fileName == nil && ($0.value ?? "").contains("\0") }) {
            return "a text part holding NUL is cut short by CURL_ZERO_TERMINATED"
        }
        return nil
    }
}
