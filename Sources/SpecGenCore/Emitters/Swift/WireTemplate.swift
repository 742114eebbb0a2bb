/// The constant part of the generated client that puts values on the wire: OpenAPI parameter styles,
/// form and multipart bodies, credentials. Kept as a template like the support file; `ACCESS ` becomes the
/// configured access level. Emitted into `Operations/APIClient.swift`.
enum WireTemplate {
    /// The wire support source for a module with the given access level (`public` or `internal`).
    static func source(access: String) -> String {
        template.replacingOccurrences("ACCESS ", with: access == "public" ? "public " : "")
    }


    private static let template = #"""

// MARK: - Wire format (SpecGen's client template: the same in every generated client)

/// A value as OpenAPI's style rules see it: undefined (absent or `null`), a string, a number or boolean as
/// its JSON text, an array, or an object's members in order.
ACCESS nonisolated indirect enum SpecGenWireValue: Sendable, Hashable {
    case undefined
    case primitive(String)
    /// A number or boolean, as its JSON text (`5`, `1.5`, `true`).
    case literal(String)
    case array([SpecGenWireValue])
    case object([SpecGenWireMember])

    /// The value with literals as primitives: the style rules write both as text.
    var styled: SpecGenWireValue {
        switch self {
        case .literal(let text): return .primitive(text)
        case .array(let items): return .array(items.map(\.styled))
        case .object(let members): return .object(members.map { SpecGenWireMember($0.name, $0.value.styled) })
        default: return self
        }
    }

    /// A Swift value on the wire: `String`, `Bool` and `Date` (RFC 3339) directly, anything else through its
    /// JSON encoding (object members sorted by name, so the bytes are deterministic).
    ACCESS static func of<T: Encodable>(_ value: T) -> SpecGenWireValue {
        switch value {
        case let text as String: return .primitive(text)
        case let flag as Bool: return .literal(flag ? "true" : "false")
        case let date as Date: return .primitive(SpecGenDateTime.format(date))
        default: break
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(SpecGenDateTime.format(date))
        }
        guard let data = try? encoder.encode(value) else { return .undefined }
        var reader = SpecGenWireJSON(bytes: Array(data))
        return reader.value() ?? .undefined
    }

    /// The value as JSON text (for nested containers in styles that have no rule for them).
    ACCESS var jsonText: String {
        switch self {
        case .undefined: return "null"
        case .primitive(let text): return SpecGenWireJSON.quoted(text)
        case .literal(let text): return text
        case .array(let items): return "[" + items.map(\.jsonText).joined(separator: ",") + "]"
        case .object(let members): return "{" + members.map { SpecGenWireJSON.quoted($0.name) + ":" + $0.value.jsonText }.joined(separator: ",") + "}"
        }
    }
}

/// One member of an object value.
ACCESS nonisolated struct SpecGenWireMember: Sendable, Hashable {
    ACCESS var name: String
    ACCESS var value: SpecGenWireValue
    ACCESS init(_ name: String, _ value: SpecGenWireValue) {
        self.name = name
        self.value = value
    }
}

/// Reads the JSON `JSONEncoder` wrote into a wire value, keeping member order and number text.
nonisolated struct SpecGenWireJSON {
    var bytes: [UInt8]
    var index = 0

    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = Array("0123456789abcdef".utf8)
                    output += "\\u00" + String(decoding: [hex[Int(scalar.value >> 4)], hex[Int(scalar.value & 15)]], as: UTF8.self)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }

    mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
    }

    mutating func value() -> SpecGenWireValue? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [SpecGenWireMember] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipSpace()
                guard let name = string() else { return nil }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let member = value() else { return nil }
                members.append(SpecGenWireMember(name, member))
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "}") { return .object(members) }
            }
        case UInt8(ascii: "["):
            index += 1
            var items: [SpecGenWireValue] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
            while true {
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
                guard index < bytes.count else { return nil }
                index += 1
                if bytes[index - 1] == UInt8(ascii: "]") { return .array(items) }
            }
        case UInt8(ascii: "\""):
            return string().map(SpecGenWireValue.primitive)
        default:
            let start = index
            while index < bytes.count, !",]} \n\r\t".utf8.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            return text == "null" ? .undefined : .literal(text)
        }
    }

    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var output: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: output, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\"), index < bytes.count else { output.append(byte); continue }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "u"):
                guard var code = hex4() else { return nil }
                if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    guard let low = hex4() else { return nil }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                output.append(contentsOf: Array(String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
            default: output.append(escape)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16) else { return nil }
        index += 4
        return code
    }
}

