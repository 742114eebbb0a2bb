extension TypeBuilder {
    /// `allOf` whose parts all describe one scalar or array type, or are bare constraints on it
    /// (`[{$ref: Url}, {maxLength: 255}]`, `[{type: integer}, {minimum: 1}]`, how specs narrow a shared type), is
    /// that type with every constraint: the tightest bounds and lengths, the first format, the first `items`.
    /// Patterns and multipleOf must all hold; the first is checked and the others are reported as not checked.
    /// Nil when a part is something else (an object, an enum, a oneOf) or the parts name different types.
    func mergedScalarAllOf(_ schema: Schema) -> Schema? {
        guard let parts = allOfParts(schema) else { return nil }
        var named: Set<JSONType> = []
        for part in parts {
            guard let types = part.nonNullTypes, !types.isEmpty else { continue }
            guard types.count == 1 || types == [.integer, .number] else { return nil }
            named.formUnion(types)
        }
        // integer narrows number.
        if named == [.integer, .number] { named = [.integer] }
        guard named.count == 1, let type = named.first, type != .object, type != .null else { return nil }
        let merged = Schema(pointer: schema.pointer, offset: schema.offset)
        merged.types = [type]
        merged.description = schema.description ?? parts.lazy.compactMap(\.description).first
        merged.format = parts.lazy.compactMap(\.format).first
        merged.minLength = parts.compactMap(\.minLength).max()
        merged.maxLength = parts.compactMap(\.maxLength).min()
        merged.minimum = parts.compactMap(\.minimum).max()
        merged.maximum = parts.compactMap(\.maximum).min()
        merged.exclusiveMinimum = parts.compactMap(\.exclusiveMinimum).max()
        merged.exclusiveMaximum = parts.compactMap(\.exclusiveMaximum).min()
        merged.minItems = parts.compactMap(\.minItems).max()
        merged.maxItems = parts.compactMap(\.maxItems).min()
        merged.uniqueItems = parts.contains(where: \.uniqueItems)
        merged.items = parts.lazy.compactMap(\.items).first
        merged.pattern = firstOfSeveral(parts.compactMap(\.pattern), "patterns", schema)
        merged.multipleOf = firstOfSeveral(parts.compactMap(\.multipleOf), "multipleOf values", schema)
        return merged
    }

    /// The schema and its `allOf` parts (through `$ref`s), or nil when a part is not a bare scalar constraint.
    private func allOfParts(_ schema: Schema) -> [Schema]? {
        var parts: [Schema] = []
        var pending: [(Schema, Int)] = [(schema, 0)]
        while let (part, depth) = pending.popLast() {
            guard depth < 32 else { return nil }
            if let ref = part.ref {
                guard let target = api.resolve(ref) else { return nil }
                pending.append((target, depth + 1))
            }
            guard part.properties.isEmpty, part.prefixItems.isEmpty, part.oneOf.isEmpty, part.anyOf.isEmpty, part.not == nil,
                  part.enumValues == nil, part.constValue == nil, !part.isNothing else { return nil }
            parts.append(part)
            pending.append(contentsOf: part.allOf.reversed().map { ($0, depth + 1) })
        }
        return parts
    }

    private func firstOfSeveral<T: Equatable>(_ values: [T], _ noun: String, _ schema: Schema) -> T? {
        var distinct: [T] = []
        for value in values where !distinct.contains(value) { distinct.append(value) }
        if distinct.count > 1 {
            warn("allOf combines \(distinct.count) \(noun); only the first is checked", at: schema.pointer.appending("allOf"))
        }
        return distinct.first
    }

    /// True for an `allOf` part that narrows nothing: only annotations (`{description: …}`) or `{nullable: true}`.
    func isAnnotationOnly(_ part: Schema) -> Bool {
        if part.isAnything { return true }
        let noKeywords = part.ref == nil && (part.types == nil || part.types == [.null]) && part.properties.isEmpty && part.required.isEmpty
            && part.items == nil && part.prefixItems.isEmpty && part.enumValues == nil && part.constValue == nil
            && part.allOf.isEmpty && part.oneOf.isEmpty && part.anyOf.isEmpty && part.not == nil && part.format == nil
            && !part.additionalPropertiesExplicit && part.patternProperties.isEmpty && part.dependentRequired.isEmpty && part.dependentSchemas.isEmpty
        let noBounds = part.minLength == nil && part.maxLength == nil && part.pattern == nil && part.minimum == nil && part.maximum == nil
            && part.exclusiveMinimum == nil && part.exclusiveMaximum == nil && part.multipleOf == nil && part.minItems == nil
            && part.maxItems == nil && part.minProperties == nil && part.maxProperties == nil && !part.uniqueItems
        return noKeywords && noBounds
    }
}
