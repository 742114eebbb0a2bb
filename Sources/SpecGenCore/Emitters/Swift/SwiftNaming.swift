/// Turns names from a spec into valid, unique Swift identifiers.
public enum SwiftNaming {
    /// Words Swift reserves; used as identifiers they need backticks.
    public static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as",
        "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_", "consume", "borrowing",
        "consuming", "copy", "discard", "each", "macro", "package", "some", "any",
    ]

    /// Names the generated code itself uses, which a schema must not shadow.
    public static let reservedTypeNames: Set<String> = [
        "String", "Int", "Int32", "Int64", "Double", "Float", "Bool", "Date", "Data", "URL", "UUID", "Array", "Dictionary",
        "Optional", "Set", "Character", "Error", "Result", "Never", "Void", "Any", "AnyObject", "Type", "Self", "Protocol",
        "Codable", "Decodable", "Encodable", "Decoder", "Encoder", "CodingKey", "Sendable", "Hashable", "Equatable",
        "JSONValue", "Nullable", "ValidationIssue", "SpecGenValidation", "SpecGenDynamicKey", "SpecGenDateTime",
        "Foundation", "Swift", "FoundationNetworking", "URLRequest", "URLSession", "HTTPURLResponse", "JSONEncoder", "JSONDecoder",
        "DecodingError", "EncodingError", "APIClient", "APIServer", "APIError", "APIOperation", "SpecGenResponse", "Operations", "Output", "URLComponents", "URLQueryItem", "KeyedDecodingContainer", "KeyedEncodingContainer", "CodingKeys", "Element", "Key", "Value",
        // The client template's own types.
        "APIMiddleware", "APIRetryPolicy", "APIEventStreamOperation", "APIServerSentEvent", "APIPaginatedOperation", "APIPages",
        "APIItems", "Credentials", "SpecGenEventParser", "SpecGenStreamDelegate", "SpecGenLink", "SpecGenIndirect", "SpecGenWireValue",
        "SpecGenWireMember", "SpecGenWireJSON", "SpecGenStyle", "SpecGenToken", "SpecGenBasicCredentials", "SpecGenFile", "SpecGenMultipart",
    ]

    /// Splits `user_metadata`, `X-RateLimit-Limit`, `profileData`, `HTTPStatus2` into words.
    public static func words(_ name: String) -> [String] {
        if name.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(name) }
        var words: [String] = []
        var current = ""
        let scalars = Array(name.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let isAlnum = scalar.isASCIIAlphanumeric
            guard isAlnum else {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            if let last = current.unicodeScalars.last {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let boundary =
                    (last.isLowercaseASCII && scalar.isUppercaseASCII) ||
                    (last.isUppercaseASCII && scalar.isUppercaseASCII && (next?.isLowercaseASCII ?? false))
                if boundary { words.append(current); current = "" }
            }
            current.unicodeScalars.append(scalar)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words(_:)` for ASCII names, over bytes (names are split thousands of times per whole API).
    private static func asciiWords(_ name: String) -> [String] {
        var words: [String] = []
        let bytes = Array(name.utf8)
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isAlphanumeric(_ byte: UInt8) -> Bool { isUpper(byte) || isLower(byte) || (byte >= 0x30 && byte <= 0x39) }
        var start: Int? = nil
        for index in bytes.indices {
            let byte = bytes[index]
            guard isAlphanumeric(byte) else {
                if let first = start { words.append(String(decoding: bytes[first..<index], as: UTF8.self)); start = nil }
                continue
            }
            guard let first = start else { start = index; continue }
            let last = bytes[index - 1]
            let nextIsLower = index + 1 < bytes.count && isLower(bytes[index + 1])
            if (isLower(last) && isUpper(byte)) || (isUpper(last) && isUpper(byte) && nextIsLower) {
                words.append(String(decoding: bytes[first..<index], as: UTF8.self))
                start = index
            }
        }
        if let first = start { words.append(String(decoding: bytes[first...], as: UTF8.self)) }
        return words
    }

    /// `user_metadata` → `userMetadata`; non-ASCII and empty names get a stable spelled-out form.
    public static func lowerCamel(_ name: String) -> String {
        let parts = words(name)
        guard !parts.isEmpty else { return fallbackIdentifier(name, upper: false) }
        var result = ""
        for (index, word) in parts.enumerated() {
            if index == 0 {
                result += word.allSatisfyUppercase && word.count > 1 && parts.count > 1 ? word.lowercased() : lowerFirst(word)
            } else {
                result += upperFirst(word)
            }
        }
        if result.unicodeScalars.first!.isDigitASCII { result = "_" + result }
        if parts.count == 1 && name.unicodeScalars.contains(where: { !$0.isASCIIAlphanumeric && $0 != "_" && $0 != "-" && $0 != " " && $0 != "." }) {
            result += "_" + stableSuffix(name)
        }
        return result
    }

    /// `user_identity` → `UserIdentity`; keeps inner capitals (`UpdateUserRequestContent`).
    public static func upperCamel(_ name: String) -> String {
        let parts = words(name)
        guard !parts.isEmpty else { return fallbackIdentifier(name, upper: true) }
        var result = parts.map(upperFirst).joined()
        if result.unicodeScalars.first!.isDigitASCII { result = "_" + result }
        return result
    }

    /// A Swift identifier usable in declarations: keywords get backticks.
    public static func escaped(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// A name as an argument label at a call site: keywords are written bare (the compiler warns about needless
    /// backticks there) except `inout`, `var` and `let`, which a label cannot be without them.
    public static func argumentLabel(_ identifier: String) -> String {
        ["inout", "var", "let"].contains(identifier) ? "`\(identifier)`" : identifier
    }

    static func fallbackIdentifier(_ name: String, upper: Bool) -> String {
        if name.isEmpty { return upper ? "Empty" : "empty" }
        return (upper ? "Name_" : "name_") + stableSuffix(name)
    }

    /// Hex of the scalars, so distinct non-ASCII names stay distinct and stable.
    static func stableSuffix(_ name: String) -> String {
        name.unicodeScalars.filter { !$0.isASCIIAlphanumeric }.prefix(4).map { String($0.value, radix: 16) }.joined(separator: "_")
    }

    static func upperFirst(_ word: String) -> String {
        if let first = word.utf8.first, first >= 0x61, first <= 0x7A {
            return String(UnicodeScalar(first - 0x20)) + word.dropFirst()
        }
        if let first = word.utf8.first, first < 0x80 { return word }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    static func lowerFirst(_ word: String) -> String {
        if let first = word.utf8.first, first >= 0x41, first <= 0x5A {
            return String(UnicodeScalar(first + 0x20)) + word.dropFirst()
        }
        if let first = word.utf8.first, first < 0x80 { return word }
        return word.prefix(1).lowercased() + word.dropFirst()
    }
}

/// Hands out names that are unique within one scope, case-insensitively (so file names never clash on
/// case-insensitive file systems), appending 2, 3, … on collision.
public struct UniqueNamer: Sendable {
    /// Names taken in every scope built from the same reserved set (lower-cased once, shared, never copied).
    private let reserved: ReservedNames
    private var used: Set<String> = []

    /// A namer that already treats these names as taken.
    public init(reserved: Set<String> = []) { self.reserved = ReservedNames(reserved) }

    /// A namer over a reserved set prepared once (cheap to create for every nested scope).
    public init(reserved: ReservedNames) { self.reserved = reserved }

    /// A unique name derived from `base`.
    public mutating func claim(_ base: String) -> String {
        var candidate = base
        var counter = 2
        var lowered = candidate.lowercased()
        while used.contains(lowered) || reserved.contains(lowered) {
            candidate = "\(base)\(counter)"
            lowered = candidate.lowercased()
            counter += 1
        }
        used.insert(lowered)
        return candidate
    }
}

/// A set of names lower-cased once, to be shared by many `UniqueNamer` scopes.
public final class ReservedNames: Sendable {
    private let lowered: Set<String>

    public init(_ names: Set<String>) { lowered = Set(names.map { $0.lowercased() }) }

    func contains(_ loweredName: String) -> Bool { lowered.contains(loweredName) }
}

extension String {
    var allSatisfyUppercase: Bool { unicodeScalars.allSatisfy { $0.isUppercaseASCII || $0.isDigitASCII } }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool { isLetterASCII || isDigitASCII }
    var isLetterASCII: Bool { isUppercaseASCII || isLowercaseASCII }
    var isUppercaseASCII: Bool { ("A"..."Z").contains(self) }
    var isLowercaseASCII: Bool { ("a"..."z").contains(self) }
    var isDigitASCII: Bool { ("0"..."9").contains(self) }
}
