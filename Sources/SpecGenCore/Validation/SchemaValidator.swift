import Foundation

/// One rule a JSON value breaks; the same shape and wording as the generated `ValidationIssue`.
public struct ValidationFinding: Sendable, Hashable, CustomStringConvertible {
    public var pointer: String
    public var rule: String
    public var message: String
    /// Byte offset of the offending value in the validated document (-1 when not applicable).
    public var offset: Int

    /// `/given_name: maxLength: must be at most 150 characters long (found 151)`.
    public var description: String { "\(pointer.isEmpty ? "/" : pointer): \(rule): \(message)" }
}

/// Validates JSON values against the model's schemas (what `specgen validate` and drift checks run).
///
/// Rules: type (incl. null), enum, const, minLength/maxLength in code points, pattern (ECMA-262 via
/// ICU), format (see `FormatRules`; unknown formats pass), numeric bounds, items and properties
/// counts, uniqueItems, prefixItems/items, required, properties, patternProperties, additionalProperties,
/// dependentRequired, dependentSchemas, allOf/anyOf/oneOf, not, `$ref` within the document.
public struct SchemaValidator {
    public let api: APIDocument

    public init(api: APIDocument) { self.api = api }

    /// Every finding for `value` against `schema`, in document order.
    public func validate(_ value: JSONNode, against schema: Schema) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        check(value, schema, pointer: "", into: &findings, depth: 0)
        return findings
    }

    private func add(_ findings: inout [ValidationFinding], _ pointer: String, _ rule: String, _ message: String, _ node: JSONNode) {
        findings.append(ValidationFinding(pointer: pointer, rule: rule, message: message, offset: node.offset))
    }

    private func matchesType(_ value: JSONValue, _ type: JSONType) -> Bool {
        switch (type, value) {
        case (.null, .null), (.boolean, .bool), (.string, .string), (.array, .array), (.object, .object): return true
        case (.number, .number): return true
        case (.integer, .number(let number)): return number.isInteger
        default: return false
        }
    }

    private static func regexMatches(_ pattern: String, _ value: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return true }
        return expression.firstMatch(in: value, options: [], range: NSRange(value.startIndex..<value.endIndex, in: value)) != nil
    }

    private func numberText(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    private func check(_ node: JSONNode, _ schema: Schema, pointer: String, into findings: inout [ValidationFinding], depth: Int) {
        guard depth < 256 else { return }
        if schema.isNothing {
            add(&findings, pointer, "false", "no value is allowed here", node)
            return
        }
        if let ref = schema.ref, let target = api.resolve(ref) {
            check(node, target, pointer: pointer, into: &findings, depth: depth + 1)
        }
        let value = node.value
        if let types = schema.types {
            let allowed = schema.nullable ? types.union([.null]) : types
            if !allowed.contains(where: { matchesType(value, $0) }) {
                if value.isNull {
                    add(&findings, pointer, "type", "null is not allowed here; leave the member out instead", node)
                } else {
                    add(&findings, pointer, "type", "must be \(allowed.sorted().map(\.rawValue).joined(separator: " or ")) (found \(value.typeName))", node)
                }
                return
            }
        }
        if value.isNull, schema.nullable { return }
        if let values = schema.enumValues, !values.contains(value) {
            let shown = value.stringValue ?? JSONWriter().string(value)
            add(&findings, pointer, "enum", "\(shown) is not one of the allowed values", node)
        }
        if let constant = schema.constValue, constant != value {
            add(&findings, pointer, "const", "must be \(constant.stringValue ?? JSONWriter().string(constant))", node)
        }
        switch value {
        case .string(let text): checkString(node, text, schema, pointer: pointer, into: &findings)
        case .number(let number): checkNumber(node, number, schema, pointer: pointer, into: &findings)
        case .array(let items): checkArray(node, items, schema, pointer: pointer, into: &findings, depth: depth)
        case .object(let object): checkObject(node, object, schema, pointer: pointer, into: &findings, depth: depth)
        default: break
        }
        checkApplicators(node, schema, pointer: pointer, into: &findings, depth: depth)
    }

    private func checkString(_ node: JSONNode, _ text: String, _ schema: Schema, pointer: String, into findings: inout [ValidationFinding]) {
        let length = text.unicodeScalars.count
        if let minimum = schema.minLength, length < minimum {
            add(&findings, pointer, "minLength", "must be at least \(minimum) character\(minimum == 1 ? "" : "s") long (found \(length))", node)
        }
        if let maximum = schema.maxLength, length > maximum {
            add(&findings, pointer, "maxLength", "must be at most \(maximum) character\(maximum == 1 ? "" : "s") long (found \(length))", node)
        }
        if let pattern = schema.pattern, let translated = ECMARegex.translate(pattern), !Self.regexMatches(translated, text) {
            add(&findings, pointer, "pattern", "does not match the pattern \(pattern)", node)
        }
        if let format = schema.format, FormatRules.isChecked(format), !FormatRules.matches(format, text) {
            add(&findings, pointer, "format", "is not a valid \(FormatRules.noun(format))", node)
        }
    }

    private func checkNumber(_ node: JSONNode, _ number: JSONNumber, _ schema: Schema, pointer: String, into findings: inout [ValidationFinding]) {
        let double = number.double
        if let minimum = schema.minimum, double < minimum { add(&findings, pointer, "minimum", "must be at least \(numberText(minimum)) (found \(number.text))", node) }
        if let maximum = schema.maximum, double > maximum { add(&findings, pointer, "maximum", "must be at most \(numberText(maximum)) (found \(number.text))", node) }
        if let minimum = schema.exclusiveMinimum, double <= minimum { add(&findings, pointer, "exclusiveMinimum", "must be greater than \(numberText(minimum)) (found \(number.text))", node) }
        if let maximum = schema.exclusiveMaximum, double >= maximum { add(&findings, pointer, "exclusiveMaximum", "must be less than \(numberText(maximum)) (found \(number.text))", node) }
        if let multiple = schema.multipleOf {
            let quotient = double / multiple
            // An infinite quotient (1e308 / 0.5) is no whole number either.
            if !quotient.isFinite || abs(quotient - quotient.rounded()) > 1e-9 { add(&findings, pointer, "multipleOf", "must be a multiple of \(numberText(multiple))", node) }
        }
    }

    private func checkArray(_ node: JSONNode, _ items: [JSONNode], _ schema: Schema, pointer: String, into findings: inout [ValidationFinding], depth: Int) {
        if let minimum = schema.minItems, items.count < minimum { add(&findings, pointer, "minItems", "must have at least \(minimum) items (found \(items.count))", node) }
        if let maximum = schema.maxItems, items.count > maximum { add(&findings, pointer, "maxItems", "must have at most \(maximum) items (found \(items.count))", node) }
        if schema.uniqueItems {
            var duplicate = false
            outer: for i in items.indices { for j in items.indices where j > i && items[i] == items[j] { duplicate = true; break outer } }
            if duplicate { add(&findings, pointer, "uniqueItems", "must not contain duplicate items", node) }
        }
        for (index, item) in items.enumerated() {
            let itemSchema = index < schema.prefixItems.count ? schema.prefixItems[index] : schema.items
            if let itemSchema { check(item, itemSchema, pointer: pointer + "/\(index)", into: &findings, depth: depth + 1) }
        }
    }

    /// allOf, anyOf, oneOf (each on its own), not, and dependentSchemas.
    private func checkApplicators(_ node: JSONNode, _ schema: Schema, pointer: String, into findings: inout [ValidationFinding], depth: Int) {
        for part in schema.allOf { check(node, part, pointer: pointer, into: &findings, depth: depth + 1) }
        if !schema.anyOf.isEmpty, !schema.anyOf.contains(where: { validate(node, against: $0, depth: depth + 1).isEmpty }) {
            add(&findings, pointer, "anyOf", "matches none of the allowed shapes", node)
        }
        if !schema.oneOf.isEmpty {
            let matching = schema.oneOf.filter { validate(node, against: $0, depth: depth + 1).isEmpty }.count
            if matching == 0 {
                add(&findings, pointer, "oneOf", "matches none of the allowed shapes", node)
            } else if matching > 1, !distinctRefsAreSame(schema.oneOf) {
                add(&findings, pointer, "oneOf", "matches more than one of the allowed shapes", node)
            }
        }
        if case .object(let object) = node.value {
            for rule in schema.dependentSchemas where object[rule.name] != nil {
                check(node, rule.schema, pointer: pointer, into: &findings, depth: depth + 1)
            }
        }
        if let not = schema.not, validate(node, against: not, depth: depth + 1).isEmpty {
            let negated = api.dereference(not)
            if case .object = node.value, !negated.required.isEmpty, let last = negated.required.last {
                let message = schema.description ?? negated.description ?? "must not be sent together with \(negated.required.dropLast().joined(separator: ", "))"
                let member = node.value.objectValue?[last] ?? node
                add(&findings, pointer + "/" + JSONPointer.escape(last), "not", message, member)
            } else {
                add(&findings, pointer, "not", schema.description ?? "must not match the excluded shape", node)
            }
        }
    }

    private func distinctRefsAreSame(_ branches: [Schema]) -> Bool {
        let refs = branches.compactMap(\.ref)
        return refs.count == branches.count && Set(refs).count == 1
    }

    private func validate(_ node: JSONNode, against schema: Schema, depth: Int) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        check(node, schema, pointer: "", into: &findings, depth: depth)
        return findings
    }

    private func checkObject(_ node: JSONNode, _ object: JSONObject, _ schema: Schema, pointer: String, into findings: inout [ValidationFinding], depth: Int) {
        let present = Set(object.keys)
        for name in schema.required where !present.contains(name) {
            add(&findings, pointer + "/" + JSONPointer.escape(name), "required", "is required", node)
        }
        if let minimum = schema.minProperties, present.count < minimum { add(&findings, pointer, "minProperties", "must have at least \(minimum) members (found \(present.count))", node) }
        if let maximum = schema.maxProperties, present.count > maximum { add(&findings, pointer, "maxProperties", "must have at most \(maximum) members (found \(present.count))", node) }
        let declared = Dictionary(schema.properties.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        for entry in object.entries {
            let memberPointer = pointer + "/" + JSONPointer.escape(entry.key)
            var named = false
            if let propertySchema = declared[entry.key] {
                named = true
                check(entry.value, propertySchema, pointer: memberPointer, into: &findings, depth: depth + 1)
            }
            for rule in schema.patternProperties {
                guard let translated = ECMARegex.translate(rule.pattern), Self.regexMatches(translated, entry.key) else { continue }
                named = true
                check(entry.value, rule.schema, pointer: memberPointer, into: &findings, depth: depth + 1)
            }
            if !named {
                switch schema.additionalProperties {
                case .allowed: break
                case .forbidden:
                    if schema.additionalPropertiesExplicit {
                        add(&findings, memberPointer, "additionalProperties", "is not a member this object allows", entry.value)
                    }
                case .schema(let valueSchema):
                    check(entry.value, valueSchema, pointer: memberPointer, into: &findings, depth: depth + 1)
                }
            }
        }
        for rule in schema.dependentRequired where present.contains(rule.name) {
            for required in rule.requires where !present.contains(required) {
                add(&findings, pointer + "/" + JSONPointer.escape(required), "dependentRequired", "is required when \(rule.name) is present", node)
            }
        }
    }
}
