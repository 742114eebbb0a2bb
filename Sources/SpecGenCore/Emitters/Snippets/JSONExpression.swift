/// A JSON value as an expression of a language whose list and map literals look like JSON's (JavaScript, Python):
/// strings through the language's literal style, its own words for null, true and false; key order kept.
struct JSONExpression: Sendable {
    /// How strings and keys are written.
    let strings: StringLiteralStyle
    /// The words for null, true and false.
    let null: String, yes: String, no: String

    /// JavaScript: JSON text with our string literals.
    static let javaScript = JSONExpression(strings: .javaScript, null: "null", yes: "true", no: "false")
    /// Python: `None`, `True`, `False`; dicts keep key order.
    static let python = JSONExpression(strings: .python, null: "None", yes: "True", no: "False")

    /// `value` on one line (`indent` nil) or one member a line, `indent` per level below `level`.
    func render(_ value: JSONValue, indent: String?, level: Int = 0) -> String {
        let pad = indent.map { String(repeating: $0, count: level + 1) } ?? ""
        let closing = indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
        let separator = indent == nil ? ", " : ",\n"
        let open = indent == nil ? "" : "\n"
        switch value {
        case .null: return null
        case .bool(let flag): return flag ? yes : no
        case .number(let number): return number.text
        case .string(let text): return strings.literal(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + open + items.map { pad + render($0.value, indent: indent, level: level + 1) }.joined(separator: separator) + closing + "]"
        case .object(let object):
            if object.isEmpty { return "{}" }
            let members = object.entries.map { pad + strings.literal($0.key) + ": " + render($0.value.value, indent: indent, level: level + 1) }
            return "{" + open + members.joined(separator: separator) + closing + "}"
        }
    }
}