/// Serializes values by OpenAPI's parameter style rules ("Style Values" and "Style Examples" in the
/// OpenAPI 3.1 specification): path `simple`/`label`/`matrix`, query `form`/`spaceDelimited`/
/// `pipeDelimited`/`deepObject`, header `simple`, cookie `form`; exploded or not. Query and path results
/// are percent-encoded (RFC 3986: everything but unreserved characters; `allowReserved` keeps the reserved
/// characters a query value can carry). `deepObject` nests brackets to any depth (`a[b][c]=1`); arrays in it
/// are `a[]=x` when their items are primitives and `a[0][b]=x` when they are containers.
ACCESS nonisolated enum SpecGenStyle {
    static let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
    static let reservedInQuery = Set(":/?@!$'()*,;".utf8)

    /// `text` with every byte outside the unreserved set as `%XX`; with `allowReserved`, the reserved characters
    /// a query value can hold and existing `%XX` triples stay (`[`, `]`, `#`, `&`, `=`, `+` never do).
    ACCESS static func encode(_ text: String, allowReserved: Bool = false) -> String {
        let bytes = Array(text.utf8)
        var output = ""
        for (position, byte) in bytes.enumerated() {
            let isTriple = byte == UInt8(ascii: "%") && position + 2 < bytes.count && isHex(bytes[position + 1]) && isHex(bytes[position + 2])
            if unreserved.contains(byte) || (allowReserved && (reservedInQuery.contains(byte) || isTriple)) {
                output.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                output += escaped(byte)
            }
        }
        return output
    }

    static func isHex(_ byte: UInt8) -> Bool { (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte) }

    /// `%XX` for a byte.
    static func escaped(_ byte: UInt8) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self)
    }

    /// The text of an item inside an array or object: a primitive as it is, a container as JSON text.
    static func text(_ value: SpecGenWireValue) -> String {
        switch value {
        case .primitive(let text), .literal(let text): return text
        default: return value.jsonText
        }
    }

    static func isEmpty(_ value: SpecGenWireValue) -> Bool {
        switch value {
        case .undefined: return true
        case .array(let items): return items.isEmpty
        case .object(let members): return members.isEmpty
        case .primitive, .literal: return false
        }
    }

    /// A path parameter: `simple` (`blue,black`), `label` (`.blue.black`) or `matrix` (`;color=blue`).
    ACCESS static func path(_ name: String, _ value: SpecGenWireValue, style: String = "simple", explode: Bool = false) -> String {
        let value = value.styled
        let key = encode(name)
        func item(_ value: SpecGenWireValue) -> String { encode(text(value)) }
        switch (style, value) {
        case ("matrix", _) where isEmpty(value): return ";" + key
        case ("matrix", .primitive(let text)): return text.isEmpty ? ";" + key : ";\(key)=\(encode(text))"
        case ("matrix", .array(let items)):
            return explode ? items.map { ";\(key)=\(item($0))" }.joined() : ";\(key)=" + items.map(item).joined(separator: ",")
        case ("matrix", .object(let members)):
            return explode ? members.map { ";\(encode($0.name))=\(item($0.value))" }.joined()
                : ";\(key)=" + members.map { encode($0.name) + "," + item($0.value) }.joined(separator: ",")
        case ("label", _) where isEmpty(value): return "."
        case ("label", .primitive(let text)): return "." + encode(text)
        case ("label", .array(let items)): return "." + items.map(item).joined(separator: explode ? "." : ",")
        case ("label", .object(let members)):
            return "." + members.map { encode($0.name) + (explode ? "=" : ",") + item($0.value) }.joined(separator: explode ? "." : ",")
        case (_, .primitive(let text)): return encode(text)
        case (_, .array(let items)): return items.map(item).joined(separator: ",")
        case (_, .object(let members)): return members.map { encode($0.name) + (explode ? "=" : ",") + item($0.value) }.joined(separator: ",")
        default: return ""
        }
    }

    /// A query parameter as `name=value` components (joined with `&` by the caller); also a member of an
    /// `application/x-www-form-urlencoded` body, whose Encoding Object gives the style.
    ACCESS static func query(_ name: String, _ value: SpecGenWireValue, style: String = "form", explode: Bool = true, allowReserved: Bool = false) -> [String] {
        let value = value.styled
        let key = encode(name)
        func item(_ value: SpecGenWireValue) -> String { encode(text(value), allowReserved: allowReserved) }
        let delimiter = style == "spaceDelimited" ? "%20" : style == "pipeDelimited" ? "%7C" : ","
        switch (style, value) {
        case ("deepObject", _): return deep(name, value, allowReserved: allowReserved)
        case (_, .undefined): return style == "form" ? [key + "="] : []
        case (_, .primitive(let text)), (_, .literal(let text)): return ["\(key)=\(encode(text, allowReserved: allowReserved))"]
        case (_, .array(let items)):
            if explode { return items.map { "\(key)=\(item($0))" } }
            return ["\(key)=" + items.map(item).joined(separator: delimiter)]
        case (_, .object(let members)):
            if explode && style == "form" { return members.map { "\(encode($0.name))=\(item($0.value))" } }
            return ["\(key)=" + members.map { encode($0.name) + delimiter + item($0.value) }.joined(separator: delimiter)]
        }
    }

    static func deep(_ prefix: String, _ value: SpecGenWireValue, allowReserved: Bool) -> [String] {
        switch value {
        case .undefined: return [encode(prefix) + "="]
        case .primitive(let text), .literal(let text): return [encode(prefix) + "=" + encode(text, allowReserved: allowReserved)]
        case .object(let members): return members.flatMap { deep(prefix + "[" + $0.name + "]", $0.value, allowReserved: allowReserved) }
        case .array(let items):
            let nested = items.contains { if case .primitive = $0 { return false } else { return true } }
            return items.enumerated().flatMap { deep(prefix + (nested ? "[\($0.offset)]" : "[]"), $0.element, allowReserved: allowReserved) }
        }
    }

    /// A header value (`simple` style; header values are not percent-encoded).
    ACCESS static func header(_ value: SpecGenWireValue, explode: Bool = false) -> String {
        switch value.styled {
        case .undefined, .literal: return ""
        case .primitive(let text): return text
        case .array(let items): return items.map(text).joined(separator: ",")
        case .object(let members): return members.map { $0.name + (explode ? "=" : ",") + text($0.value) }.joined(separator: ",")
        }
    }

    /// `name=value` pairs for a `Cookie` header (`form` style); bytes a cookie value cannot hold are `%XX`.
    ACCESS static func cookie(_ name: String, _ value: SpecGenWireValue, explode: Bool = true) -> [String] {
        func safe(_ text: String) -> String {
            var output = ""
            for byte in text.utf8 {
                if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: ";") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "%") && byte != UInt8(ascii: ",") {
                    output.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    output += escaped(byte)
                }
            }
            return output
        }
        switch value.styled {
        case .undefined, .literal: return [name + "="]
        case .primitive(let text): return [name + "=" + safe(text)]
        case .array(let items): return explode ? items.map { name + "=" + safe(text($0)) } : [name + "=" + items.map { safe(text($0)) }.joined(separator: ",")]
        case .object(let members):
            return explode ? members.map { $0.name + "=" + safe(text($0.value)) } : [name + "=" + members.map { safe($0.name) + "," + safe(text($0.value)) }.joined(separator: ",")]
        }
    }

    /// Adds already-encoded query components to a request's URL (an API key in the query).
    ACCESS static func appendQuery(_ components: [String], to request: inout URLRequest) {
        guard let url = request.url, !components.isEmpty else { return }
        let text = url.absoluteString + (url.query == nil ? "?" : "&") + components.joined(separator: "&")
        if let extended = URL(string: text) { request.url = extended }
    }

    /// Adds `name=value` pairs to the request's `Cookie` header.
    ACCESS static func appendCookies(_ pairs: [String], to request: inout URLRequest) {
        let existing = request.value(forHTTPHeaderField: "Cookie").map { [$0] } ?? []
        request.setValue((existing + pairs).joined(separator: "; "), forHTTPHeaderField: "Cookie")
    }

    /// How one member of a form body is written (the media type's Encoding Object).
    ACCESS struct Encoding: Sendable {
        ACCESS var style: String
        ACCESS var explode: Bool
        ACCESS var allowReserved: Bool
        ACCESS init(style: String = "form", explode: Bool? = nil, allowReserved: Bool = false) {
            self.style = style
            self.explode = explode ?? (style == "form")
            self.allowReserved = allowReserved
        }
    }

    /// An `application/x-www-form-urlencoded` body: each member by its encoding (default `form`, exploded).
    /// A member that is `null` is sent with an empty value (`name=`), which APIs such as Stripe read as "clear".
    ACCESS static func form(_ body: SpecGenWireValue, encoding: [String: Encoding] = [:]) -> Data {
        guard case .object(let members) = body else { return Data() }
        var components: [String] = []
        for member in members {
            let rule = encoding[member.name] ?? Encoding()
            components += query(member.name, member.value, style: rule.style, explode: rule.explode, allowReserved: rule.allowReserved)
        }
        return Data(components.joined(separator: "&").utf8)
    }
}

