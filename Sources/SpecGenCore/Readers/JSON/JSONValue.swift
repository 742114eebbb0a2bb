import Foundation

/// A JSON number kept as its source text, so huge or precise numbers survive a round trip.
public struct JSONNumber: Sendable, CustomStringConvertible {
    /// The number exactly as written (`-12`, `1.5e300`).
    public let text: String

    /// Wraps a lexeme that is already valid JSON number syntax.
    public init(text: String) { self.text = text }
    /// An integer number.
    public init(_ value: Int) { self.text = String(value) }
    /// A floating point number (`NaN` and infinities are not JSON and become `0`).
    public init(_ value: Double) {
        if !value.isFinite { self.text = "0" } else if value == value.rounded(), abs(value) < 1e15 { self.text = String(Int(value)) } else { self.text = "\(value)" }
    }

    /// The nearest `Double` (infinite when the number is out of range).
    public var double: Double { Double(text) ?? .nan }

    /// The exact value when the number is an integer that fits an `Int` (`2`, `-7`, `2.0`, `1e3`).
    public var int: Int? {
        if let exact = Int(text) { return exact }
        let value = double
        guard value.isFinite, value == value.rounded(), abs(value) < 9.0e15 else { return nil }
        return Int(value)
    }

    /// True when the number has no fractional part, as JSON Schema's `integer` type counts it.
    public var isInteger: Bool {
        if Int(text) != nil { return true }
        let value = double
        return value.isFinite && value == value.rounded()
    }

    /// True when a language that holds JSON numbers as doubles writes back the same value: the shortest
    /// text of the nearest double means the number written (`0.1`, `1e21`, `-0`), unlike `1e400`,
    /// `0.1e-400` or `9007199254740993`.
    public var isExactInDouble: Bool {
        let value = double
        guard value.isFinite else { return false }
        return Self.canonical(text) == Self.canonical("\(value)")
    }

    /// The decimal value of number text as digits without leading or trailing zeros and a power of ten
    /// (`"-12.50e1"` → `"-125e0"`); zero of either sign is `"0"`. Works on text of any length.
    static func canonical(_ text: String) -> String {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0
        var exponentDigits = ""
        var seenPoint = false
        var inExponent = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where !inExponent: negative = true
            case UInt8(ascii: "+") where !inExponent: break
            case UInt8(ascii: "."): seenPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"): inExponent = true
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !inExponent:
                digits.append(byte)
                if seenPoint { exponent -= 1 }
            default: exponentDigits.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        guard !digits.isEmpty else { return "0" }
        while digits.last == UInt8(ascii: "0") { digits.removeLast(); exponent += 1 }
        // An exponent too long for Int (`1e99999999999999999999`) is kept as text beside the shift.
        let written: String
        if exponentDigits.isEmpty { written = String(exponent) }
        else if let power = Int(exponentDigits) { written = String(power.addingReportingOverflow(exponent).partialValue) }
        else { written = exponentDigits + "+" + String(exponent) }
        return (negative ? "-" : "") + String(decoding: digits, as: UTF8.self) + "e" + written
    }

    public var description: String { text }
}

extension JSONNumber: Equatable {
    /// Numbers compare by value: `1`, `1.0` and `1e0` are equal.
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.text == rhs.text { return true }
        if let left = Int(lhs.text), let right = Int(rhs.text) { return left == right }
        return lhs.double == rhs.double
    }
}

/// A JSON value whose objects keep key order. Children are `JSONNode`s so each keeps its position.
public indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    case object(JSONObject)

    /// The JSON type name used in messages (`string`, `object`, …).
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let number): number.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }
    public var numberValue: JSONNumber? { if case .number(let value) = self { value } else { nil } }
    public var arrayValue: [JSONNode]? { if case .array(let value) = self { value } else { nil } }
    public var objectValue: JSONObject? { if case .object(let value) = self { value } else { nil } }
    public var isNull: Bool { if case .null = self { true } else { false } }
}

extension JSONValue {
    /// True when some number anywhere in the value satisfies `predicate`.
    public func containsNumber(where predicate: (JSONNumber) -> Bool) -> Bool {
        switch self {
        case .number(let number): return predicate(number)
        case .array(let items): return items.contains { $0.value.containsNumber(where: predicate) }
        case .object(let object): return object.entries.contains { $0.value.value.containsNumber(where: predicate) }
        default: return false
        }
    }
}

extension JSONValue: Equatable {
    /// Semantic equality: object key order is ignored, numbers compare by value, positions are ignored.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        // JSON compares strings by code points; Swift's `==` would equate "ä" and "a\u{308}". Equal UTF-8
        // bytes are equal code points.
        case let (.string(a), .string(b)): return a.hasSameBytes(as: b)
        case let (.array(a), .array(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.value == $1.value }
        case let (.object(a), .object(b)):
            let left = a.uniqueEntries, right = b.uniqueEntries
            guard left.count == right.count else { return false }
            for (key, value) in left {
                guard let other = right[key], other.value == value.value else { return false }
            }
            return true
        default: return false
        }
    }

    /// Strict equality: like `==`, but object keys must also be in the same order.
    public func isIdentical(to other: JSONValue) -> Bool {
        switch (self, other) {
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.value.isIdentical(to: $1.value) }
        case let (.object(a), .object(b)):
            return a.entries.count == b.entries.count
                && zip(a.entries, b.entries).allSatisfy { $0.key == $1.key && $0.value.value.isIdentical(to: $1.value.value) }
        default:
            return self == other
        }
    }
}

