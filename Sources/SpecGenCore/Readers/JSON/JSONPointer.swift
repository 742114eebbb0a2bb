/// An RFC 6901 JSON pointer such as `/paths/~1users~1{id}/patch`.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens.
    public private(set) var tokens: [String]

    /// The root pointer (`""`).
    public static let root = JSONPointer(tokens: [])

    /// A pointer made of these unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses `"/a/b~1c"`; returns nil when the text does not start with `/` and is not empty.
    /// A leading `#` (URI fragment form) is accepted and percent-escapes are decoded.
    public init?(_ text: String) {
        var text = Substring(text)
        if text.first == "#" {
            text = text.dropFirst()
            guard let decoded = String(text).removingPercentEncodingIfPossible else { return nil }
            text = Substring(decoded)
        }
        if text.isEmpty { tokens = []; return }
        guard text.first == "/" else { return nil }
        // Tokens are separated by the `/` code point (split on bytes, not characters, so a combining mark
        // after `/` still starts a new token); most have no `~` escape and are copied as they are.
        tokens = text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
            let token = Substring($0)
            guard $0.contains(UInt8(ascii: "~")) else { return String(token) }
            return token.replacingOccurrences("~1", with: "/").replacingOccurrences("~0", with: "~")
        }
    }

    /// This pointer with one more token.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    /// This pointer with one more array index.
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// The pointer one level up (root stays root).
    public var parent: JSONPointer {
        var copy = self
        if !copy.tokens.isEmpty { copy.tokens.removeLast() }
        return copy
    }

    /// The escaped form, `""` for the root.
    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// Escapes one token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences("~", with: "~0").replacingOccurrences("/", with: "~1")
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool { lhs.description < rhs.description }
}

extension JSONNode {
    /// The node a pointer designates, or nil when a token does not match.
    public func resolve(_ pointer: JSONPointer) -> JSONNode? {
        var current = self
        for token in pointer.tokens {
            switch current.value {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let items):
                guard let position = Int(token), position >= 0, position < items.count,
                      token == String(position) else { return nil }
                current = items[position]
            default:
                return nil
            }
        }
        return current
    }
}

extension StringProtocol {
    /// Plain substring replacement without Foundation: matched on UTF-8 bytes, which is matching code points
    /// (a UTF-8 encoded target can only start on a scalar boundary).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        let source = String(self)
        let bytes = Array(source.utf8), needle = Array(target.utf8)
        guard !needle.isEmpty, needle.count <= bytes.count else { return source }
        var result: [UInt8] = []
        var start = 0, index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                result += bytes[start..<index]
                result += replacement.utf8
                index += needle.count
                start = index
            } else {
                index += 1
            }
        }
        guard start > 0 else { return source }
        result += bytes[start...]
        return String(decoding: result, as: UTF8.self)
    }
}

extension String {
    /// Decodes `%XX` escapes as UTF-8; nil when an escape is malformed or not UTF-8.
    var removingPercentEncodingIfPossible: String? {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard iterator.count >= 2,
                      let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) else { return nil }
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
