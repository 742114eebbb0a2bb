/// Kotlin string literals, with `$` escaped so string templates never apply.
public enum KotlinEscaping {
    /// A raw `\"\"\"…\"\"\"` literal when `text` allows one (no `$`, which raw strings cannot escape, no `\"\"\"`,
    /// no backslash, no line breaks), else `literal(text)`.
    public static func readableLiteral(_ text: String) -> String {
        guard text.contains("\""), !text.contains("$"), !text.contains("\\"), !text.contains("\"\"\""), !text.hasSuffix("\""),
              EscapingSupport.isRawSafe(text, allowNewlines: false) else { return literal(text) }
        return "\"\"\"" + text + "\"\"\""
    }

    /// `text` as a Kotlin string literal.
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
                if EscapingSupport.needsEscape(scalar) {
                    "\\u" + EscapingSupport.hex(scalar.value, width: 4)
                } else { nil }
            }
        } + "\""
    }
}
