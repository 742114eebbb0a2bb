/// A Markdown page per operation: what it does, its parameters and body, and every language's snippet.
enum DocsPage {
    static func fence(_ language: String) -> String {
        switch language {
        case "shell": "sh"
        case "objectivec": "objective-c"
        default: language
        }
    }

    /// Text safe in a Markdown table cell.
    static func cell(_ text: String?) -> String {
        guard let text else { return "" }
        return visible(text.replacingOccurrences("\r", with: " ").replacingOccurrences("\n", with: " ").replacingOccurrences("|", with: "\\|"))
    }

    /// Control, bidi and zero-width characters shown as `\u{…}` (as in generated doc comments), so the
    /// page never displays text in an order or form other than what the spec holds.
    static func visible(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar != "\n", scalar != "\t", SwiftSource.isInvisibleOrControl(scalar) {
                output += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `text` as inline code whose delimiters no backtick run inside it can close.
    static func inlineCode(_ text: String) -> String {
        let shown = cell(text)
        var longest = 0, current = 0
        for character in shown { if character == "`" { current += 1; longest = max(longest, current) } else { current = 0 } }
        let marker = String(repeating: "`", count: longest + 1)
        let pad = shown.hasPrefix("`") || shown.hasSuffix("`") ? " " : ""
        return marker + pad + shown + pad + marker
    }

    /// Spec Markdown with invisible characters shown and a code fence it leaves open closed, so the
    /// page's own headings and snippets are never swallowed by it.
    static func markdownBlock(_ text: String) -> [String] {
        var lines = visible(text.replacingOccurrences("\r\n", with: "\n").replacingOccurrences("\r", with: "\n")).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var open: (character: Character, count: Int)?
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            guard line.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" else { continue }
            let run = trimmed.prefix { $0 == first }.count
            guard run >= 3 else { continue }
            if let current = open {
                if first == current.character, run >= current.count, trimmed.dropFirst(run).allSatisfy({ $0 == " " }) { open = nil }
            } else if first == "~" || !trimmed.dropFirst(run).contains("`") {
                open = (first, run)
            }
        }
        if let open { lines.append(String(repeating: open.character, count: open.count)) }
        return lines
    }

    /// The longest run of backticks in `text` plus one, at least three: a fence the text cannot close.
    static func fenceMarker(for text: String) -> String {
        var longest = 0, current = 0
        for character in text { if character == "`" { current += 1; longest = max(longest, current) } else { current = 0 } }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// `string (email) or null`, `integer`, `object`, from a schema.
    static func typeText(_ schema: Schema, api: APIDocument) -> String {
        let target = api.dereference(schema)
        var names = (target.nonNullTypes ?? []).sorted().map(\.rawValue)
        if names.isEmpty { names = [!target.properties.isEmpty ? "object" : (target.oneOf.isEmpty && target.anyOf.isEmpty ? "any" : "one of several")] }
        var text = names.joined(separator: " or ")
        if let format = target.format { text += " (\(format))" }
        if schema.allowsNull || target.allowsNull { text += " or null" }
        return text
    }

    /// `1–150 characters`, `pattern ^\+[0-9]{1,15}$`, `one of: a, b`.
    static func constraintText(_ schema: Schema, api: APIDocument) -> String {
        let target = api.dereference(schema)
        var parts: [String] = []
        switch (target.minLength, target.maxLength) {
        case let (min?, max?): parts.append("\(min)–\(max) characters")
        case let (min?, nil): parts.append("at least \(min) character\(min == 1 ? "" : "s")")
        case let (nil, max?): parts.append("at most \(max) characters")
        default: break
        }
        if let pattern = target.pattern { parts.append("pattern `\(pattern)`") }
        if let values = target.enumValues {
            parts.append("one of: " + values.prefix(8).map { $0.stringValue ?? JSONWriter().string($0) }.joined(separator: ", ") + (values.count > 8 ? ", …" : ""))
        }
        if let minimum = target.minimum { parts.append("≥ \(SwiftSource.doubleLiteral(minimum))") }
        if let maximum = target.maximum { parts.append("≤ \(SwiftSource.doubleLiteral(maximum))") }
        return parts.joined(separator: "; ")
    }

    static func render(operation: Operation, api: APIDocument, example: RequestExample, snippets: [RenderedSnippet], postmanCurl: String?, postmanName: String?) -> String {
        var lines: [String] = []
        lines.append("# \(cell(operation.summary ?? operation.id))")
        lines.append("")
        lines.append("\(inlineCode(operation.method + " " + operation.path)) · operation \(inlineCode(operation.id)) · generated by SpecGen, do not edit.")
        lines.append("")
        if let description = operation.description?.trimmingCharacters(in: " \n") { lines.append(contentsOf: markdownBlock(description)); lines.append("") }
        lines.append(contentsOf: MarkdownSections.authorization(operation: operation, api: api))
        let parameters = operation.parameters
        if !parameters.isEmpty {
            lines.append("## Parameters")
            lines.append("")
            lines.append("| name | in | required | description |")
            lines.append("|---|---|---|---|")
            for parameter in parameters {
                lines.append("| \(inlineCode(parameter.name)) | \(parameter.location.rawValue) | \(parameter.required ? "yes" : "no") | \(cell(parameter.description)) |")
            }
            lines.append("")
        }
        if let schema = operation.requestBody?.json?.schema {
            let parts = api.objectParts(of: schema)
            if !parts.properties.isEmpty {
                lines.append("## Request body")
                lines.append("")
                lines.append("| member | type | constraints | description |")
                lines.append("|---|---|---|---|")
                for property in parts.properties {
                    let description = property.schema.description ?? api.dereference(property.schema).description
                    lines.append("| `\(cell(property.name))`\(parts.required.contains(property.name) ? " (required)" : "") | \(cell(typeText(property.schema, api: api))) | \(cell(constraintText(property.schema, api: api))) | \(cell(description)) |")
                }
                lines.append("")
                if !parts.rules.forbiddenCombinations.isEmpty || !parts.rules.dependentRequired.isEmpty {
                    lines.append("Rules across members:")
                    lines.append("")
                    for rule in parts.rules.forbiddenCombinations {
                        lines.append("- not together: \(rule.names.map { "`\($0)`" }.joined(separator: " + "))\(rule.message.map { " — \(cell($0))" } ?? "")")
                    }
                    for rule in parts.rules.dependentRequired {
                        lines.append("- `\(rule.name)` requires \(rule.requires.map { "`\($0)`" }.joined(separator: ", "))")
                    }
                    lines.append("")
                }
            }
        }
        lines.append(contentsOf: MarkdownSections.responses(operation: operation, api: api))
        lines.append("## Examples")
        lines.append("")
        for snippet in snippets {
            let text = snippet.text
            lines.append("### \(snippet.info.displayName)")
            lines.append("")
            if let limitation = snippet.limitation {
                lines.append("> Note: \(cell(limitation))")
                lines.append("")
            }
            let marker = fenceMarker(for: text)
            lines.append(marker + fence(snippet.info.language))
            lines.append(contentsOf: text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
            lines.append(marker)
            lines.append("")
        }
        if let postmanCurl {
            lines.append("### curl, from the Postman collection request \"\(cell(postmanName))\"")
            lines.append("")
            let marker = fenceMarker(for: postmanCurl)
            lines.append(marker + "sh")
            lines.append(contentsOf: postmanCurl.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
            lines.append(marker)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
