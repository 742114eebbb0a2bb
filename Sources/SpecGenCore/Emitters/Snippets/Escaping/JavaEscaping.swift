/// Java string literals. Everything outside printable ASCII is written as `\uXXXX` UTF-16 escapes, so the
/// source compiles whatever encoding javac assumes; control characters use octal escapes because javac
/// would turn `\u000a` into a real line break before it reads the literal.
public enum JavaEscaping {
    /// `text` as a Java string literal.
    public static func literal(_ text: String) -> String {
        "\"" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { "\\" + EscapingSupport.octal3(UInt8(scalar.value)) }
                else if scalar.value > 0x7E { EscapingSupport.utf16Units(scalar).map { "\\u" + EscapingSupport.hex(UInt32($0), width: 4) }.joined() }
                else { nil }
            }
        } + "\""
    }
}
