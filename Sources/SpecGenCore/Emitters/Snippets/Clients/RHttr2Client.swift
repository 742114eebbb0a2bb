/// R `httr2`: a request pipeline (`request() |> req_method() |> req_headers() |> req_body_…() |> req_perform()`);
/// bodies as raw text with their type, multipart with `curl::form_data`/`curl::form_file`.
public struct RHttr2Client: CodeWritingClient {
    public let info = SnippetClientInfo(id: "r-httr2", displayName: "R httr2", language: "r", fileExtension: "R")

    public init() {}

    func write(_ request: SnippetRequest, into code: inout CodeWriter) {
        code.line("library(httr2)")
        code.blank()
        if let text = request.bodyText, text.utf8.count > 1024 {
            // One statement a line: Rscript re-parses a multi-line expression at every line (minutes for 1 MB).
            let pieces = StringLiteralStyle.r.pieces(text)
            code.line("payload <- character(\(pieces.count))")
            for (index, piece) in pieces.enumerated() { code.line("payload[\(index + 1)] <- " + piece) }
            code.line("payload <- paste(payload, collapse = \"\")")
            code.blank()
        }
        code.line("req <- request(\(StringLiteralStyle.r.literal(request.fullURL))) |>")
        var steps = ["req_method(\(StringLiteralStyle.r.literal(request.method)))"]
        let bodyType = request.header("content-type")
        let raw = request.bodyText != nil
        // httr2 keeps one value per header name: repeated headers are joined with ", " (same meaning in HTTP).
        let merged = SnippetRequest.joiningRepeats(raw ? request.headers(excluding: ["content-type"]) : request.headers)
        if !merged.isEmpty {
            let unit = request.options.indentUnit
            steps.append("req_headers(\n" + merged.map { unit + unit + Self.name($0.0) + " = " + StringLiteralStyle.r.literal($0.1) }.joined(separator: ",\n") + "\n" + unit + ")")
        }
        switch request.body {
        case .none: break
        case .json, .text, .urlEncoded:
            let text = request.bodyText ?? ""
            steps.append("req_body_raw(\(text.utf8.count > 1024 ? "payload" : StringLiteralStyle.r.readableLiteral(text)), type = \(bodyType.map(StringLiteralStyle.r.literal) ?? "NULL"))")
        case .multipart(let parts):
            let unit = request.options.indentUnit
            let fields = parts.map { part -> String in
                let type = part.contentType.map { ", type = " + StringLiteralStyle.r.literal($0) } ?? ""
                let value = part.fileName.map { "curl::form_file(\(StringLiteralStyle.r.literal($0))\(type))" } ?? "curl::form_data(\(StringLiteralStyle.r.literal(part.value ?? ""))\(type))"
                return unit + unit + Self.name(part.name) + " = " + value
            }
            steps.append("req_body_multipart(\n" + fields.joined(separator: ",\n") + "\n" + unit + ")")
        }
        if let seconds = request.options.timeoutSeconds { steps.append("req_timeout(\(seconds))") }
        steps.append("req_error(is_error = function(resp) FALSE)")
        code.indented { code in
            for (index, step) in steps.enumerated() { code.line(step + (index == steps.count - 1 ? "" : " |>")) }
        }
        code.blank()
        code.line("resp <- req_perform(req)")
        code.line("cat(resp_status(resp), \"\\n\")")
        code.line("cat(resp_body_string(resp))")
    }

    public func limitation(for example: RequestExample) -> String? {
        let request = SnippetRequest(example, options: .default)
        if request.headers.contains(where: { $0.value.isEmpty }) { return "httr2 drops a header whose value is empty" }
        if case .multipart(let parts) = request.body, parts.contains(where: { $0.fileName.map { SnippetRequest.baseName($0) != $0 } ?? false }) {
            return "curl::form_file sends the file's base name only"
        }
        return nil
    }

    /// An argument name: as is when syntactic (`Authorization`), else backquoted (`` `Content-Type` ``).
    static func name(_ text: String) -> String {
        let syntactic = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "_") }
            && !(text.first.map { $0.isNumber || $0 == "_" } ?? true) && !keywords.contains(text)
        return syntactic ? text : StringLiteralStyle.rName.literal(text)
    }

    private static let keywords: Set<String> = ["if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL",
                                                "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "in"]
}
