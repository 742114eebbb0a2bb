/// Reads HAR 1.2 `request` objects — alone, as httpsnippet's fixtures hold them, or inside a full HAR
/// log (`log.entries[].request`) — into `RequestExample`s.
///
/// The URL is split into `url` (scheme, host, path, placeholders kept) and `query`; `queryString` items
/// that repeat the URL's own query are not added twice. `cookies` become one `Cookie` header unless the
/// request already has one. Pseudo-headers (`:authority`), `Host` and `Content-Length` are dropped: the
/// URL and the body decide them. `postData` becomes a JSON body when its text parses as JSON under a
/// JSON media type, a urlencoded or multipart body from `params`, and raw text otherwise.
public struct HARReader: Sendable {
    /// A reader.
    public init() {}

    /// Every request in the document, in order; throws located diagnostics for malformed input.
    public func read(_ document: JSONDocument) throws(DiagnosticsError) -> [RequestExample] {
        guard let root = document.root.value.objectValue else {
            throw DiagnosticsError(document.diagnostic(.error, "a HAR document must be an object, found \(document.root.value.typeName)", at: .root,
                                                       hint: "give a HAR request object ({\"method\": …, \"url\": …}) or a HAR log ({\"log\": {\"entries\": […]}})"))
        }
        if let log = root["log"] {
            let logPointer = JSONPointer.root.appending("log")
            guard let entries = log["entries"]?.value.arrayValue else {
                throw DiagnosticsError(document.diagnostic(.error, "a HAR log needs an \"entries\" array", at: logPointer.appending("entries")))
            }
            var requests: [RequestExample] = []
            for (index, entry) in entries.enumerated() {
                let pointer = logPointer.appending("entries").appending(index).appending("request")
                guard let request = entry["request"] else {
                    throw DiagnosticsError(document.diagnostic(.error, "HAR entry \(index) has no \"request\"", at: pointer.parent))
                }
                requests.append(try readRequest(request, at: pointer, in: document))
            }
            if requests.isEmpty {
                throw DiagnosticsError(document.diagnostic(.error, "the HAR log has no entries", at: logPointer.appending("entries")))
            }
            return requests
        }
        return [try readRequest(document.root, at: .root, in: document)]
    }

