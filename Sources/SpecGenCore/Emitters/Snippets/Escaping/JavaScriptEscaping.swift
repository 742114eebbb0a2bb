/// JavaScript string literals in single quotes (no template literals, so `${…}` is inert).
public enum JavaScriptEscaping {
    /// `text` as a JavaScript string literal.
    public static func literal(_ text: String) -> String {
        "'" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "'": "\\'"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                if EscapingSupport.needsEscape(scalar) {
                    "\\u" + EscapingSupport.hex(scalar.value, width: 4)
                } else { nil }
            }
        } + "'"
    }

    /// An object key: bare when it is a plain identifier, quoted otherwise.
    public static func key(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, first == "_" || first == "$" || first.isASCIILetter,
              text.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "$" }) else {
            return literal(text)
        }
        return text
    }

    /// A JSON value as a JavaScript expression (JSON text is valid JavaScript; strings use our literals).
    public static func value(_ value: JSONValue, indent: String?, level: Int = 0) -> String {
        let pad = indent.map { String(repeating: $0, count: level + 1) } ?? ""
        let closePad = indent.map { String(repeating: $0, count: level) } ?? ""
        let separator = indent == nil ? ", " : ",\n"
        let open = indent == nil ? "" : "\n"
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return number.text
        case .string(let text): return literal(text)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[" + open + items.map { pad + Self.value($0.value, indent: indent, level: level + 1) }.joined(separator: separator) + (indent == nil ? "" : "\n" + closePad) + "]"
        case .object(let object):
            if object.isEmpty { return "{}" }
            let members = object.entries.map { pad + literal($0.key) + ": " + Self.value($0.value.value, indent: indent, level: level + 1) }
            return "{" + (indent == nil ? "" : "\n") + members.joined(separator: separator) + (indent == nil ? "" : "\n" + closePad) + "}"
        }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
