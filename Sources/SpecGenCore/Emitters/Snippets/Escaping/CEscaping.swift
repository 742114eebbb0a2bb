/// C and Objective-C string literals: UTF-8 text, controls as three-digit octal escapes (hex escapes run
/// on into following digits), `?` before `?` escaped against trigraphs.
public enum CEscaping {
    /// `text` as a C string literal (`"…"`).
    public static func literal(_ text: String) -> String { "\"" + body(text) + "\"" }

    /// `text` as an Objective-C `NSString` literal (`@"…"`).
    public static func objectiveCLiteral(_ text: String) -> String { "@\"" + body(text) + "\"" }

    /// The escaped characters without quotes.
    public static func body(_ text: String) -> String {
        var output = ""
        var previousWasQuestion = false
        for scalar in text.unicodeScalars {
            let isQuestion = scalar == "?"
            switch scalar {
            case "\\": output += "\\\\"
            case "\"": output += "\\\""
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "?": output += previousWasQuestion ? "\\?" : "?"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    output += "\\" + EscapingSupport.octal3(UInt8(scalar.value))
                } else if scalar.value >= 0x80, scalar.value < 0xA0 {
                    // C forbids universal character names below U+00A0: write the UTF-8 bytes.
                    for byte in String(scalar).utf8 { output += "\\" + EscapingSupport.octal3(byte) }
                } else if EscapingSupport.needsEscape(scalar) {
                    output += "\\u" + EscapingSupport.hex(scalar.value, width: 4)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
            previousWasQuestion = isQuestion
        }
        return output
    }
}
