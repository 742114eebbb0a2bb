/// The part of the support file that checks values held as `JSONValue` (schemas without one Swift type:
/// no `type`, several types, `false`) against their schema's rules, each rule applying only to values of its
/// JSON type, as JSON Schema says.
enum SupportJSONRules {
    static func source(access: String) -> String {
        template.replacingOccurrences("ACCESS ", with: access == "public" ? "public " : "")
    }

    private static let template = #"""

nonisolated extension ValidationIssue {
    /// The JSON Schema type names `value` has (an integral number is also an "integer").
    static func jsonTypes(_ value: JSONValue) -> [String] {
        switch value {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .integer: ["integer", "number"]
        case .number(let number): number.isFinite && number == number.rounded() ? ["integer", "number"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    /// JSON equality: numbers by value (1 equals 1.0), strings by code points, objects by members in any order.
    static func jsonEqual(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.string(a), .string(b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case let (.array(a), .array(b)): return a.count == b.count && zip(a, b).allSatisfy { jsonEqual($0, $1) }
        case let (.object(a), .object(b)): return a.count == b.count && a.allSatisfy { key, value in b[key].map { jsonEqual(value, $0) } ?? false }
        case let (.integer(a), .integer(b)): return a == b
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b
        case let (.number(a), .number(b)): return a == b
        default: return false
        }
    }

    /// Checks a value held as `JSONValue` against its schema's rules (see `checkString`, `checkNumber`, `checkCount`).
    static func checkJSON(_ value: JSONValue, at pointer: String, types: [String]? = nil, allowed: [JSONValue]? = nil, const: JSONValue? = nil, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, patternSource: String? = nil, format: String? = nil, minimum: Double? = nil, maximum: Double? = nil, exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil, multipleOf: Double? = nil, minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false, minProperties: Int? = nil, maxProperties: Int? = nil, required: [String] = [], into issues: inout [ValidationIssue]) {
        if let types, !jsonTypes(value).contains(where: types.contains) {
            let message = value == .null ? "null is not allowed here; leave the member out instead" : "must be \(types.sorted().joined(separator: " or ")) (found \(jsonTypes(value)[0]))"
            issues.append(ValidationIssue(pointer: pointer, rule: "type", message: message))
            return
        }
        if let allowed, !allowed.contains(where: { jsonEqual($0, value) }) {
            issues.append(ValidationIssue(pointer: pointer, rule: "enum", message: "the value is not one of the allowed values"))
        }
        if let const, !jsonEqual(const, value) {
            issues.append(ValidationIssue(pointer: pointer, rule: "const", message: "must be the constant the schema gives"))
        }
        switch value {
        case .string(let text):
            checkString(text, at: pointer, minLength: minLength, maxLength: maxLength, pattern: pattern, patternSource: patternSource, format: format, into: &issues)
        case .integer(let number):
            checkNumber(Double(number), at: pointer, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, into: &issues)
        case .number(let number):
            checkNumber(number, at: pointer, minimum: minimum, maximum: maximum, exclusiveMinimum: exclusiveMinimum, exclusiveMaximum: exclusiveMaximum, multipleOf: multipleOf, into: &issues)
        case .array(let items):
            checkCount(items.count, min: minItems, max: maxItems, rule: "Items", noun: "items", at: pointer, into: &issues)
            if uniqueItems, items.indices.contains(where: { i in items.indices.contains { $0 > i && jsonEqual(items[i], items[$0]) } }) {
                issues.append(ValidationIssue(pointer: pointer, rule: "uniqueItems", message: "must not contain duplicate items"))
            }
        case .object(let members):
            checkCount(members.count, min: minProperties, max: maxProperties, rule: "Properties", noun: "members", at: pointer, into: &issues)
            for name in required where members[name] == nil {
                issues.append(ValidationIssue(pointer: pointer + "/" + escape(name), rule: "required", message: "is required"))
            }
        case .null, .bool:
            break
        }
    }
}
"""#
}
