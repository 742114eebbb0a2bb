/// Deterministic example values for the wire conformance harness: the spec's own example when it satisfies its
/// schema, else a value synthesized from the schema (required members, enums, formats, lengths, bounds). Every
/// candidate is checked with `SchemaValidator`; a value that breaks its own schema is never used.
struct WireExamples {
    let api: APIDocument
    let validator: SchemaValidator

    init(api: APIDocument) {
        self.api = api
        self.validator = SchemaValidator(api: api)
    }

    /// Whether a value is for a request (read-only members left out) or a response (write-only left out).
    enum Direction {
        case request, response
    }

    /// How much a synthesized value holds: `rich` fills optional members near the top too (to exercise the
    /// encoding), `minimal` only what the schema requires.
    enum Richness {
        case rich, minimal
    }

    /// The first candidate that satisfies `schema`: `example` (the spec's), a rich and a minimal synthesized value
    /// (each first with the schema's nested examples, then without). Nil with the first finding when none does.
    func value(for schema: Schema, example: JSONValue?, direction: Direction) -> (value: JSONValue?, problem: String?) {
        var candidates: [JSONValue] = []
        if let example { candidates.append(example) }
        for richness in [Richness.rich, .minimal] {
            for useExamples in [true, false] {
                if let value = synthesize(schema, direction: direction, richness: richness, useExamples: useExamples, depth: 0) { candidates.append(value) }
            }
        }
        var firstProblem: String?
        for candidate in candidates {
            let findings = validator.validate(JSONNode(candidate), against: schema)
            if findings.isEmpty { return (candidate, nil) }
            if firstProblem == nil { firstProblem = findings[0].description }
        }
        return (nil, firstProblem ?? "no value can be synthesized (recursive required members)")
    }

    /// A value made from the schema, or nil when none can be (a required member recursing without end).
    func synthesize(_ schema: Schema, direction: Direction, richness: Richness, useExamples: Bool, depth: Int) -> JSONValue? {
        let target = api.dereference(schema)
        if useExamples, let example = schema.example ?? target.example, validator.validate(JSONNode(example), against: schema).isEmpty { return example }
        if let constant = target.constValue { return constant }
        if let first = target.enumValues?.first(where: { !$0.isNull }) { return first }
        if target.enumValues != nil { return .null }
        guard depth < 12 else { return nil }
        let branches = target.oneOf.isEmpty ? target.anyOf : target.oneOf
        if !branches.isEmpty, target.properties.isEmpty {
            for branch in branches where api.dereference(branch).types != [.null] {
                guard let value = synthesize(branch, direction: direction, richness: richness, useExamples: useExamples, depth: depth + 1) else { continue }
                if validator.validate(JSONNode(value), against: schema).isEmpty { return value }
            }
            if target.allOf.isEmpty { return nil }
        }
        // `allOf` around one real schema (`allOf: [{$ref: X}, {nullable: true}]`): a value of a member that
        // satisfies them all, before merging members as object parts.
        if target.properties.isEmpty, !target.allOf.isEmpty {
            for member in target.allOf {
                guard let value = synthesize(member, direction: direction, richness: richness, useExamples: useExamples, depth: depth + 1) else { continue }
                if validator.validate(JSONNode(value), against: schema).isEmpty { return value }
            }
        }
        let types = target.nonNullTypes ?? []
        if !target.properties.isEmpty || !target.allOf.isEmpty || types.contains(.object) {
            return object(target, direction: direction, richness: richness, useExamples: useExamples, depth: depth)
        }
        if types.contains(.array) || target.items != nil {
            let count = max(1, target.minItems ?? 0)
            if let maximum = target.maxItems, maximum < count { return maximum == 0 ? .array([]) : nil }
            guard let items = target.items else { return .array(Array(repeating: JSONNode(.string("item")), count: count)) }
            guard let item = synthesize(items, direction: direction, richness: richness, useExamples: useExamples, depth: depth + 1) else {
                return target.minItems ?? 0 == 0 ? .array([]) : nil
            }
            return .array(Array(repeating: JSONNode(item), count: target.uniqueItems ? 1 : count))
        }
        if types.contains(.string) { return .string(string(target)) }
        if types.contains(.integer) { return .number(number(target, integer: true)) }
        if types.contains(.number) { return .number(number(target, integer: false)) }
        if types.contains(.boolean) { return .bool(true) }
        if types == [] && target.types == [.null] { return .null }
        return .object(JSONObject())
    }

