/// Go interpreted string literals ("…"); non-ASCII stays readable (Go source is UTF-8).
public enum GoEscaping {
    /// `text` as a Go string literal.
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
