/// Kotlin string literals, with `$` escaped so string templates never apply.
public enum KotlinEscaping {
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
