/// A `RequestExample` digested once for the clients: URL split, query encoded, headers settled, body laid out.
///
/// Rules every client shares live here so the clients only differ in syntax:
/// - the URL keeps placeholders verbatim (`{yourDomain}`, `USER_ID`, `{{host}}`); only the query is encoded;
/// - a body's content type is sent as a `Content-Type` header unless one is given;
/// - a non-empty multipart body drops the given `Content-Type` (the boundary must come from the library);
/// - an empty multipart body is sent as no body with its `Content-Type: multipart/form-data` header.
struct SnippetRequest {
    /// The body as clients send it.
    enum Body {
        case none
        /// JSON, kept as a value; `text` is its rendering under the options (compact or pretty).
        case json(JSONValue, text: String)
        /// Raw text sent byte for byte.
        case text(String)
        /// Form fields; `encoded` is `a=1&b=2`.
        case urlEncoded([NameValue], encoded: String)
        /// Multipart parts (at least one).
        case multipart([MultipartPart])
    }

    let example: RequestExample
    let options: SnippetOptions
    let method: String
    let url: String
    let query: [NameValue]
    let headers: [NameValue]
    let body: Body

    init(_ example: RequestExample, options: SnippetOptions) {
        self.example = example
        self.options = options
        method = example.method.uppercased()
        url = OperationExampleBuilder.urlSafe(example.url)
        query = example.query
        var headers = example.headers
        let hasContentType = headers.contains { $0.name.lowercased() == "content-type" }
        switch example.body {
        case nil:
            body = .none
        case .json(let value, let type)?:
            let writer = JSONWriter(style: options.prettyJSON ? .pretty(indent: max(options.indent, 2)) : .compact)
            body = .json(value, text: SnippetRequest.escapingInvisible(writer.string(value)))
            if !hasContentType { headers.append(NameValue("Content-Type", type)) }
        case .text(let text, let type)?:
            body = .text(text)
            if !hasContentType, let type { headers.append(NameValue("Content-Type", type)) }
        case .urlEncoded(let fields)?:
            body = .urlEncoded(fields, encoded: SnippetRequest.formEncode(fields))
            if !hasContentType { headers.append(NameValue("Content-Type", "application/x-www-form-urlencoded")) }
        case .multipart(let parts)?:
            if parts.isEmpty {
                body = .none
                if !hasContentType { headers.append(NameValue("Content-Type", "multipart/form-data")) }
            } else {
                body = .multipart(parts)
                headers.removeAll { $0.name.lowercased() == "content-type" }
            }
        }
        self.headers = headers
    }

    // MARK: URL

    /// The URL with the encoded query appended.
    var fullURL: String {
        guard !query.isEmpty else { return url }
        return url + (url.contains("?") ? "&" : "?") + SnippetRequest.formEncode(query)
    }

