/// Swift string literals; a backslash is always doubled, so `\(` can never start an interpolation.
public enum SwiftEscaping {
    /// A raw `#"…"#` literal when `text` allows one (JSON then reads as JSON), else `literal(text)`.
    public static func readableLiteral(_ text: String) -> String {
        guard text.contains("\\") || text.contains("\""), !text.contains("\"#"), !text.contains("\\#"),
              EscapingSupport.isRawSafe(text, allowNewlines: false) else { return literal(text) }
        return "#\"" + text + "\"#"
    }

    /// `text` as a Swift string literal: the generated code's own escaper (the same rules, one implementation).
    public static func literal(_ text: String) -> String {
        SwiftSource.stringLiteral(text)
    }
}
