/// Differences between a Postman request and the API operation it matches, as located warnings.
///
/// Findings point into the collection file: the item (`file:line:column` of its `{`), or for a body key the
/// key itself inside the raw body string, with the JSON pointer of the item or body. Schema-level checks
/// (types, lengths, formats) are left to the validators; this compares names only.
public enum PostmanDrift {
    /// Matches every request, then checks each; unmatched requests get one warning each.
    public static func report(_ requests: [PostmanRequestItem], operations: [OperationSummary]) -> [Diagnostic] {
        PostmanMatcher.match(requests, operations: operations).flatMap { check(item: $0.0, operation: $0.1) }
    }

    /// Findings for one request and its matched operation (nil: the request matches no operation).
    public static func check(item: PostmanRequestItem, operation: OperationSummary?) -> [Diagnostic] {
        guard let operation else {
            return [Diagnostic(.warning, "Postman request \"\(item.name)\" (\(item.method) \(item.url.base)) matches no operation of the API description", at: item.location, pointer: item.pointer.description, hint: "check its method and path, or add the operation to the description")]
        }
        guard let properties = operation.bodyPropertyNames, let body = item.body else { return [] }
        let keys: [(name: String, location: SourceLocation?)]
        let bodyLocation = item.source.flatMap { source in item.bodyOffset >= 0 ? source.location(ofOffset: item.bodyOffset) : nil } ?? item.location
        let bodyPointer = (item.bodyPointer ?? item.pointer).description
        switch body {
        case .raw(let text, let language):
            let declared = item.headers.last { $0.key.lowercased() == "content-type" }?.value.lowercased()
            let saysJSON = language?.lowercased() == "json" || declared?.contains("json") == true
            guard let document = try? JSONReader().read(text: text) else {
                guard saysJSON || (declared == nil && language == nil && text.trimmedOfSpacesAndTabs.hasPrefix("{")) else { return [] }
                return [Diagnostic(.warning, "the body of \"\(item.name)\" is not valid JSON, so its fields cannot be compared with \(operation.displayName)", at: bodyLocation, pointer: bodyPointer, hint: "placeholders such as {{value}} need quotes to be valid JSON")]
            }
            guard let object = document.root.value.objectValue else {
                return [Diagnostic(.warning, "the body of \"\(item.name)\" is a JSON \(document.root.value.typeName), but \(operation.displayName) expects an object", at: bodyLocation, pointer: bodyPointer)]
            }
            keys = object.entries.map { entry in
                (entry.key, locateInStringLiteral(decodedOffset: entry.keyOffset, item: item) ?? bodyLocation)
            }
        case .urlEncoded(let fields):
            keys = fields.map { ($0.key, bodyLocation) }
        case .formData(let parts):
            keys = parts.map { ($0.key, bodyLocation) }
        case .graphQL, .file:
            return []
        }

        var findings: [Diagnostic] = []
        let known = Set(properties)
        var seen = Set<String>()
        for key in keys where !known.contains(key.name) && seen.insert(key.name).inserted {
            findings.append(Diagnostic(.warning, "body field \"\(key.name)\" of \"\(item.name)\" is not a property of \(operation.displayName)", at: key.location, pointer: bodyPointer, hint: "the API may reject or ignore it; remove it from the request or add it to the schema"))
        }
        let present = Set(keys.map(\.name))
        let missingRequired = operation.requiredBodyProperties.filter { !present.contains($0) }
        if !missingRequired.isEmpty {
            findings.append(Diagnostic(.warning, "the body of \"\(item.name)\" lacks required \(missingRequired.count == 1 ? "property" : "properties") of \(operation.displayName): \(missingRequired.joined(separator: ", "))", at: bodyLocation, pointer: bodyPointer))
        }
        let required = Set(operation.requiredBodyProperties)
        let missing = properties.filter { !present.contains($0) && !required.contains($0) }
        if !missing.isEmpty {
            findings.append(Diagnostic(.warning, "the body of \"\(item.name)\" leaves out \(missing.count) \(missing.count == 1 ? "property" : "properties") that \(operation.displayName) accepts: \(missing.joined(separator: ", "))", at: bodyLocation, pointer: bodyPointer, hint: "the Postman example may predate these properties"))
        }
        return findings
    }

    /// The location in the collection file of a byte offset within the decoded raw body, found by walking
    /// the JSON string literal that holds the body and decoding its escapes.
    static func locateInStringLiteral(decodedOffset: Int, item: PostmanRequestItem) -> SourceLocation? {
        guard let source = item.source, item.bodyOffset >= 0, item.bodyOffset < source.bytes.count,
              source.bytes[item.bodyOffset] == UInt8(ascii: "\"") else { return nil }
        let bytes = source.bytes
        var index = item.bodyOffset + 1
        var decoded = 0
        while index < bytes.count, decoded < decodedOffset {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return nil }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "u"), index + 5 < bytes.count,
                   let high = UInt32(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16) {
                    if (0xD800..<0xDC00).contains(high), index + 11 < bytes.count, bytes[index + 6] == UInt8(ascii: "\\"), bytes[index + 7] == UInt8(ascii: "u") {
                        decoded += 4
                        index += 12
                    } else {
                        decoded += high < 0x80 ? 1 : high < 0x800 ? 2 : 3
                        index += 6
                    }
                } else {
                    decoded += 1
                    index += 2
                }
            } else {
                decoded += 1
                index += 1
            }
        }
        return decoded == decodedOffset ? source.location(ofOffset: index) : nil
    }
}
