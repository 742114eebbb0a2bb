/// The four ways `specgen diff` prints a report.
public enum ChangeReportFormat: String, Sendable, CaseIterable {
    case text, markdown, json, github
}

extension ChangeReport {
    /// The report in `format`; every format ends with a newline.
    public func rendered(_ format: ChangeReportFormat) -> String {
        switch format {
        case .text: textReport()
        case .markdown: markdownReport()
        case .json: jsonReport()
        case .github: githubReport()
        }
    }

    /// Breaking changes first, then by operation, rule and pointer: the order every format uses.
    public var sortedChanges: [APIChange] {
        changes.sorted { a, b in
            let rankA = severityRank(a), rankB = severityRank(b)
            if rankA != rankB { return rankA > rankB }
            if a.operation != b.operation { return a.operation < b.operation }
            if a.rule != b.rule { return a.rule < b.rule }
            if a.pointer != b.pointer { return a.pointer < b.pointer }
            return a.message < b.message
        }
    }

    private func severityRank(_ change: APIChange) -> Int {
        (change.wire == .breaking ? 2 : 0) + (change.swift == .sourceBreaking ? 2 : change.swift == .additive ? 1 : 0)
    }

    private func verdicts(_ change: APIChange) -> String { "wire: \(change.wire.rawValue), swift: \(change.swift.rawValue)" }

    /// Compiler style: `file:line:col: error: message [rule] (wire: …, swift: …)`.
    func textReport() -> String {
        var lines: [String] = []
        for change in sortedChanges {
            let location = change.new ?? change.old
            let prefix = location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
            let level = change.wire == .breaking || change.swift == .sourceBreaking ? "error" : change.swift == .additive ? "note" : "note"
            let operation = change.operation.isEmpty ? "" : " in \(change.operation)"
            lines.append("\(prefix)\(level): \(change.message)\(operation) [\(change.rule)] (\(verdicts(change)))")
            if let old = change.old, change.new != nil { lines.append("\(old.file):\(old.line):\(old.column): note: was here in OLD") }
        }
        lines.append("semver: \(semver.rawValue) (\(changes.count) change\(changes.count == 1 ? "" : "s"): \(changes.filter { $0.wire == .breaking }.count) wire-breaking, \(changes.filter { $0.swift == .sourceBreaking }.count) source-breaking, \(changes.filter { $0.swift == .additive }.count) additive)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A changelog section grouped by operation, then by verdict.
    func markdownReport() -> String {
        var output = "## API changes (semver: \(semver.rawValue))\n\n"
        guard !changes.isEmpty else { return output + "No changes to the operations in scope.\n" }
        output += "| | count |\n|---|---|\n"
        output += "| wire-breaking | \(changes.filter { $0.wire == .breaking }.count) |\n"
        output += "| source-breaking | \(changes.filter { $0.swift == .sourceBreaking }.count) |\n"
        output += "| additive | \(changes.filter { $0.swift == .additive }.count) |\n"
        output += "| other | \(changes.filter { $0.wire == .compatible && $0.swift == .none }.count) |\n"
        // One sort, then the changes of each operation in that order (sorting per operation was quadratic).
        var groups: [String: [APIChange]] = [:]
        for change in sortedChanges { groups[change.operation, default: []].append(change) }
        for operation in groups.keys.sorted() {
            output += "\n### \(heading(operation))\n"
            let group = groups[operation] ?? []
            let sections: [(String, (APIChange) -> Bool)] = [
                ("Breaking", { $0.wire == .breaking || $0.swift == .sourceBreaking }),
                ("Added", { $0.wire == .compatible && $0.swift == .additive }),
                ("Other changes", { $0.wire == .compatible && $0.swift == .none }),
            ]
            for (title, belongs) in sections {
                let items = group.filter(belongs)
                guard !items.isEmpty else { continue }
                output += "\n**\(title)**\n\n"
                for change in items {
                    let location = (change.new ?? change.old).map { " (`\($0.file):\($0.line)`)" } ?? ""
                    output += "- \(markdownEscaped(change.message)) — `\(change.rule)`, wire \(change.wire.rawValue), Swift \(change.swift.rawValue)\(location)\n"
                }
            }
        }
        return output
    }

    /// `op1`, `op2`, … for a schema shared by operations; at most five are named.
    private func heading(_ operation: String) -> String {
        guard !operation.isEmpty else { return "Other" }
        let names = operation.split(separator: ",").map { $0.trimmingCharacters(in: " ") }
        let shown = names.prefix(5).map { "`\($0)`" }.joined(separator: ", ")
        return names.count > 5 ? shown + " and \(names.count - 5) more operations" : shown
    }

    private func markdownEscaped(_ text: String) -> String {
        var output = ""
        for character in text {
            if "\\*_[]<>|#".contains(character) { output.append("\\") }
            output.append(character == "\n" ? " " : character)
        }
        return output
    }

    /// Exactly one JSON object: `{"semver": …, "changes": [{"rule", "operation", "wire", "swift", "message", "old", "new", "pointer"}]}`.
    func jsonReport() -> String {
        // Written directly in the layout of `JSONWriter(style: .pretty(indent: 2))`: a report has thousands of
        // changes, and building a `JSONValue` tree first doubled the time of this format.
        var output = "{\n  \"semver\": "
        Self.appendJSONString(semver.rawValue, to: &output)
        output += ",\n  \"changes\": "
        let changes = sortedChanges
        output += changes.isEmpty ? "[]" : "["
        for (position, change) in changes.enumerated() {
            output += position > 0 ? ",\n    {" : "\n    {"
            let members: [(String, String?)] = [
                ("rule", change.rule), ("operation", change.operation), ("wire", change.wire.rawValue), ("swift", change.swift.rawValue),
                ("message", change.message), ("old", change.old.map { "\($0.file):\($0.line):\($0.column)" }),
                ("new", change.new.map { "\($0.file):\($0.line):\($0.column)" }), ("pointer", change.pointer),
            ]
            for (index, (key, value)) in members.enumerated() {
                output += index > 0 ? ",\n      \"" : "\n      \""
                output += key + "\": "
                if let value { Self.appendJSONString(value, to: &output) } else { output += "null" }
            }
            output += "\n    }"
        }
        output += changes.isEmpty ? "\n}\n" : "\n  ]\n}\n"
        return output
    }

    /// A JSON string literal, as `JSONWriter.writeString` writes it; text with nothing to escape is copied whole.
    static func appendJSONString(_ text: String, to output: inout String) {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != 0x7F }) {
            output += "\""
            output += text
            output += "\""
        } else {
            JSONWriter.writeString(text, into: &output)
        }
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
    func githubReport() -> String {
        var lines: [String] = []
        for change in sortedChanges {
            let level = change.wire == .breaking || change.swift == .sourceBreaking ? "error" : change.swift == .additive ? "notice" : "notice"
            var properties: [String] = []
            if let location = change.new ?? change.old {
                properties += ["file=\(escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=\(escapeProperty("\(change.rule) (\(verdicts(change)))"))")
            lines.append("::\(level) \(properties.joined(separator: ","))::\(escapeData(change.message + (change.operation.isEmpty ? "" : " in " + change.operation)))")
        }
        lines.append("semver: \(semver.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences("%", with: "%25").replacingOccurrences("\r", with: "%0D").replacingOccurrences("\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(":", with: "%3A").replacingOccurrences(",", with: "%2C")
    }
}