    /// `fullURL` for libraries whose URL parsers reject `[ ] { }` in a path or query (Go's `url.Parse` keeps an
    /// encoded `%2F` only when every character is valid; Ruby `URI`, Java `URI.create`): those written `%XX`
    /// there, the authority (with a `{yourDomain}` placeholder) kept as written.
    var strictFullURL: String {
        let full = fullURL
        var start = full.startIndex
        if let range = full.range(of: "://") { start = range.upperBound }
        let pathStart = full[start...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? full.endIndex
        return String(full[..<pathStart]) + Self.encodingBrackets(String(full[pathStart...]))
    }

    /// `pathAndQuery` with `[ ] { }` written `%XX` (see `strictFullURL`).
    var strictPathAndQuery: String { Self.encodingBrackets(pathAndQuery) }

    static func encodingBrackets(_ text: String) -> String {
        text.replacingOccurrences("[", with: "%5B").replacingOccurrences("]", with: "%5D")
            .replacingOccurrences("{", with: "%7B").replacingOccurrences("}", with: "%7D")
    }

    /// `https` or `http` (https when the URL names no scheme, as in `{{baseUrl}}/users`).
    var scheme: String {
        guard let range = url.range(of: "://") else { return "https" }
        return String(url[..<range.lowerBound]).lowercased()
    }

    /// Host and optional port, placeholders kept (`{yourDomain}`, `127.0.0.1:8080`).
    var authority: String { splitURL.authority }

    /// The path (at least `/`) followed by the encoded query, as a request line carries it.
    var pathAndQuery: String {
        let path = splitURL.path
        guard !query.isEmpty else { return path }
        return path + (path.contains("?") ? "&" : "?") + SnippetRequest.formEncode(query)
    }

    /// The path without the query.
    var path: String { splitURL.path }

    private var splitURL: (authority: String, path: String) {
        var rest = Substring(url)
        if let range = url.range(of: "://") { rest = url[range.upperBound...] }
        let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = String(rest[..<end])
        var path = String(rest[end...])
        if path.isEmpty || path.first == "?" { path = "/" + path }
        return (authority, path)
    }

    // MARK: headers and body

    /// The value of the first header with this name, case-insensitively.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The headers without the ones named (case-insensitive).
    func headers(excluding names: Set<String>) -> [NameValue] {
        headers.filter { !names.contains($0.name.lowercased()) }
    }

    /// `headers` with one entry per name (compared case-insensitively, the first spelling kept) and repeated values
    /// joined with ", " — the same meaning in HTTP — for libraries that keep one value per name.
    static func joiningRepeats(_ headers: [NameValue]) -> [(name: String, value: String)] {
        var joined: [(name: String, value: String)] = []
        for header in headers {
            if let index = joined.firstIndex(where: { $0.name.lowercased() == header.name.lowercased() }) {
                joined[index].value += ", " + header.value
            } else {
                joined.append((header.name, header.value))
            }
        }
        return joined
    }

    /// The headers of a request whose multipart body the snippet builds by hand (`ManualMultipart`): the given ones,
    /// then the `Content-Type` that names SpecGen's boundary.
    var headersForManualMultipart: [NameValue] {
        guard case .multipart = body else { return headers }
        return headers + [NameValue("Content-Type", ManualMultipart.contentType)]
    }

    /// The body as one string when it is not multipart (JSON text, raw text or encoded form).
    var bodyText: String? {
        switch body {
        case .none, .multipart: nil
        case .json(_, let text): text
        case .text(let text): text
        case .urlEncoded(_, let encoded): encoded
        }
    }

    /// True for a multipart body with at least one file part.
    var hasFileParts: Bool {
        if case .multipart(let parts) = body { return parts.contains { $0.fileName != nil } }
        return false
    }

    /// The indentation unit of the options.
    var indent: String { options.indentUnit }

    // MARK: encoding helpers

    /// `application/x-www-form-urlencoded` / query encoding: everything but `A-Z a-z 0-9 - . _ ~` is `%XX` (UTF-8).
    static func formEncode(_ pairs: [NameValue]) -> String {
        pairs.map { percentEncode($0.name) + "=" + percentEncode($0.value) }.joined(separator: "&")
    }

    /// Percent-encodes all but the unreserved characters.
    static func percentEncode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return output
    }

    /// JSON text with bidi overrides, zero-width and other invisible characters (which JSON only allows
    /// inside strings) written as `\uXXXX`, so a snippet never shows text other than what it sends.
    static func escapingInvisible(_ json: String) -> String {
        var output = ""
        for scalar in json.unicodeScalars {
            if scalar.value >= 0x7F, scalar.value <= 0xFFFF, SwiftSource.isInvisibleOrControl(scalar) {
                let digits = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// The file name a multipart file part sends (the last path component).
    static func baseName(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path))
    }
}

/// A multipart/form-data body written out by hand, for clients whose library has no multipart builder.
struct ManualMultipart {
    /// A piece of the body: literal text, or the bytes of a file read at run time.
    enum Segment: Equatable {
        case text(String)
        case file(path: String)
    }

    static let boundary = "----SpecGenFormBoundary7MA4YWxkTrZu0gW"
    /// The `Content-Type` header value.
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// The segments, adjacent text merged.
    let segments: [Segment]

    init(_ parts: [MultipartPart]) {
        var segments: [Segment] = []
        func add(_ text: String) {
            if case .text(let previous)? = segments.last { segments[segments.count - 1] = .text(previous + text) } else { segments.append(.text(text)) }
        }
        for part in parts {
            var head = "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let fileName = part.fileName {
                head += "; filename=\"\(Self.quoted(SnippetRequest.baseName(fileName)))\"\r\n"
                head += "Content-Type: \(part.contentType ?? "application/octet-stream")\r\n\r\n"
                add(head)
                segments.append(.file(path: fileName))
                add("\r\n")
            } else {
                head += "\r\n"
                if let type = part.contentType { head += "Content-Type: \(type)\r\n" }
                add(head + "\r\n" + (part.value ?? "") + "\r\n")
            }
        }
        add("--\(Self.boundary)--\r\n")
        self.segments = segments
    }

    /// One expression (or statement) per segment, in order: `text` for literal text, `file` for a file read at run time.
    func expressions(text: (String) -> String, file: (String) -> String) -> [String] {
        segments.map { segment in
            switch segment {
            case .text(let value): text(value)
            case .file(let path): file(path)
            }
        }
    }

    /// Quotes in a field or file name become `%22` and line breaks `%0D%0A`, as browsers send them.
    static func quoted(_ name: String) -> String {
        name.replacingOccurrences("\"", with: "%22").replacingOccurrences("\r", with: "%0D").replacingOccurrences("\n", with: "%0A")
    }
}
