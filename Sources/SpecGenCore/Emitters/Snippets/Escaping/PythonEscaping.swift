/// Python 3 `str` literals in double quotes; non-ASCII stays readable (source files are UTF-8).
public enum PythonEscaping {
    /// `text` as a Python string literal.
    public static func literal(_ text: String) -> String {
        "\"" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                if scalar.value < 0x100, EscapingSupport.isControl(scalar) { "\\x" + EscapingSupport.hex(scalar.value, width: 2, uppercase: false) }
                else if EscapingSupport.needsEscape(scalar) { "\\u" + EscapingSupport.hex(scalar.value, width: 4, uppercase: false) }
                else { nil }
            }
        } + "\""
    }

    /// True when a Python literal of the value would change a number: a float literal is a double, so
    /// `1e400` becomes `inf` (which `json.dumps` writes as `Infinity`, not JSON) and `0.1e-400` becomes `0.0`.
    /// Integer literals are exact at any size.
    public static func losesNumbers(_ value: JSONValue) -> Bool {
        value.containsNumber { number in
            number.text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) && !number.isExactInDouble
        }
    }

    /// True when a `json=` argument cannot carry the body: a scalar document (`json=None` would mean "no body")
    /// or one whose numbers a Python literal would change. Such a body is sent as its JSON text.
    public static func needsJSONText(_ value: JSONValue) -> Bool {
        (value.objectValue == nil && value.arrayValue == nil) || losesNumbers(value)
    }

    /// A JSON value as a Python expression (`None`, `True`, dicts keep key order).
    public static func value(_ value: JSONValue, indent: String?, level: Int = 0) -> String {
        let pad = indent.map { String(repeating: $0, count: level + 1) } ?? ""
        let closePad = indent.map { String(repeating: $0, count: level) } ?? ""
        let separator = indent == nil ? ", " : ",\n"
        let open = indent == nil ? "" : "\n"
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let number): return number.text
        case .string(let text): return literal(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + open + items.map { pad + Self.value($0.value, indent: indent, level: level + 1) }.joined(separator: separator) + (indent == nil ? "" : "\n" + closePad) + "]"
        case .object(let object):
            if object.isEmpty { return "{}" }
            return "{" + open + object.entries.map { pad + literal($0.key) + ": " + Self.value($0.value.value, indent: indent, level: level + 1) }.joined(separator: separator) + (indent == nil ? "" : "\n" + closePad) + "}"
        }
    }
}
