/// Rust `reqwest` (blocking client; features `blocking` and, for files, `multipart`).
public struct RustReqwestClient: CodeWritingClient {
    public let info = SnippetClientInfo(id: "rust-reqwest", displayName: "Rust reqwest", language: "rust", fileExtension: "rs")

    public init() {}

    private static let constants: Set<String> = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "CONNECT", "PATCH", "TRACE"]

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("fn main() -> Result<(), Box<dyn std::error::Error>> {")
        code.indented { code in
            if let seconds = request.options.timeoutSeconds {
                code.line("let client = reqwest::blocking::Client::builder()")
                code.indented { code in
                    code.line(".timeout(std::time::Duration::from_secs(\(seconds)))")
                    code.line(".build()?;")
                }
            } else {
                code.line("let client = reqwest::blocking::Client::new();")
            }
            let method = Self.constants.contains(request.method)
                ? "reqwest::Method::\(request.method)"
                : "reqwest::Method::from_bytes(\(StringLiteralStyle.rust.literal(request.method)).as_bytes())?"
            if case .multipart(let parts) = request.body {
                // Names go out as written (quotes as %22), as browsers send them, not RFC 5987 `name*=`.
                code.line("let form = reqwest::blocking::multipart::Form::new()")
                code.indented { code in
                    code.line(".percent_encode_noop()")
                    for (index, part) in parts.enumerated() {
                        let end = index == parts.count - 1 ? ";" : ""
                        if let fileName = part.fileName {
                            var piece = "reqwest::blocking::multipart::Part::file(\(StringLiteralStyle.rust.literal(fileName)))?.file_name(\(StringLiteralStyle.rust.literal(ManualMultipart.quoted(SnippetRequest.baseName(fileName)))))"
                            if let type = part.contentType { piece += ".mime_str(\(StringLiteralStyle.rust.literal(type)))?" }
                            code.line(".part(\(StringLiteralStyle.rust.literal(ManualMultipart.quoted(part.name))), \(piece))\(end)")
                        } else {
                            code.line(".text(\(StringLiteralStyle.rust.literal(ManualMultipart.quoted(part.name))), \(StringLiteralStyle.rust.literal(part.value ?? "")))\(end)")
                        }
                    }
                }
            }
            code.line("let response = client")
            code.indented { code in
                code.line(".request(\(method), \(StringLiteralStyle.rust.literal(request.fullURL)))")
                for header in request.headers {
                    code.line(".header(\(StringLiteralStyle.rust.literal(header.name)), \(StringLiteralStyle.rust.literal(header.value)))")
                }
                switch request.body {
                case .none: break
                case .json, .text, .urlEncoded: code.line(".body(\(StringLiteralStyle.rust.readableLiteral(request.bodyText ?? "")))")
                case .multipart: code.line(".multipart(form)")
                }
                code.line(".send()?;")
            }
            code.blank()
            code.line("println!(\"{}\", response.status());")
            code.line("println!(\"{}\", response.text()?);")
            code.line("Ok(())")
        }
        code.line("}")
    }
}
