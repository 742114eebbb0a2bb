/// Builds the concrete request a docs page shows for an operation: the first server with its variables
/// as readable placeholders, path parameters as placeholders (never percent-encoded), the auth header,
/// and a body in the spec's property order with its example values.
public struct OperationExampleBuilder {
    public let api: APIDocument
    /// Placeholder text by server variable, parameter or security scheme name; `bearerToken` for bearer auth.
    public var placeholders: [String: String]

    public init(api: APIDocument, placeholders: [String: String] = [:]) {
        self.api = api
        self.placeholders = placeholders
    }

    /// The example request for an operation.
    public func request(for operation: Operation) -> RequestExample {
        let url = serverURL()
        var path = operation.path
        for parameter in operation.parameters where parameter.location == .path {
            // An example value is data: percent-encoded so `/`, `?` or a quote in it stay inside the segment.
            let isExampleValue = placeholders[parameter.name] == nil && (parameter.example ?? parameter.schema?.example) != nil
            let value = placeholder(for: parameter)
            path = path.replacingOccurrences("{\(parameter.name)}", with: isExampleValue ? SnippetRequest.percentEncode(value) : value)
        }
        var example = RequestExample(method: operation.method, url: Self.urlSafe(url + path), summary: operation.summary)
        for parameter in operation.parameters where parameter.required {
            switch parameter.location {
            case .query: example.query.append(NameValue(parameter.name, placeholder(for: parameter)))
            case .header: example.headers.append(NameValue(parameter.name, placeholder(for: parameter)))
            default: break
            }
        }
        for name in operation.security {
            guard let scheme = api.securitySchemes.first(where: { $0.name == name }) else { continue }
            switch scheme.kind {
            case .bearer, .oauth2, .openIdConnect:
                example.headers.append(NameValue("Authorization", "Bearer " + (placeholders[name] ?? placeholders["bearerToken"] ?? "YOUR_ACCESS_TOKEN")))
            case .basic:
                example.headers.append(NameValue("Authorization", "Basic " + (placeholders[name] ?? "BASE64_USER_AND_PASSWORD")))
            case .apiKey(let keyName, let location):
                let value = placeholders[name] ?? "YOUR_API_KEY"
                if location == .query { example.query.append(NameValue(keyName, value)) } else { example.headers.append(NameValue(keyName, value)) }
            case .other:
                break
            }
            break
        }
        if let (content, value) = bodyExample(for: operation) {
            let mediaType = content.mediaType
            if MediaTypes.isJSON(mediaType) {
                example.headers.append(NameValue("Content-Type", mediaType))
                example.body = .json(value, contentType: mediaType)
            } else if mediaType.hasPrefix("application/x-www-form-urlencoded") {
                example.headers.append(NameValue("Content-Type", mediaType))
                example.body = .urlEncoded(formFields(value))
            } else if mediaType.hasPrefix("multipart/form-data") {
                example.body = .multipart(formFields(value).map { MultipartPart(name: $0.name, value: $0.value) })
            } else {
                example.headers.append(NameValue("Content-Type", mediaType))
                example.body = .text(value.stringValue ?? JSONWriter().string(value), contentType: mediaType)
            }
        }
        return example
    }