/// A token or API key: fixed, or fetched by an async provider before each request that needs it (so it can
/// be refreshed).
ACCESS nonisolated struct SpecGenToken: Sendable, ExpressibleByStringLiteral {
    private let provider: @Sendable () async throws -> String

    ACCESS init(_ token: String) { self.provider = { token } }
    ACCESS init(stringLiteral token: String) { self.init(token) }
    /// A token `provider` returns when a request needs it.
    ACCESS init(provider: @escaping @Sendable () async throws -> String) { self.provider = provider }

    /// The current token.
    ACCESS func value() async throws -> String { try await provider() }
}

/// A user name and password for http `basic`.
ACCESS nonisolated struct SpecGenBasicCredentials: Sendable, Hashable {
    ACCESS var username: String
    ACCESS var password: String

    ACCESS init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// `Basic <base64(username:password)>`.
    ACCESS var headerValue: String { "Basic " + Data("\(username):\(password)".utf8).base64EncodedString() }
}

/// A file to upload in a multipart body: its bytes, the file name and media type the part declares.
ACCESS nonisolated struct SpecGenFile: Sendable, Hashable {
    ACCESS var data: Data
    ACCESS var fileName: String
    ACCESS var contentType: String

    ACCESS init(data: Data, fileName: String, contentType: String = "application/octet-stream") {
        self.data = data
        self.fileName = fileName
        self.contentType = contentType
    }

    /// The contents of a local file (read once), named after it.
    ACCESS init(contentsOf url: URL, contentType: String = "application/octet-stream") throws {
        self.init(data: try Data(contentsOf: url), fileName: url.lastPathComponent, contentType: contentType)
    }
}

