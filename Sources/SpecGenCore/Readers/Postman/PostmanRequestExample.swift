extension PostmanRequestItem {
    /// This item as a format-neutral `RequestExample` for the snippet clients.
    ///
    /// - `url` is scheme, host and path only; `:name` path segments take their value when the item gives
    ///   one, otherwise they stay `:name`. Query parameters go to `query` (a bare `?flag` becomes value `""`).
    /// - Authentication becomes headers (`Authorization: Bearer …`, `Basic base64(user:password)`, API-key
    ///   header) or a query item (API key in query), unless the item already sets that header itself.
    /// - Raw bodies stay `.text`, byte for byte (CRLF included), even when they look like JSON: Postman bodies
    ///   often hold placeholders that are not valid JSON, and a snippet must send exactly what Postman sends.
    ///   The content type is the item's `Content-Type` header, else the one `options.raw.language` implies.
    /// - GraphQL bodies become the JSON Postman sends: `{"query": …, "variables": …}`.
    /// - `{{variables}}` are kept as written unless `resolveVariables` is true; then the item's collection,
    ///   folder and environment values replace them (unknown names stay).
    public func requestExample(resolveVariables: Bool = false) -> RequestExample {
        let values = resolveVariables ? variableValues : [:]
        func resolved(_ text: String) -> String { resolveVariables ? PostmanVariables.resolve(text, values: values) : text }

        var resolvedURL = url
        let pathValues = Dictionary(url.pathVariables.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        resolvedURL.path = url.path.map { segment in
            guard segment.hasPrefix(":"), let value = pathValues[String(segment.dropFirst())], !value.isEmpty else { return segment }
            return value
        }
        var example = RequestExample(method: method, url: resolved(resolvedURL.base), summary: name)
        example.query = url.query.map { NameValue(resolved($0.key), resolved($0.value ?? "")) }
        example.headers = headers.map { NameValue(resolved($0.key), resolved($0.value)) }

        switch auth {
        case .bearer(let token, let prefix)?:
            addHeader("Authorization", prefix.isEmpty ? resolved(token) : "\(prefix) \(resolved(token))", to: &example)
        case .basic(let username, let password)?:
            addHeader("Authorization", "Basic " + PostmanText.base64(Array("\(resolved(username)):\(resolved(password))".utf8)), to: &example)
        case .apiKey(let key, let value, let inQuery)?:
            if inQuery {
                example.query.append(NameValue(resolved(key), resolved(value)))
            } else {
                addHeader(resolved(key), resolved(value), to: &example)
            }
        case .none?, .unsupported?, nil:
            break
        }

        let declaredType = example.header("Content-Type")
        switch body {
        case .raw(let text, let language)?:
            example.body = .text(resolved(text), contentType: declaredType ?? Self.contentType(forLanguage: language))
        case .urlEncoded(let fields)?:
            example.body = .urlEncoded(fields.map { NameValue(resolved($0.key), resolved($0.value)) })
        case .formData(let parts)?:
            var multipart: [MultipartPart] = []
            for part in parts {
                if let value = part.value {
                    multipart.append(MultipartPart(name: resolved(part.key), value: resolved(value), contentType: part.contentType))
                } else {
                    for file in part.files {
                        multipart.append(MultipartPart(name: resolved(part.key), fileName: resolved(file), contentType: part.contentType))
                    }
                }
            }
            example.body = .multipart(multipart)
        case .graphQL(let query, let variables)?:
            example.body = Self.graphQLBody(query: resolved(query), variables: variables.map(resolved), contentType: declaredType ?? "application/json")
        case .file?, nil:
            break
        }
        return example
    }

    private func addHeader(_ name: String, _ value: String, to example: inout RequestExample) {
        guard example.header(name) == nil else { return }
        example.headers.append(NameValue(name, value))
    }

    /// The content type Postman sends for a raw body of this language when the request sets none.
    static func contentType(forLanguage language: String?) -> String {
        switch language?.lowercased() {
        case "json": "application/json"
        case "xml": "application/xml"
        case "html": "text/html"
        case "javascript": "application/javascript"
        case "graphql": "application/graphql"
        default: "text/plain"
        }
    }

    /// `{"query": …, "variables": …}`; variables that are not valid JSON (e.g. an unquoted `{{var}}`) are
    /// spliced in as written, so the body is sent as text exactly as Postman would build it.
    static func graphQLBody(query: String, variables: String?, contentType: String) -> RequestBody {
        let trimmed = variables?.trimmedOfSpacesAndTabs.trimmedOfLineBreaks ?? ""
        if trimmed.isEmpty {
            return .json(.object(JSONObject([.init(key: "query", value: JSONNode(.string(query))), .init(key: "variables", value: JSONNode(.object(JSONObject())))])), contentType: contentType)
        }
        if let parsed = try? JSONReader().read(text: trimmed) {
            return .json(.object(JSONObject([.init(key: "query", value: JSONNode(.string(query))), .init(key: "variables", value: parsed.root.withoutOffsets)])), contentType: contentType)
        }
        var text = "{\"query\":"
        JSONWriter.writeString(query, into: &text)
        text += ",\"variables\":" + trimmed + "}"
        return .text(text, contentType: contentType)
    }
}

extension JSONNode {
    /// A copy with every offset set to -1, for values moved into another document or built from text.
    public var withoutOffsets: JSONNode {
        switch value {
        case .array(let items):
            return JSONNode(.array(items.map(\.withoutOffsets)))
        case .object(let object):
            return JSONNode(.object(JSONObject(object.entries.map { JSONObject.Entry(key: $0.key, value: $0.value.withoutOffsets) })))
        default:
            return JSONNode(value)
        }
    }
}

extension String {
    /// The text without leading and trailing CR and LF.
    var trimmedOfLineBreaks: String {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, first == "\n" || first == "\r" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == "\n" || last == "\r" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// Text helpers of the Postman reader: RFC 4648 base64, for `Authorization: Basic`.
enum PostmanText {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 2 < bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], alphabet[Int(value & 63)]]
            index += 3
        }
        let remaining = bytes.count - index
        if remaining == 1 {
            let value = UInt32(bytes[index]) << 16
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if remaining == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: output, as: UTF8.self)
    }
}