    /// One HAR `request` object.
    public func readRequest(_ node: JSONNode, at pointer: JSONPointer, in document: JSONDocument) throws(DiagnosticsError) -> RequestExample {
        guard let object = node.value.objectValue else {
            throw DiagnosticsError(document.diagnostic(.error, "a HAR request must be an object, found \(node.value.typeName)", at: pointer))
        }
        func string(_ key: String, in object: JSONObject, at pointer: JSONPointer, required: Bool) throws(DiagnosticsError) -> String? {
            guard let value = object[key] else {
                if required { throw DiagnosticsError(document.diagnostic(.error, "missing \"\(key)\"", at: pointer.appending(key), hint: "a HAR request needs \"method\" and \"url\" strings")) }
                return nil
            }
            guard let text = value.value.stringValue else {
                throw DiagnosticsError(document.diagnostic(.error, "\"\(key)\" must be a string, found \(value.value.typeName)", at: pointer.appending(key)))
            }
            return text
        }
        func pairs(_ key: String) throws(DiagnosticsError) -> [(NameValue, MultipartPart?)] {
            guard let value = object[key] else { return [] }
            guard let items = value.value.arrayValue else {
                throw DiagnosticsError(document.diagnostic(.error, "\"\(key)\" must be an array of {name, value} objects, found \(value.value.typeName)", at: pointer.appending(key)))
            }
            var result: [(NameValue, MultipartPart?)] = []
            for (index, item) in items.enumerated() {
                let itemPointer = pointer.appending(key).appending(index)
                guard let fields = item.value.objectValue else {
                    throw DiagnosticsError(document.diagnostic(.error, "\(key)[\(index)] must be an object with \"name\" and \"value\"", at: itemPointer))
                }
                guard let name = try string("name", in: fields, at: itemPointer, required: true) else { continue }
                let text = try string("value", in: fields, at: itemPointer, required: false) ?? ""
                result.append((NameValue(name, text), nil))
            }
            return result
        }

        guard let rawMethod = try string("method", in: object, at: pointer, required: true), !rawMethod.isEmpty else {
            throw DiagnosticsError(document.diagnostic(.error, "\"method\" must not be empty", at: pointer.appending("method")))
        }
        guard let rawURL = try string("url", in: object, at: pointer, required: true), !rawURL.isEmpty else {
            throw DiagnosticsError(document.diagnostic(.error, "\"url\" must not be empty", at: pointer.appending("url")))
        }

        // URL: split off the fragment and the query; the query joins `queryString`.
        var url = rawURL
        if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
        var query: [NameValue] = []
        if let mark = url.firstIndex(of: "?") {
            query = Self.parseQuery(String(url[url.index(after: mark)...]))
            url = String(url[..<mark])
        }
        var fromURL = query
        for (item, _) in try pairs("queryString") {
            if let index = fromURL.firstIndex(of: item) { fromURL.remove(at: index) } else { query.append(item) }
        }

        var headers: [NameValue] = []
        for (header, _) in try pairs("headers") {
            let lowered = header.name.lowercased()
            if header.name.hasPrefix(":") || lowered == "host" || lowered == "content-length" { continue }
            headers.append(header)
        }
        let cookies = try pairs("cookies").map(\.0)
        if !cookies.isEmpty, !headers.contains(where: { $0.name.lowercased() == "cookie" }) {
            headers.append(NameValue("Cookie", cookies.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")))
        }

        var body: RequestBody?
        if let postData = object["postData"] {
            body = try readBody(postData, at: pointer.appending("postData"), headers: headers, in: document)
        }
        return RequestExample(method: rawMethod.uppercased(), url: url, query: query, headers: headers, body: body)
    }

    private func readBody(_ node: JSONNode, at pointer: JSONPointer, headers: [NameValue], in document: JSONDocument) throws(DiagnosticsError) -> RequestBody? {
        guard let object = node.value.objectValue else {
            throw DiagnosticsError(document.diagnostic(.error, "\"postData\" must be an object, found \(node.value.typeName)", at: pointer))
        }
        func optionalString(_ key: String, in fields: JSONObject, at pointer: JSONPointer) throws(DiagnosticsError) -> String? {
            guard let value = fields[key], !value.value.isNull else { return nil }
            guard let text = value.value.stringValue else {
                throw DiagnosticsError(document.diagnostic(.error, "\"\(key)\" must be a string, found \(value.value.typeName)", at: pointer.appending(key)))
            }
            return text
        }
        let headerType = headers.first { $0.name.lowercased() == "content-type" }?.value
        let mimeType = try optionalString("mimeType", in: object, at: pointer).flatMap { $0.isEmpty ? nil : $0 } ?? headerType
        let media = MediaTypes.base(mimeType ?? "")
        let text = try optionalString("text", in: object, at: pointer)

        var params: [MultipartPart] = []
        if let value = object["params"] {
            guard let items = value.value.arrayValue else {
                throw DiagnosticsError(document.diagnostic(.error, "\"params\" must be an array, found \(value.value.typeName)", at: pointer.appending("params")))
            }
            for (index, item) in items.enumerated() {
                let itemPointer = pointer.appending("params").appending(index)
                guard let fields = item.value.objectValue else {
                    throw DiagnosticsError(document.diagnostic(.error, "params[\(index)] must be an object", at: itemPointer))
                }
                guard let name = try optionalString("name", in: fields, at: itemPointer) else {
                    throw DiagnosticsError(document.diagnostic(.error, "params[\(index)] has no \"name\"", at: itemPointer.appending("name")))
                }
                params.append(MultipartPart(name: name,
                                            value: try optionalString("value", in: fields, at: itemPointer),
                                            fileName: try optionalString("fileName", in: fields, at: itemPointer),
                                            contentType: try optionalString("contentType", in: fields, at: itemPointer)))
            }
        }

        if media == "multipart/form-data" {
            if params.isEmpty, let text, !text.isEmpty { return .text(text, contentType: mimeType) }
            return .multipart(params)
        }
        if media == "application/x-www-form-urlencoded" {
            if !params.isEmpty { return .urlEncoded(params.map { NameValue($0.name, $0.value ?? "") }) }
            if let text { return .urlEncoded(Self.parseQuery(text)) }
            return nil
        }
        guard let text else {
            if !params.isEmpty { return .urlEncoded(params.map { NameValue($0.name, $0.value ?? "") }) }
            return nil
        }
        if media == "application/json" || media.hasSuffix("+json"), !text.isEmpty,
           let parsed = try? JSONReader().read(text: text, path: "postData.text") {
            return .json(parsed.root.value, contentType: mimeType ?? "application/json")
        }
        return .text(text, contentType: mimeType)
    }

    /// Splits `a=1&b=2` into items, decoding `%XX` and `+` (form encoding).
    static func parseQuery(_ query: String) -> [NameValue] {
        guard !query.isEmpty else { return [] }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) -> String in
                let spaced = String(text).replacingOccurrences("+", with: " ")
                return spaced.removingPercentEncodingIfPossible ?? spaced
            }
            return NameValue(decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var slice = Substring(self)
        while slice.first == character { slice = slice.dropFirst() }
        while slice.last == character { slice = slice.dropLast() }
        return String(slice)
    }
}
