/// C# regular string literals; controls and line separators use fixed-width `\uXXXX` (never `\x`, which runs on).
public enum CSharpEscaping {
    /// `text` as a C# string literal.
    public static func literal(_ text: String) -> String {
        "\"" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                if EscapingSupport.needsEscape(scalar) {
                    "\\u" + EscapingSupport.hex(scalar.value, width: 4)
                } else { nil }
            }
        } + "\""
    }
}
