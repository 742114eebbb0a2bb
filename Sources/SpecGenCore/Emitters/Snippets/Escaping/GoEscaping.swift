/// Go interpreted string literals ("…"); non-ASCII stays readable (Go source is UTF-8).
public enum GoEscaping {
    /// A raw `` `…` `` literal when `text` allows one (no backquote, no CR), else `literal(text)`.
    public static func readableLiteral(_ text: String) -> String {
        guard text.contains("\\") || text.contains("\""), !text.contains("`"), EscapingSupport.isRawSafe(text, allowNewlines: false) else { return literal(text) }
        return "`" + text + "`"
    }

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
