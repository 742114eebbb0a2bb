/// Validation for members held as `JSONValue` (a schema without one Swift type: no `type`, several types,
/// `false`): one `ValidationIssue.checkJSON` call with the schema's rules, which the support file applies to the
/// value's JSON type at run time, as JSON Schema does.
enum JSONRules {
    /// True when `shape` (through aliases) is `JSONValue`.
    static func holdsJSON(_ shape: Shape) -> Bool {
        switch shape {
        case .json: true
        case .alias(_, let underlying): holdsJSON(underlying)
        default: false
        }
    }

    /// Statements checking `value` at `pointer` against `schema`; empty when the schema has no rule to check.
    static func statements(_ schema: Schema, value: String, pointer: String) -> [String] {
        if schema.isNothing {
            return ["issues.append(ValidationIssue(pointer: \(pointer), rule: \"false\", message: \"no value is allowed here\"))"]
        }
        var arguments: [String] = []
        if let types = schema.types {
            let names = (schema.nullable ? types.union([.null]) : types).map(\.rawValue).sorted()
            arguments.append("types: [" + names.map(SwiftSource.stringLiteral).joined(separator: ", ") + "]")
        }
        if let values = schema.enumValues { arguments.append("allowed: [" + values.map(literal).joined(separator: ", ") + "]") }
        if let constant = schema.constValue { arguments.append("const: " + literal(constant)) }
        if let minimum = schema.minLength { arguments.append("minLength: \(minimum)") }
        if let maximum = schema.maxLength { arguments.append("maxLength: \(maximum)") }
        if let pattern = schema.pattern, let translated = ECMARegex.translate(pattern) {
            arguments.append("pattern: \(SwiftSource.stringLiteral(translated)), patternSource: \(SwiftSource.stringLiteral(pattern))")
        }
        if let format = schema.format, FormatRules.isChecked(format) { arguments.append("format: \(SwiftSource.stringLiteral(format))") }
        let numbers: [(String, Double?)] = [("minimum", schema.minimum), ("maximum", schema.maximum), ("exclusiveMinimum", schema.exclusiveMinimum),
                                            ("exclusiveMaximum", schema.exclusiveMaximum), ("multipleOf", schema.multipleOf)]
        for case let (label, number?) in numbers { arguments.append("\(label): \(SwiftSource.doubleLiteral(number))") }
        let counts: [(String, Int?)] = [("minItems", schema.minItems), ("maxItems", schema.maxItems),
                                        ("minProperties", schema.minProperties), ("maxProperties", schema.maxProperties)]
        for case let (label, count?) in counts { arguments.append("\(label): \(count)") }
        if schema.uniqueItems { arguments.append("uniqueItems: true") }
        if !schema.required.isEmpty { arguments.append("required: [" + schema.required.map(SwiftSource.stringLiteral).joined(separator: ", ") + "]") }
        guard !arguments.isEmpty else { return [] }
        return ["ValidationIssue.checkJSON(\(value), at: \(pointer), \(arguments.joined(separator: ", ")), into: &issues)"]
    }

    /// A `JSONValue` expression for a value, with explicit cases so it type-checks quickly.
    static func literal(_ value: JSONValue) -> String {
        switch value {
        case .null: return "JSONValue.null"
        case .bool(let flag): return "JSONValue.bool(\(flag))"
        case .string(let text): return "JSONValue.string(\(SwiftSource.stringLiteral(text)))"
        case .number(let number):
            if let integer = number.int, !number.text.contains(where: { ".eE".contains($0) }) { return "JSONValue.integer(\(integer))" }
            return "JSONValue.number(\(number.double.isFinite ? "\(number.double)" : "0"))"
        case .array(let items): return "JSONValue.array([" + items.map { literal($0.value) }.joined(separator: ", ") + "])"
        case .object(let object):
            if object.entries.isEmpty { return "JSONValue.object([:])" }
            return "JSONValue.object([" + object.entries.map { "\(SwiftSource.stringLiteral($0.key)): \(literal($0.value.value))" }.joined(separator: ", ") + "])"
        }
    }
}
