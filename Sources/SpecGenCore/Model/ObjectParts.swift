/// An object schema with its `allOf` parts folded in: properties in first-seen order, required names,
/// and the cross-field rules (`dependentRequired`, `not: {required: [...]}`, member counts).
struct ObjectParts {
    var properties: [(name: String, schema: Schema)] = []
    var required: [String] = []
    var rules = ObjectRules()
    /// Constructs that could not be folded, with where they are; `runTime` ones the generated `validate()` can
    /// still check on the value's JSON (`RuntimeSchema`).
    var unsupported: [(message: String, pointer: JSONPointer, runTime: Bool)] = []
}

extension APIDocument {
    /// Folds `schema` and its `allOf` parts (following `$ref`s, guarding against cycles) into one object view.
    func objectParts(of schema: Schema) -> ObjectParts {
        var parts = ObjectParts()
        var visited: Set<ObjectIdentifier> = []
        collect(schema, into: &parts, depth: 0, visited: &visited)
        return parts
    }

    private func collect(_ schema: Schema, into parts: inout ObjectParts, depth: Int, visited: inout Set<ObjectIdentifier>) {
        let target = dereference(schema)
        guard depth < 32, visited.insert(ObjectIdentifier(target)).inserted else {
            parts.unsupported.append(("allOf refers back to itself; the repeated part is ignored", schema.pointer, false))
            return
        }
        for property in target.properties where !parts.properties.contains(where: { $0.name == property.name }) {
            parts.properties.append((property.name, property.schema))
        }
        for name in target.required where !parts.required.contains(name) { parts.required.append(name) }
        parts.rules.dependentRequired.append(contentsOf: target.dependentRequired)
        if let minimum = target.minProperties { parts.rules.minProperties = max(parts.rules.minProperties ?? 0, minimum) }
        if let maximum = target.maxProperties { parts.rules.maxProperties = min(parts.rules.maxProperties ?? .max, maximum) }
        if let not = target.not {
            let negated = dereference(not)
            if !negated.required.isEmpty, negated.properties.isEmpty, negated.allOf.isEmpty, negated.oneOf.isEmpty, negated.anyOf.isEmpty {
                parts.rules.forbiddenCombinations.append((negated.required, target.description ?? negated.description))
            } else {
                parts.unsupported.append(("'not' is only enforced in generated validators in the form not: {required: [...]}; `specgen validate` checks it fully", not.pointer, true))
            }
        }
        if !target.oneOf.isEmpty || !target.anyOf.isEmpty, !target.properties.isEmpty || depth > 0 {
            let branches = target.oneOf.isEmpty ? target.anyOf : target.oneOf
            let onlyRequiredVariants = branches.allSatisfy { dereference($0).properties.isEmpty && !dereference($0).required.isEmpty }
            if !onlyRequiredVariants {
                parts.unsupported.append(("oneOf/anyOf inside an object type is not represented in the Swift type; `specgen validate` checks it", target.pointer, true))
            }
        }
        for part in target.allOf {
            collect(part, into: &parts, depth: depth + 1, visited: &visited)
        }
        visited.remove(ObjectIdentifier(target))
    }
}