    /// The first server's URL with its variables as placeholders (or usable defaults), without a trailing slash.
    func serverURL() -> String {
        var url = api.servers.first?.url ?? ""
        for variable in api.servers.first?.variables ?? [] {
            let usable = !variable.defaultValue.isEmpty && !variable.defaultValue.contains("{")
            let value = placeholders[variable.name] ?? (usable ? variable.defaultValue : "{\(variable.name)}")
            url = url.replacingOccurrences("{\(variable.name)}", with: value)
        }
        if url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The body the example sends: the JSON content (else the first) and its example value.
    func bodyExample(for operation: Operation) -> (MediaContent, JSONValue)? {
        guard let body = operation.requestBody, let content = body.json ?? body.content.first else { return nil }
        return (content, content.example ?? content.schema.map { exampleValue(for: $0, depth: 0, forRequest: true) } ?? .object(JSONObject()))
    }

    /// `text` with every byte a URL cannot hold raw (space, quote, non-ASCII, …) as `%XX`; URL delimiters,
    /// `%` and the `{…}` of placeholders are kept.
    static func urlSafe(_ text: String) -> String {
        let kept = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%{}".utf8)
        var output = ""
        for byte in text.utf8 {
            if kept.contains(byte) { output.unicodeScalars.append(Unicode.Scalar(byte)); continue }
            let digits = String(byte, radix: 16, uppercase: true)
            output += "%" + (digits.count == 1 ? "0" : "") + digits
        }
        return output
    }

    /// The text a parameter shows: the configured placeholder, its example, else `{name}`.
    func placeholder(for parameter: Parameter) -> String {
        if let configured = placeholders[parameter.name] { return configured }
        if let example = parameter.example ?? parameter.schema?.example { return example.stringValue ?? JSONWriter().string(example) }
        return "{\(parameter.name)}"
    }

    private func formFields(_ value: JSONValue) -> [NameValue] {
        guard let object = value.objectValue else { return [] }
        return object.entries.map { entry in
            NameValue(entry.key, entry.value.value.stringValue ?? JSONWriter().string(entry.value.value))
        }
    }

    /// An example value for a schema: its example, default, const or first enum value, else one made
    /// from its type and format. Objects list every property in spec order, skipping read-only ones in
    /// requests and any member that would complete a forbidden combination (`not: {required: [...]}`).
    public func exampleValue(for schema: Schema, depth: Int, forRequest: Bool) -> JSONValue {
        let target = api.dereference(schema)
        if let example = schema.example ?? target.example { return example }
        if let value = schema.defaultValue ?? target.defaultValue { return value }
        if let constant = target.constValue { return constant }
        if let first = target.enumValues?.first(where: { !$0.isNull }) { return first }
        guard depth < 6 else { return .null }
        let branches = target.oneOf.isEmpty ? target.anyOf : target.oneOf
        if target.properties.isEmpty, target.allOf.isEmpty, let branch = branches.first(where: { api.dereference($0).types != [.null] }) {
            return exampleValue(for: branch, depth: depth + 1, forRequest: forRequest)
        }
        let types = target.nonNullTypes ?? []
        if !target.properties.isEmpty || !target.allOf.isEmpty || types.contains(.object) {
            let parts = api.objectParts(of: target)
            var object = JSONObject()
            var present: Set<String> = []
            for property in parts.properties {
                let propertyTarget = api.dereference(property.schema)
                if forRequest && (property.schema.readOnly || propertyTarget.readOnly) { continue }
                if !forRequest && (property.schema.writeOnly || propertyTarget.writeOnly) { continue }
                let wouldBreak = parts.rules.forbiddenCombinations.contains { rule in
                    rule.names.contains(property.name) && rule.names.allSatisfy { $0 == property.name || present.contains($0) }
                }
                if wouldBreak { continue }
                present.insert(property.name)
                object.append(JSONObject.Entry(key: property.name, value: JSONNode(exampleValue(for: property.schema, depth: depth + 1, forRequest: forRequest))))
            }
            return .object(object)
        }
        if types.contains(.array) || target.items != nil {
            guard let items = target.items else { return .array([]) }
            return .array([JSONNode(exampleValue(for: items, depth: depth + 1, forRequest: forRequest))])
        }
        if types.contains(.string) {
            switch target.format {
            case "email": return "user@example.com"
            case "uri", "strict-uri", "url": return "https://example.com"
            case "date-time": return "2024-01-01T00:00:00Z"
            case "date": return "2024-01-01"
            case "uuid": return "3fa85f64-5717-4562-b3fc-2c963f66afa6"
            default: return "string"
            }
        }
        if types.contains(.integer) {
            // `minimum` may be any size the spec wrote (1e400, 2^64): an integer when Swift's Int holds it.
            let lower = (target.minimum ?? 0).rounded(.up)
            return .number(Int(exactly: lower).map { JSONNumber($0) } ?? JSONNumber(lower))
        }
        if types.contains(.number) { return .number(JSONNumber(target.minimum ?? 0)) }
        if types.contains(.boolean) { return false }
        return .object(JSONObject())
    }
}