/// A `multipart/form-data` body (RFC 7578): parts in order, a random boundary, files copied once.
ACCESS nonisolated struct SpecGenMultipart: Sendable {
    /// One part: a name, its bytes, and the file name and content type when it has them.
    ACCESS struct Part: Sendable {
        ACCESS var name: String
        ACCESS var data: Data
        ACCESS var fileName: String?
        ACCESS var contentType: String?
        ACCESS var headers: [(name: String, value: String)]

        ACCESS init(name: String, data: Data, fileName: String? = nil, contentType: String? = nil, headers: [(name: String, value: String)] = []) {
            self.name = name
            self.data = data
            self.fileName = fileName
            self.contentType = contentType
            self.headers = headers
        }
    }

    ACCESS var parts: [Part] = []
    ACCESS var boundary = "SpecGen-" + UUID().uuidString

    ACCESS init() {}

    /// `multipart/form-data; boundary=…`, for the `Content-Type` header.
    ACCESS var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// Adds a file part.
    ACCESS mutating func append(_ name: String, file: SpecGenFile) {
        parts.append(Part(name: name, data: file.data, fileName: file.fileName, contentType: file.contentType))
    }

    /// Adds a value: text as it is (or as `contentType` says), containers as JSON.
    ACCESS mutating func append(_ name: String, value: SpecGenWireValue, contentType: String? = nil) {
        switch value {
        case .undefined: return
        case .primitive(let text), .literal(let text): parts.append(Part(name: name, data: Data(text.utf8), contentType: contentType))
        case .array(let items) where contentType == nil || contentType == "text/plain":
            for item in items { append(name, value: item, contentType: contentType) }
        default: parts.append(Part(name: name, data: Data(value.jsonText.utf8), contentType: contentType ?? "application/json"))
        }
    }

    /// The encoded body.
    ACCESS var data: Data {
        var body = Data()
        func quoted(_ text: String) -> String {
            text.replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: "\"", with: "%22")
        }
        for part in parts {
            body.append(Data("--\(boundary)\r\n".utf8))
            var disposition = "Content-Disposition: form-data; name=\"\(quoted(part.name))\""
            if let fileName = part.fileName { disposition += "; filename=\"\(quoted(fileName))\"" }
            body.append(Data((disposition + "\r\n").utf8))
            if let contentType = part.contentType { body.append(Data("Content-Type: \(contentType)\r\n".utf8)) }
            for header in part.headers { body.append(Data("\(header.name): \(header.value)\r\n".utf8)) }
            body.append(Data("\r\n".utf8))
            body.append(part.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }
}
"""#
}
