/// R string literals in double quotes (`\\`, `\"`, `\n`, `\r`, `\t`; other controls, bidi marks and separators
/// as `\u{…}`), and backquoted names for arguments such as `` `Content-Type` ``.
public enum REscaping {
    /// `text` as an R string literal; over 1 KiB, `paste0(` of literals of at most 256 characters, one a line,
    /// because R 4.2's parser fails on long string lines ("EOF whilst reading MBCS char" with a 4000-character
    /// line of `é`, "invalid \u{xxxx} sequence" with a long line of escapes; measured).
    public static func literal(_ text: String) -> String {
        guard text.utf8.count > 1024 else { return shortLiteral(text) }
        return "paste0(\n" + pieces(text).joined(separator: ",\n") + "\n)"
    }

    /// `text` as literals of at most 256 characters each (see `literal`).
    public static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if current.unicodeScalars.count >= 256 { pieces.append(shortLiteral(current)); current = "" }
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(shortLiteral(current)) }
        return pieces
    }

    /// A raw string `r"(…)"` (R 4.0+) when `text` holds a `"` and nothing that needs an escape, else `literal(text)`.
    public static func readableLiteral(_ text: String) -> String {
        guard text.contains("\""), !text.contains(")\""), text.utf8.count <= 1024, EscapingSupport.isRawSafe(text, allowNewlines: false) else { return literal(text) }
        return "r\"(" + text + ")\""
    }

    static func shortLiteral(_ text: String) -> String {
        "\"" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\"": "\\\""
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                if EscapingSupport.needsEscape(scalar) { escape(scalar) } else { nil }
            }
        } + "\""
    }

    /// An argument name: as is when syntactic (`Authorization`), else backquoted (`` `Content-Type` ``).
    public static func name(_ text: String) -> String {
        let syntactic = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "_") }
            && !(text.first.map { $0.isNumber || $0 == "_" } ?? true) && !keywords.contains(text)
        if syntactic { return text }
        return "`" + EscapingSupport.map(text) { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "`": "\\`"
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default:
                if EscapingSupport.needsEscape(scalar) { escape(scalar) } else { nil }
            }
        } + "`"
    }

    /// `\u{XXXX}` in the Basic Multilingual Plane, `\U{XXXXXXXX}` beyond (R's `\u` takes at most four digits).
    static func escape(_ scalar: Unicode.Scalar) -> String {
        scalar.value > 0xFFFF ? "\\U{" + EscapingSupport.hex(scalar.value, width: 8) + "}" : "\\u{" + EscapingSupport.hex(scalar.value, width: 4) + "}"
    }

    static let keywords: Set<String> = ["if", "else", "repeat", "while", "function", "for", "next", "break", "TRUE", "FALSE", "NULL",
                                        "Inf", "NaN", "NA", "NA_integer_", "NA_real_", "NA_character_", "in"]
}
