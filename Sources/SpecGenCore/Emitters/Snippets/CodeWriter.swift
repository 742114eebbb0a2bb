/// Builds source text line by line with a current indentation level (shared by every snippet client).
public struct CodeWriter: Sendable {
    /// The text of one indentation level (spaces or a tab).
    public let indentUnit: String
    /// What the code imports, gathered while writing (a client puts its import lines in front).
    var imports: Set<String> = []
    private var lines: [String] = []
    private var level = 0

    /// A writer indenting by `indentUnit` per level.
    public init(indentUnit: String = "  ") { self.indentUnit = indentUnit }

    /// Appends one line at the current level (an empty string gives an empty line without spaces).
    public mutating func line(_ text: String = "") {
        lines.append(text.isEmpty ? "" : String(repeating: indentUnit, count: level) + text)
    }

    /// Appends several lines at the current level.
    public mutating func lines(_ texts: [String]) { for text in texts { line(text) } }

    /// Appends a blank line unless the previous line is already blank (or nothing was written yet).
    public mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    /// Appends text verbatim (it may hold newlines; no indentation added).
    public mutating func raw(_ text: String) { lines.append(text) }

    /// Runs `body` one level deeper.
    public mutating func indented(_ body: (inout CodeWriter) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    /// Writes `open`, the body one level deeper, then `close` at the original level.
    public mutating func block(_ open: String, _ close: String, _ body: (inout CodeWriter) -> Void) {
        line(open)
        indented(body)
        line(close)
    }

    /// The text written so far, each line ending with `\n`.
    public var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    /// Items joined as a comma list, each on its own line at `level + 1` when `multiline`.
    public func indentation(extra: Int = 0) -> String { String(repeating: indentUnit, count: level + extra) }
}
