/// `--help` and usage errors, rendered from a `CommandSpec` (so help cannot drift from the parser).
extension CommandSpec {
    /// Help lines are wrapped at this width; option descriptions start at `descriptionColumn`.
    static let width = 110
    static let descriptionColumn = 25

    /// The whole `specgen help <command>` text.
    var help: String {
        var sections = ["USAGE: " + usage]
        if !discussion.isEmpty { sections.append(discussion) }
        sections.append("OPTIONS:\n" + allOptions.map(Self.helpLine).joined(separator: "\n"))
        if !footer.isEmpty { sections.append(footer) }
        return sections.joined(separator: "\n\n")
    }

    /// What a usage error prints: the message, its hint, the usage line and where the help is.
    func usageErrorText(_ error: UsageError) -> String {
        var lines = ["error: " + error.message]
        if let hint = error.hint { lines.append("  hint: " + hint) }
        let usageLine = usage.split(separator: "\n").first.map(String.init) ?? usage
        lines.append("USAGE: " + usageLine)
        lines.append("See `specgen help \(name)` for the options.")
        return lines.joined(separator: "\n")
    }

    /// `  --name VALUE          description…`, the description wrapped and indented to the column.
    static func helpLine(_ option: Option) -> String {
        var left = "  " + (option.name == "--help" ? "-h, --help" : option.name)
        if let placeholder = option.placeholder { left += " " + placeholder }
        let column = max(descriptionColumn, left.count + 1)
        let padded = left + String(repeating: " ", count: column - left.count)
        let lines = wrap(option.help, width: width - descriptionColumn)
        let indent = String(repeating: " ", count: descriptionColumn)
        return padded + lines.first! + lines.dropFirst().map { "\n" + indent + $0 }.joined()
    }

    /// Greedy word wrap; explicit newlines in `text` are kept.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line)
        }
        return lines
    }
}
