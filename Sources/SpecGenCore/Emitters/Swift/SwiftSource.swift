/// Escapers that turn spec text into Swift source safely: spec text reaches generated code only here.
public enum SwiftSource {
    /// A Swift string literal (`"…"`) holding exactly `text`; control, format and bidi characters are
    /// written as `\u{…}` escapes so the source shows what it contains (the table's Swift entry).
    public static func stringLiteral(_ text: String) -> String {
        StringLiteralStyle.swift.literal(text)
    }

    /// True for characters that must never appear raw in generated source: C0/C1 controls, bidi
    /// overrides and isolates (Trojan Source), zero-width and other format characters, separators.
    public static func isInvisibleOrControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        switch value {
        case 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF, 0xFFF9...0xFFFB, 0x061C, 0x00AD, 0x180E: return true
        default: return false
        }
    }

    /// `///` doc comment lines for `text` at `indent`; blank lines kept, invisible characters shown as
    /// `\u{…}`, trailing spaces trimmed. Empty text gives no lines.
    public static func docComment(_ text: String?, indent: String) -> [String] {
        guard let text else { return [] }
        // Any printable ASCII byte other than a space proves the text is not blank; only otherwise walk characters.
        let hasVisibleASCII = text.utf8.contains(where: { $0 > 0x20 && $0 < 0x7F })
        guard hasVisibleASCII || !text.allSatisfy({ $0.isWhitespace }) else { return [] }
        var lines: [String] = []
        let normalized = text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences("\r\n", with: "\n").replacingOccurrences("\r", with: "\n") : text
        // Split on the byte: a line feed is always a grapheme of its own, and bytes split much faster.
        for rawBytes in normalized.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let rawLine = Substring(rawBytes)
            var line: String
            if rawLine.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F })
                || rawLine.unicodeScalars.allSatisfy({ $0 != "\t" && !isInvisibleOrControl($0) }) {
                line = String(rawLine)  // the common case: nothing to replace
            } else {
                line = ""
                for scalar in rawLine.unicodeScalars {
                    if scalar == "\t" { line += "    " }
                    else if isInvisibleOrControl(scalar) { line += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" }
                    else { line.unicodeScalars.append(scalar) }
                }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line.isEmpty ? "\(indent)///" : "\(indent)/// \(line)")
        }
        while lines.last == "\(indent)///" { lines.removeLast() }
        while lines.first == "\(indent)///" { lines.removeFirst() }
        return lines
    }

    /// A Swift `Double` literal for a number.
    public static func doubleLiteral(_ value: Double) -> String {
        if value.isInfinite { return value < 0 ? "-Double.infinity" : "Double.infinity" }
        if value.isNaN { return "Double.nan" }
        if value == value.rounded(), abs(value) < 1e15 { return "\(Int(value))" }
        return "\(value)"
    }
}

/// Accumulates lines of Swift with indentation.
struct SwiftWriter {
    private(set) var lines: [String] = []
    private var level = 0

    var indent: String { String(repeating: "    ", count: level) }

    mutating func line(_ text: String = "") {
        lines.append(text.isEmpty ? "" : indent + text)
    }

    mutating func lines(_ texts: [String]) {
        for text in texts { line(text) }
    }

    /// Adds pre-indented lines (e.g. doc comments built with `indent`).
    mutating func raw(_ texts: [String]) { lines.append(contentsOf: texts) }

    mutating func doc(_ text: String?) { raw(SwiftSource.docComment(text, indent: indent)) }

    mutating func block(_ opening: String, _ body: (inout SwiftWriter) -> Void) {
        line(opening + " {")
        level += 1
        body(&self)
        level -= 1
        line("}")
    }

    /// A `switch` whose `case` lines sit at the switch's own indentation, as Swift style has it.
    mutating func switchBlock(_ opening: String, _ body: (inout SwiftWriter) -> Void) {
        line(opening + " {")
        body(&self)
        line("}")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
