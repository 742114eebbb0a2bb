/// Writes `JSONValue`s back to text, keeping key order and number lexemes.
public struct JSONWriter: Sendable {
    /// Layout of the output.
    public enum Style: Sendable, Hashable {
        /// No insignificant whitespace: `{"a":1}`.
        case compact
        /// One member per line, indented by `indent` spaces, `": "` after keys.
        case pretty(indent: Int)
    }

    public var style: Style
    /// Escape every non-ASCII scalar as `\uXXXX` (for targets that cannot carry UTF-8).
    public var asciiOnly: Bool

    /// Creates a writer.
    public init(style: Style = .compact, asciiOnly: Bool = false) {
        self.style = style
        self.asciiOnly = asciiOnly
    }

    /// The text of a value.
    public func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, into: &output, level: 0)
        return output
    }

    private func write(_ value: JSONValue, into output: inout String, level: Int) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += number.text
        case .string(let text): Self.writeString(text, asciiOnly: asciiOnly, into: &output)
        case .array(let items):
            if items.isEmpty { output += "[]"; return }
            output += "["
            for (position, item) in items.enumerated() {
                if position > 0 { output += "," }
                newline(into: &output, level: level + 1)
                write(item.value, into: &output, level: level + 1)
            }
            newline(into: &output, level: level)
            output += "]"
        case .object(let object):
            if object.isEmpty { output += "{}"; return }
            output += "{"
            for (position, entry) in object.entries.enumerated() {
                if position > 0 { output += "," }
                newline(into: &output, level: level + 1)
                Self.writeString(entry.key, asciiOnly: asciiOnly, into: &output)
                output += style == .compact ? ":" : ": "
                write(entry.value.value, into: &output, level: level + 1)
            }
            newline(into: &output, level: level)
            output += "}"
        }
    }

    private func newline(into output: inout String, level: Int) {
        guard case .pretty(let indent) = style else { return }
        output += "\n"
        output += String(repeating: " ", count: indent * level)
    }

    /// Appends `text` as a JSON string literal.
    public static func writeString(_ text: String, asciiOnly: Bool = false, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (asciiOnly && scalar.value > 0x7E) {
                    if scalar.value > 0xFFFF {
                        let value = scalar.value - 0x10000
                        output += hex4(0xD800 + (value >> 10))
                        output += hex4(0xDC00 + (value & 0x3FF))
                    } else {
                        output += hex4(scalar.value)
                    }
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
