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
        var operations: [String] = []
        for change in sortedChanges where !operations.contains(change.operation) { operations.append(change.operation) }
        for operation in operations.sorted() {
            output += "\n### \(heading(operation))\n"
            let group = sortedChanges.filter { $0.operation == operation }
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
        func location(_ location: SourceLocation?) -> JSONValue {
            guard let location else { return .null }
            return .string("\(location.file):\(location.line):\(location.column)")
        }
        func object(_ members: [(String, JSONValue)]) -> JSONValue {
            .object(JSONObject(members.map { JSONObject.Entry(key: $0.0, value: JSONNode($0.1)) }))
        }
        let items: [JSONValue] = sortedChanges.map { change in
            object([
                ("rule", .string(change.rule)), ("operation", .string(change.operation)), ("wire", .string(change.wire.rawValue)),
                ("swift", .string(change.swift.rawValue)), ("message", .string(change.message)), ("old", location(change.old)),
                ("new", location(change.new)), ("pointer", .string(change.pointer)),
            ])
        }
        let root = object([("semver", .string(semver.rawValue)), ("changes", .array(items.map { JSONNode($0) }))])
        return JSONWriter(style: .pretty(indent: 2)).string(root) + "\n"
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