    private func object(_ target: Schema, direction: Direction, richness: Richness, useExamples: Bool, depth: Int) -> JSONValue? {
        let parts = api.objectParts(of: target)
        let required = Set(parts.required)
        var object = JSONObject()
        for property in parts.properties {
            let propertyTarget = api.dereference(property.schema)
            // Required members stay even when read-only (requests) or write-only (responses): a JSON Schema
            // validator on the other side still requires them.
            let isRequired = required.contains(property.name)
            if !isRequired && direction == .request && (property.schema.readOnly || propertyTarget.readOnly) { continue }
            if !isRequired && direction == .response && (property.schema.writeOnly || propertyTarget.writeOnly) { continue }
            let short = object.count < (target.minProperties ?? 0)
            let wanted = isRequired || short || (richness == .rich && depth < 2 && !property.schema.deprecated && !propertyTarget.deprecated)
            guard wanted else { continue }
            let breaks = parts.rules.forbiddenCombinations.contains { rule in
                rule.names.contains(property.name) && rule.names.allSatisfy { $0 == property.name || object[$0] != nil }
            }
            if breaks { continue }
            let nextRichness = required.contains(property.name) ? richness : .minimal
            guard let value = synthesize(property.schema, direction: direction, richness: nextRichness, useExamples: useExamples, depth: depth + 1) else {
                if required.contains(property.name) { return nil }
                continue
            }
            object.append(JSONObject.Entry(key: property.name, value: JSONNode(value)))
        }
        // No bytes carry an empty object in a form or deepObject (`shipping[address]` would vanish): one member.
        if object.isEmpty, target.maxProperties != 0 {
            for property in parts.properties where !property.schema.deprecated && !property.schema.readOnly {
                guard let value = synthesize(property.schema, direction: direction, richness: .minimal, useExamples: useExamples, depth: depth + 1) else { continue }
                object.append(JSONObject.Entry(key: property.name, value: JSONNode(value)))
                break
            }
        }
        // A map (additionalProperties with a schema and no named members): one entry shows its encoding.
        if parts.properties.isEmpty || object.count < (target.minProperties ?? 0), richness == .rich || object.count < (target.minProperties ?? 0) {
            switch target.additionalProperties {
            case .schema(let additional):
                if let value = synthesize(additional, direction: direction, richness: .minimal, useExamples: useExamples, depth: depth + 1) {
                    object.append(JSONObject.Entry(key: "key1", value: JSONNode(value)))
                }
            case .allowed where object.count < (target.minProperties ?? 0):
                object.append(JSONObject.Entry(key: "key1", value: JSONNode(.string("value1"))))
            default: break
            }
        }
        return .object(object)
    }

    private func string(_ target: Schema) -> String {
        var text: String
        switch target.format {
        case "email": text = "user@example.com"
        case "uri", "url", "strict-uri": text = "https://example.com/a"
        case "uri-reference": text = "/a"
        case "hostname": text = "example.com"
        case "ipv4": text = "192.0.2.1"
        case "ipv6": text = "2001:db8::1"
        case "date-time": text = "2024-01-02T03:04:05Z"
        case "date": text = "2024-01-02"
        case "time": text = "03:04:05Z"
        case "uuid": text = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
        case "byte": text = "aGVsbG8="
        case "binary": text = "file"
        case "int32", "int64": text = "1"
        default: text = "abc"
        }
        // The format's own example first: a pattern SpecGen cannot translate is not checked here, and a URI
        // pattern then accepts anything (Auth0's branding URLs), while the server checks it.
        if let pattern = target.pattern, let match = patternCandidate(pattern, target, preferred: target.format == nil ? nil : text) { return match }
        if let minimum = target.minLength, text.count < minimum { text += String(repeating: "a", count: minimum - text.count) }
        if let maximum = target.maxLength, text.count > maximum { text = String(text.prefix(maximum)) }
        return text
    }

    /// A few ordinary strings tried against a pattern (nil when none matches: the value is then not valid).
    private func patternCandidate(_ pattern: String, _ target: Schema, preferred: String? = nil) -> String? {
        let lengths = [target.minLength ?? 1, 3, 8, 24]
        var candidates: [String] = (preferred.map { [$0] } ?? []) + (WirePattern.example(pattern).map { [$0] } ?? [])
        for length in lengths {
            for unit in ["a", "A", "1", "ab", "a1", "-"] { candidates.append(String(String(repeating: unit, count: length).prefix(max(length, 1)))) }
        }
        candidates += ["abc", "user@example.com", "https://example.com", "2024-01-02", "+15551234567", "US", "en", "usd", "1.0", "a_b", "a-b", "a.b"]
        for candidate in candidates {
            let probe = Schema(pointer: target.pointer, offset: -1)
            probe.types = [.string]
            probe.pattern = pattern
            probe.minLength = target.minLength
            probe.maxLength = target.maxLength
            if validator.validate(JSONNode(.string(candidate)), against: probe).isEmpty { return candidate }
        }
        return nil
    }

    private func number(_ target: Schema, integer: Bool) -> JSONNumber {
        var value: Double = 1
        if let minimum = target.minimum { value = max(value, minimum) }
        if let exclusive = target.exclusiveMinimum, value <= exclusive { value = integer ? exclusive.rounded(.down) + 1 : exclusive + 1 }
        if let maximum = target.maximum, value > maximum { value = target.minimum ?? maximum }
        if let exclusive = target.exclusiveMaximum, value >= exclusive { value = integer ? exclusive.rounded(.up) - 1 : exclusive - 0.5 }
        if let step = target.multipleOf, step > 0 { value = (value / step).rounded(.up) * step }
        if integer || value == value.rounded(), let exact = Int(exactly: value.rounded(.up)) { return JSONNumber(exact) }
        return JSONNumber(value)
    }
}
