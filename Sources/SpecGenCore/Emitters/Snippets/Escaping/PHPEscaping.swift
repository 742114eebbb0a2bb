/// PHP double-quoted string literals, with `$` escaped so nothing interpolates.
public enum PHPEscaping {
    /// A single-quoted literal (only `\\` and `\'` escaped, `$` inert) when `text` has no characters that
    /// need escapes, else `literal(text)`.
    public static func readableLiteral(_ text: String) -> String {
        guard text.contains("\""), EscapingSupport.isRawSafe(text, allowNewlines: false) else { return literal(text) }
        return "'" + text.replacingOccurrences("\\", with: "\\\\").replacingOccurrences("'", with: "\\'") + "'"
    }

    /// `text` as a PHP string literal.
    public static func literal(_ text: String) -> String {
        "\"" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "$": "\\$"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                if EscapingSupport.needsEscape(scalar) { "\\u{" + EscapingSupport.hex(scalar.value, width: 1) + "}" } else { nil }
            }
        } + "\""
    }
}
