/// Schemas on the HTML page: a member list with types and every constraint in words, nested objects and
/// array items in `<details>` (expandable without JavaScript), each member with an anchor for deep links.
struct SchemaHTML {
    let api: APIDocument
    /// How deep nested members are expanded (cycles stop earlier).
    var maxDepth = 5

    /// The constraints of a schema in words, as HTML fragments (`1–150 characters`, `matches <code>…</code>`).
    func constraints(_ schema: Schema) -> [String] {
        let target = api.dereference(schema)
        var parts: [String] = []
        switch (target.minLength, target.maxLength) {
        case let (min?, max?): parts.append(min == max ? "exactly \(min) characters" : "\(min)–\(max) characters")
        case let (min?, nil): parts.append("at least \(min) character\(min == 1 ? "" : "s")")
        case let (nil, max?): parts.append("at most \(max) characters")
        default: break
        }
        if let pattern = target.pattern { parts.append("matches <code>" + HTMLText.visible(pattern) + "</code>") }
        if let values = target.enumValues {
            parts.append("one of " + values.map { "<code>" + HTMLText.visible(JSONWriter().string($0)) + "</code>" }.joined(separator: ", "))
        }
        if let constant = target.constValue { parts.append("always <code>" + HTMLText.visible(JSONWriter().string(constant)) + "</code>") }
        if let minimum = target.minimum { parts.append("≥ " + SwiftSource.doubleLiteral(minimum)) }
        if let minimum = target.exclusiveMinimum { parts.append("> " + SwiftSource.doubleLiteral(minimum)) }
        if let maximum = target.maximum { parts.append("≤ " + SwiftSource.doubleLiteral(maximum)) }
        if let maximum = target.exclusiveMaximum { parts.append("< " + SwiftSource.doubleLiteral(maximum)) }
        if let multiple = target.multipleOf { parts.append("a multiple of " + SwiftSource.doubleLiteral(multiple)) }
        switch (target.minItems, target.maxItems) {
        case let (min?, max?): parts.append("\(min)–\(max) items")
        case let (min?, nil): parts.append("at least \(min) item\(min == 1 ? "" : "s")")
        case let (nil, max?): parts.append("at most \(max) items")
        default: break
        }
        if target.uniqueItems { parts.append("items unique") }
        if let min = target.minProperties { parts.append("at least \(min) member\(min == 1 ? "" : "s")") }
        if let max = target.maxProperties { parts.append("at most \(max) member\(max == 1 ? "" : "s")") }
        if case .forbidden = target.additionalProperties, !target.properties.isEmpty { parts.append("no other members") }
        if case .schema(let extra) = target.additionalProperties {
            parts.append("other members: " + HTMLText.visible(DocsPage.typeText(extra, api: api)))
        }
        if schema.readOnly || target.readOnly { parts.append("read-only (only in responses)") }
        if schema.writeOnly || target.writeOnly { parts.append("write-only (only in requests)") }
        if schema.deprecated || target.deprecated { parts.append("deprecated") }
        if let value = schema.defaultValue ?? target.defaultValue { parts.append("default <code>" + HTMLText.visible(JSONWriter().string(value)) + "</code>") }
        let branches = target.oneOf.isEmpty ? target.anyOf : target.oneOf
        if !branches.isEmpty {
            let names = branches.map { branch in HTMLText.visible(branch.ref.map { String($0.split(separator: "/").last ?? "") } ?? DocsPage.typeText(branch, api: api)) }
            parts.append((target.oneOf.isEmpty ? "any of: " : "exactly one of: ") + names.joined(separator: ", "))
        }
        return parts
    }

    /// The cross-member rules of an object in words (`not`, `dependentRequired`).
    func rules(_ parts: ObjectParts) -> [String] {
        var lines: [String] = []
        for rule in parts.rules.forbiddenCombinations {
            let names = rule.names.map { "<code>" + HTMLText.visible($0) + "</code>" }.joined(separator: " and ")
            lines.append("Do not send " + names + " together." + (rule.message.map { " " + MarkdownHTML.inline(DocsPage.cell($0)) } ?? ""))
        }
        for rule in parts.rules.dependentRequired {
            lines.append("<code>" + HTMLText.visible(rule.name) + "</code> requires " + rule.requires.map { "<code>" + HTMLText.visible($0) + "</code>" }.joined(separator: ", ") + ".")
        }
        return lines
    }

    /// The members of an object schema (or the schema itself when it is not an object) as HTML.
    func members(_ schema: Schema, anchor: String) -> String {
        var visited: Set<ObjectIdentifier> = []
        return members(schema, anchor: anchor, depth: 0, visited: &visited)
    }

    private func isObject(_ target: Schema) -> Bool {
        !target.properties.isEmpty || !target.allOf.isEmpty
    }

    private func members(_ schema: Schema, anchor: String, depth: Int, visited: inout Set<ObjectIdentifier>) -> String {
        let target = api.dereference(schema)
        guard isObject(target) else {
            return "<ul class=\"schema\">" + item(name: nil, schema: schema, required: false, anchor: anchor, depth: depth, visited: &visited) + "</ul>"
        }
        let parts = api.objectParts(of: target)
        var html = "<ul class=\"schema\">"
        for property in parts.properties {
            html += item(name: property.name, schema: property.schema, required: parts.required.contains(property.name),
                         anchor: anchor + "." + HTMLText.anchor(property.name), depth: depth, visited: &visited)
        }
        html += "</ul>"
        let rules = rules(parts)
        if !rules.isEmpty {
            html += "<p class=\"rules-title\">Rules across members:</p><ul class=\"rules\">" + rules.map { "<li>" + $0 + "</li>" }.joined() + "</ul>"
        }
        return html
    }

    private func item(name: String?, schema: Schema, required: Bool, anchor: String, depth: Int, visited: inout Set<ObjectIdentifier>) -> String {
        let target = api.dereference(schema)
        var html = "<li id=\"" + anchor + "\">"
        if let name { html += "<a class=\"name\" href=\"#" + anchor + "\"><code>" + HTMLText.visible(name) + "</code></a> " }
        var type = DocsPage.typeText(schema, api: api)
        if let items = target.items { type += " of " + DocsPage.typeText(items, api: api) }
        html += "<span class=\"type\">" + HTMLText.visible(type) + "</span>"
        if required { html += " <span class=\"required\">required</span>" }
        let constraints = constraints(schema)
        if !constraints.isEmpty { html += "<span class=\"constraints\"> · " + constraints.joined(separator: " · ") + "</span>" }
        if let description = schema.description ?? target.description, !description.isEmpty {
            html += "<div class=\"description\">" + MarkdownHTML.render(description, headingOffset: 4) + "</div>"
        }
        let nested = target.items.map(api.dereference) ?? target
        if isObject(nested), depth < maxDepth, visited.insert(ObjectIdentifier(nested)).inserted {
            let count = api.objectParts(of: nested).properties.count
            let label = target.items == nil ? "\(count) member\(count == 1 ? "" : "s")" : "item members (\(count))"
            html += "<details><summary>" + label + "</summary>" + members(nested, anchor: anchor, depth: depth + 1, visited: &visited) + "</details>"
            visited.remove(ObjectIdentifier(nested))
        }
        return html + "</li>"
    }
}
