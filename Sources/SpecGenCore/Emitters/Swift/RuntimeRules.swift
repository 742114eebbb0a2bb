/// Which schema rules a generated type checks at run time (`RuntimeSchema`), because its Swift shape does not
/// hold them: the decisions per struct member and per struct.
extension TypeBuilder {
    /// Keywords only the run-time checker reads; a member held as `JSONValue` with one of them is checked by it
    /// instead of `ValidationIssue.checkJSON`.
    private static let structuralKeys: RuntimeSchema.Keys = [.ref, .properties, .patternProperties, .additionalProperties, .items, .prefixItems,
                                                             .allOf, .anyOf, .oneOf, .not, .dependentRequired, .dependentSchemas]

    /// The run-time rules of a struct member of `shape` described by `target` (its dereferenced schema).
    func memberRuntimeRules(_ member: Schema, shape: Shape) -> String? {
        // `$ref` with constraints beside it: both apply, all at run time (the shape follows the reference only).
        if member.ref != nil, !RuntimeSchema.presentKeys(member).isSubset(of: [.ref, .nullable]) { return RuntimeSchema.text(for: member, api: api, cache: runtimeCache) }
        let target = api.dereference(member)
        if JSONRules.holdsJSON(shape) {
            guard !RuntimeSchema.presentKeys(target).isDisjoint(with: Self.structuralKeys) else { return nil }
            return RuntimeSchema.text(for: target, api: api, cache: runtimeCache)
        }
        if holdsDeclaredType(shape) { return nil }
        var covered = RuntimeSchema.coveredKeys(by: shape)
        // `allOf: [$ref, …]` of references: the shape already follows them.
        if target.allOf.allSatisfy({ $0.isPureReference || isAnnotationOnly($0) }) { covered.insert(.allOf) }
        return RuntimeSchema.text(for: target, api: api, covered: covered, cache: runtimeCache)
    }

    /// The run-time rules of a struct built from `schema`: what its members, `allOf` folding, `required`
    /// alternatives and `not: {required}` do not cover.
    func structRuntimeRules(_ schema: Schema) -> String? {
        let target = api.dereference(schema)
        return RuntimeSchema.text(for: target, api: api, covered: structCoveredKeys(target, depth: 0), cache: runtimeCache)
    }

    /// The run-time rules of a one-of type: its whole schema, when decoding into the first fitting variant does not
    /// prove it valid (`oneOf` without a discriminator: exactly one branch; keywords beside the branches; a branch
    /// held as `JSONValue`, which checks nothing itself). With a discriminator, the tag chooses the branch, as
    /// OpenAPI says, so branches that overlap are not reported.
    func oneOfRuntimeRules(_ schema: Schema, shapes: [Shape]) -> String? {
        let target = api.dereference(schema)
        let exclusive = target.discriminatorProperty == nil && target.oneOf.count >= 2 && !typesAreDisjoint(target.oneOf)
        let untypedBranch = shapes.contains { JSONRules.holdsJSON($0) }
        let beside = RuntimeSchema.presentKeys(target).subtracting([.type, .nullable, .oneOf, .anyOf])
        guard exclusive || untypedBranch || !beside.isEmpty else { return nil }
        return RuntimeSchema.text(for: target, api: api, cache: runtimeCache)
    }

    private func structCoveredKeys(_ target: Schema, depth: Int) -> RuntimeSchema.Keys {
        var covered: RuntimeSchema.Keys = [.type, .nullable, .properties, .required, .minProperties, .maxProperties, .dependentRequired]
        // `additionalProperties` sees only the members this schema names itself, not those of its `allOf` parts.
        let partsName = target.allOf.contains { !api.objectParts(of: $0).properties.isEmpty }
        if target.patternProperties.isEmpty, !partsName || !target.additionalPropertiesExplicit { covered.insert(.additionalProperties) }
        if let not = target.not {
            let negated = api.dereference(not)
            if !negated.required.isEmpty, negated.properties.isEmpty, negated.allOf.isEmpty, negated.oneOf.isEmpty, negated.anyOf.isEmpty { covered.insert(.not) }
        }
        for (key, branches) in [(RuntimeSchema.Keys.anyOf, target.anyOf), (.oneOf, target.oneOf)] where !branches.isEmpty {
            let onlyRequired = branches.map { api.dereference($0) }.allSatisfy {
                $0.properties.isEmpty && !$0.required.isEmpty && $0.allOf.isEmpty && $0.anyOf.isEmpty && $0.oneOf.isEmpty && $0.not == nil && $0.types == nil
            }
            if onlyRequired { covered.insert(key) }
        }
        // `allOf` parts are folded into the struct; they need the run-time checker only for what folding leaves out.
        let foldable = depth < 16 && target.allOf.allSatisfy { part in
            let resolved = api.dereference(part)
            return RuntimeSchema.presentKeys(resolved).isSubset(of: structCoveredKeys(resolved, depth: depth + 1))
        }
        if foldable { covered.insert(.allOf) }
        return covered
    }

    /// True when every branch names its JSON types and no two share one (`integer` counts as `number`): then at most
    /// one branch can match, and `oneOf`'s "exactly one" is what decoding into a variant already proves.
    private func typesAreDisjoint(_ branches: [Schema]) -> Bool {
        var seen: Set<JSONType> = []
        for branch in branches {
            let target = api.dereference(branch)
            if target.types == [.null] { continue }  // the property's nullability, apart from the variants
            guard let types = target.nonNullTypes, !types.isEmpty else { return false }
            let widened = types.contains(.integer) ? types.union([.number]) : types
            guard seen.isDisjoint(with: widened) else { return false }
            seen.formUnion(widened)
        }
        return true
    }

    /// True when `shape` is a declared struct, enum or one-of (through aliases), which checks its own rules.
    private func holdsDeclaredType(_ shape: Shape) -> Bool {
        switch shape {
        case .named: true
        case .alias(_, let underlying), .orNull(let underlying): holdsDeclaredType(underlying)
        default: false
        }
    }
}
