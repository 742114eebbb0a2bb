import Foundation
@testable import SpecGenCore

/// Deterministic random JSON values for property tests: extreme numbers, deep nesting, text from every
/// Unicode plane (controls, bidi, separators, astral), empty and duplicate keys. SplitMix64, so a seed
/// gives the same values on every machine.
struct RandomJSON {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    static let extremeNumbers = ["-9223372036854775808", "9223372036854775807", "18446744073709551616", "1e400", "-1e400", "-0",
                                 "0.1e-400", "9007199254740993", "-9007199254740993", "1.7976931348623157e308", "5e-324", "0", "-0.0",
                                 "123456789012345678901234567890", "1E+2", "0.30000000000000004", "3.141592653589793238462643383279"]

    /// Scalar ranges a string draws from: ASCII, C0 controls and DEL, Latin-1, CJK, Arabic and Hebrew, bidi and
    /// invisible format characters, line/paragraph separators, emoji and the supplementary private-use planes.
    static let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0x20...0x7E, 0x00...0x1F, 0x7F...0x7F, 0xA0...0xFF, 0x4E00...0x4E40,
                                               0x0600...0x0620, 0x05D0...0x05EA, 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069,
                                               0x2028...0x2029, 0xFEFF...0xFEFF, 0x1F600...0x1F64F, 0x10000...0x1000F, 0xE0001...0xE0001,
                                               0xF0000...0xF0010, 0x10FFF0...0x10FFFD]

    mutating func string(maxLength: Int = 12) -> String {
        var text = ""
        for _ in 0..<below(maxLength + 1) {
            let range = Self.ranges[below(Self.ranges.count)]
            let value = range.lowerBound + UInt32(below(Int(range.upperBound - range.lowerBound) + 1))
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    mutating func number() -> JSONNumber {
        switch below(3) {
        case 0: return JSONNumber(text: Self.extremeNumbers[below(Self.extremeNumbers.count)])
        case 1: return JSONNumber(Int(truncatingIfNeeded: next()) >> below(64))
        default: return JSONNumber(text: "\(below(2) == 0 ? "-" : "")\(below(100000)).\(below(1000))e\(below(40) - 20)")
        }
    }

    /// A value nested at most `depth` levels; objects may hold empty keys and repeat a key.
    mutating func value(depth: Int) -> JSONValue {
        switch below(depth > 0 ? 8 : 5) {
        case 0: return .null
        case 1: return .bool(below(2) == 0)
        case 2: return .number(number())
        case 3, 4: return .string(string())
        case 5: return .array((0..<below(4)).map { _ in JSONNode(value(depth: depth - 1)) })
        default:
            var object = JSONObject()
            for _ in 0..<below(4) {
                let key = below(6) == 0 ? "" : below(6) == 0 ? (object.keys.last ?? "dup") : string(maxLength: 6)
                object.append(JSONObject.Entry(key: key, value: JSONNode(value(depth: depth - 1))))
            }
            return .object(object)
        }
    }

    /// An object body (every client sends objects; scalars are covered by other fixtures) nested `depth` deep at one point.
    mutating func body(depth: Int) -> JSONValue {
        var object = JSONObject()
        for _ in 0..<(1 + below(4)) { object.append(JSONObject.Entry(key: string(maxLength: 6), value: JSONNode(value(depth: 3)))) }
        var deep: JSONValue = .number(number())
        for level in 0..<depth { deep = level % 2 == 0 ? .array([JSONNode(deep)]) : .object(JSONObject([JSONObject.Entry(key: "d", value: JSONNode(deep))])) }
        object.append(JSONObject.Entry(key: "deep", value: JSONNode(deep)))
        return .object(object)
    }
}
