/// Rust string literals ("…"); non-ASCII stays readable.
public enum RustEscaping {
    /// A raw `r#"…"#` literal when `text` allows one, else `literal(text)`.
    public static func readableLiteral(_ text: String) -> String {
        guard text.contains("\\") || text.contains("\""), !text.contains("\"#"), EscapingSupport.isRawSafe(text, allowNewlines: false) else { return literal(text) }
        return "r#\"" + text + "\"#"
    }

    /// `text` as a Rust string literal.
    public static func literal(_ text: String) -> String {
        "\"" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            case "\0": "\\0"
            default:
                if EscapingSupport.needsEscape(scalar) {
                    "\\u{" + EscapingSupport.hex(scalar.value, width: 1) + "}"
                } else { nil }
            }
        } + "\""
    }
}