/// A JSON value together with the byte offset where it starts in its `SourceFile` (-1 when synthetic).
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    /// Byte offset of the value's first character in its source, or -1 for values built in code.
    public var offset: Int

    /// Creates a node.
    public init(_ value: JSONValue, offset: Int = -1) {
        self.value = value
        self.offset = offset
    }

    /// Nodes compare by value only.
    public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.value == rhs.value }

    /// The member `key` when this node is an object.
    public subscript(key: String) -> JSONNode? { value.objectValue?[key] }
}

/// A JSON object that keeps its members in source order; lookups return the last member with a key.
public struct JSONObject: Sendable {
    /// One member: the key, where the key starts, and the value.
    public struct Entry: Sendable {
        public var key: String
        public var keyOffset: Int
        public var value: JSONNode

        public init(key: String, keyOffset: Int = -1, value: JSONNode) {
            self.key = key
            self.keyOffset = keyOffset
            self.value = value
        }
    }

    /// Members in source order, duplicates included.
    public private(set) var entries: [Entry] = []
    private var index: [String: Int]? = nil
    private static let indexThreshold = 12

    /// An empty object.
    public init() {}

    /// An object with these members in this order.
    public init(_ entries: [Entry]) {
        for entry in entries { append(entry) }
    }

    /// Number of members (duplicates counted).
    public var count: Int { entries.count }
    /// True when there are no members.
    public var isEmpty: Bool { entries.isEmpty }
    /// The keys in source order.
    public var keys: [String] { entries.map(\.key) }

    /// Adds a member at the end.
    public mutating func append(_ entry: Entry) {
        entries.append(entry)
        if index != nil {
            index![entry.key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            var built: [String: Int] = [:]
            built.reserveCapacity(entries.count * 2)
            for (position, member) in entries.enumerated() { built[member.key] = position }
            index = built
        }
    }

    /// Adds or replaces the member `key` (replacing keeps its position).
    public mutating func set(_ key: String, _ value: JSONNode) {
        if let position = position(of: key) {
            entries[position].value = value
        } else {
            append(Entry(key: key, value: value))
        }
    }

    /// Removes every member named `key`.
    public mutating func remove(_ key: String) {
        guard position(of: key) != nil else { return }
        let kept = entries.filter { $0.key != key }
        entries = []
        index = nil
        for entry in kept { append(entry) }
    }

    /// The position of the last member named `key`.
    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        var position = entries.count - 1
        while position >= 0 {
            if entries[position].key == key { return position }
            position -= 1
        }
        return nil
    }

    /// The value of the last member named `key`.
    public subscript(key: String) -> JSONNode? {
        guard let position = position(of: key) else { return nil }
        return entries[position].value
    }

    /// The entry of the last member named `key` (with its key's position).
    public func entry(_ key: String) -> Entry? {
        guard let position = position(of: key) else { return nil }
        return entries[position]
    }

    /// Members with duplicates resolved (last wins).
    public var uniqueEntries: [String: JSONNode] {
        var result: [String: JSONNode] = [:]
        for entry in entries { result[entry.key] = entry.value }
        return result
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(JSONNumber(value)) }
    public init(floatLiteral value: Double) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements.map { JSONNode($0) }) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Entry(key: $0.0, value: JSONNode($0.1)) }))
    }
}

extension String {
    /// Byte equality of the UTF-8 forms, i.e. the same code points (`==` compares canonical equivalence,
    /// which is far slower on non-ASCII text and equates different JSON strings).
    func hasSameBytes(as other: String) -> Bool {
        var first = self, second = other
        return first.withUTF8 { a in
            second.withUTF8 { b in a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
        }
    }
}

/// A set of JSON values under `JSONValue.==` (strings by code point, numbers by value). Strings are found
/// through a hash of their canonical form first (byte-equal strings are canonically equal), so an enum of
/// hundreds of strings is not compared pair by pair.
struct JSONValueSet {
    /// Canonical form → the byte-distinct strings with that form.
    private var strings: [String: [String]] = [:]
    private var others: [JSONValue] = []

    init<Values: Sequence>(_ values: Values) where Values.Element == JSONValue {
        for value in values { insert(value) }
    }

    func contains(_ value: JSONValue) -> Bool {
        if case .string(let text) = value { return strings[text]?.contains { $0.hasSameBytes(as: text) } ?? false }
        return others.contains(value)
    }

    /// Adds `value`; false when an equal value is already there.
    @discardableResult
    mutating func insert(_ value: JSONValue) -> Bool {
        guard !contains(value) else { return false }
        if case .string(let text) = value { strings[text, default: []].append(text) } else { others.append(value) }
        return true
    }
}
