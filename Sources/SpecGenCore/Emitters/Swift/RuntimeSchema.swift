/// Schema rules a Swift type cannot hold, written as data for the support file's run-time checker
/// (`SpecGenSchema`): `not`, `allOf`/`anyOf`/`oneOf` beside other keywords, `patternProperties`,
/// `dependentSchemas`, `prefixItems`, nested subschemas and `$ref`s inside values held as `JSONValue`.
///
/// The text is SpecGen's own normalized JSON (not the spec's): `{"root": schema, "defs": {ref: schema}}`, where a
/// schema is `true`, `false` or an object of the keywords the checker reads, patterns already translated to ICU,
/// `nullable` folded into `type`, draft 4 forms already read as 2020-12 ones, `$ref` naming an entry of `defs`.
enum RuntimeSchema {
    /// Most `$ref` targets one rule set may carry; beyond it the rules are not generated (the caller keeps the
    /// typed checks, and `specgen validate` remains the complete checker).
    static let maxDefinitions = 48

    /// A set of the keywords the checker reads, as bits: asked about for every member of every struct, so it must be cheap.
    struct Keys: OptionSet, Sendable {
        let rawValue: UInt64
        /// Keyword names in bit order.
        static let names = ["$ref", "type", "nullable", "enum", "const", "minLength", "maxLength", "pattern", "format", "minimum", "maximum",
                            "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties",
                            "maxProperties", "required", "properties", "patternProperties", "items", "prefixItems", "additionalProperties",
                            "allOf", "anyOf", "oneOf", "not", "dependentRequired", "dependentSchemas"]
        /// The bit of a keyword of `names` (its position there).
        private init(_ keyword: String) { rawValue = 1 << UInt64(Keys.names.firstIndex(of: keyword)!) }
        init(rawValue: UInt64) { self.rawValue = rawValue }
        static let ref = Keys("$ref"), type = Keys("type"), nullable = Keys("nullable"), enumeration = Keys("enum"), const = Keys("const")
        static let minLength = Keys("minLength"), maxLength = Keys("maxLength"), pattern = Keys("pattern"), format = Keys("format")
        static let minimum = Keys("minimum"), maximum = Keys("maximum"), exclusiveMinimum = Keys("exclusiveMinimum"), exclusiveMaximum = Keys("exclusiveMaximum")
        static let multipleOf = Keys("multipleOf"), minItems = Keys("minItems"), maxItems = Keys("maxItems"), uniqueItems = Keys("uniqueItems")
        static let minProperties = Keys("minProperties"), maxProperties = Keys("maxProperties"), required = Keys("required"), properties = Keys("properties")
        static let patternProperties = Keys("patternProperties"), items = Keys("items"), prefixItems = Keys("prefixItems")
        static let additionalProperties = Keys("additionalProperties"), allOf = Keys("allOf"), anyOf = Keys("anyOf"), oneOf = Keys("oneOf"), not = Keys("not")
        static let dependentRequired = Keys("dependentRequired"), dependentSchemas = Keys("dependentSchemas")

        /// The keyword names in the set, in bit order.
        var keywordNames: [String] { Keys.names.indices.filter { rawValue & (1 << UInt64($0)) != 0 }.map { Keys.names[$0] } }
    }

    /// Keywords the typed Swift checks already cover for a value of `shape` (at the top level of its schema).
    static func coveredKeys(by shape: Shape) -> Keys {
        switch shape {
        case .string, .date: [.type, .nullable, .minLength, .maxLength, .pattern, .format, .const]
        case .integer, .number: [.type, .nullable, .minimum, .maximum, .exclusiveMinimum, .exclusiveMaximum, .multipleOf]
        case .boolean: [.type, .nullable]
        case .alias(_, let underlying), .orNull(let underlying): coveredKeys(by: underlying)
        case .array(let element, _):
            Keys([.type, .nullable, .minItems, .maxItems, .uniqueItems]).union(JSONRules.holdsJSON(element) ? [] : .items)
        case .map(let value, _):
            Keys([.type, .nullable, .minProperties, .maxProperties]).union(JSONRules.holdsJSON(value) ? [] : .additionalProperties)
        case .named, .json: []
        }
    }

    /// The normalized keywords `schema` has at its top level (before `covered` keys are taken away).
    static func presentKeys(_ schema: Schema) -> Keys {
        var keys: Keys = []
        func add(_ key: Keys, _ present: Bool) { if present { keys.insert(key) } }
        add(.ref, schema.ref != nil); add(.type, schema.types != nil); add(.nullable, schema.nullable)
        add(.enumeration, schema.enumValues != nil); add(.const, schema.constValue != nil)
        add(.minLength, schema.minLength != nil); add(.maxLength, schema.maxLength != nil); add(.pattern, schema.pattern != nil)
        add(.format, schema.format.map(FormatRules.isChecked) ?? false)
        add(.minimum, schema.minimum != nil); add(.maximum, schema.maximum != nil)
        add(.exclusiveMinimum, schema.exclusiveMinimum != nil); add(.exclusiveMaximum, schema.exclusiveMaximum != nil)
        add(.multipleOf, schema.multipleOf != nil); add(.minItems, schema.minItems != nil); add(.maxItems, schema.maxItems != nil)
        add(.uniqueItems, schema.uniqueItems); add(.minProperties, schema.minProperties != nil); add(.maxProperties, schema.maxProperties != nil)
        add(.required, !schema.required.isEmpty); add(.properties, !schema.properties.isEmpty)
        add(.patternProperties, !schema.patternProperties.isEmpty); add(.items, schema.items != nil); add(.prefixItems, !schema.prefixItems.isEmpty)
        add(.additionalProperties, schema.additionalPropertiesExplicit && !isAllowed(schema.additionalProperties))
        add(.allOf, !schema.allOf.isEmpty); add(.anyOf, !schema.anyOf.isEmpty); add(.oneOf, !schema.oneOf.isEmpty); add(.not, schema.not != nil)
        add(.dependentRequired, !schema.dependentRequired.isEmpty); add(.dependentSchemas, !schema.dependentSchemas.isEmpty)
        return keys
    }

    private static func isAllowed(_ additional: AdditionalProperties) -> Bool {
        if case .allowed = additional { return true }
        return false
    }

    /// The normalized rule text for `schema` without the top-level keywords in `covered`, or nil when nothing is
    /// left to check at run time, or when the rules reach more `$ref` targets than `maxDefinitions`.
    static func text(for schema: Schema, api: APIDocument, covered: Keys = [], cache: Cache? = nil) -> String? {
        guard schema.isNothing || !presentKeys(schema).subtracting(covered).subtracting(.nullable).isEmpty else { return nil }
        var builder = Builder(api: api)
        guard case .object(var root) = builder.normalize(schema, depth: 0) else { return nil }
        for key in covered.keywordNames { root[key] = nil }
        // `additionalProperties` (left to run time beside `patternProperties`) needs the names `properties` gives.
        if root["additionalProperties"] != nil, root["properties"] == nil, !schema.properties.isEmpty {
            root["properties"] = .object(Dictionary(schema.properties.map { ($0.name, Node.bool(true)) }, uniquingKeysWith: { first, _ in first }))
        }
        if covered.contains(.pattern) { root["patternSource"] = nil }
        guard root.keys.contains(where: { $0 != "nullable" }), !builder.overflow else { return nil }
        builder.resolvePending(cache: cache)
        guard !builder.overflow else { return nil }
        var text = "{\"defs\":{"
        text += builder.defs.keys.sorted().map { key in
            if let written = cache?.written[key] { return written }
            let written = quoted(key) + ":" + write(builder.defs[key]!)
            cache?.written[key] = written
            return written
        }.joined(separator: ",")
        text += "},\"root\":" + write(.object(root)) + "}"
        return text
    }

    /// Definitions already normalized and written, shared by the rule texts of one type builder (one thread):
    /// Auth0's one-ofs name the same few dozen definitions hundreds of times.
    final class Cache {
        struct Definition {
            var node: Node
            var references: [String]
            var overflow: Bool
        }
        var definitions: [String: Definition] = [:]
        /// `"name":{…}` as the text's `defs` object holds it.
        var written: [String: String] = [:]
    }

    /// A normalized schema value (the subset of JSON the text needs).
    indirect enum Node {
        case bool(Bool)
        case number(String)
        case string(String)
        case raw(String)
        case array([Node])
        case object([String: Node])
    }

    private struct Builder {
        let api: APIDocument
        var defs: [String: Node] = [:]
        var pending: [String] = []
        var overflow = false

        /// True while normalizing one definition for the cache: references are only recorded, not counted.
        var recording = false

        mutating func reference(_ ref: String) -> Node {
            if defs[ref] == nil, !pending.contains(ref) {
                if !recording, defs.count + pending.count >= RuntimeSchema.maxDefinitions { overflow = true }
                pending.append(ref)
            }
            return .string(ref)
        }

        mutating func resolvePending(cache: Cache?) {
            while let ref = pending.first, !overflow {
                pending.removeFirst()
                let definition = cache?.definitions[ref] ?? normalizedDefinition(ref)
                cache?.definitions[ref] = definition
                defs[ref] = definition.node
                // The references it makes, in the order normalizing it here would make them: the same pending list,
                // the same count against `maxDefinitions`.
                for name in definition.references { _ = reference(name) }
                if definition.overflow { overflow = true }
            }
        }

        /// The definition `ref` names, normalized on its own, with the references it makes in order.
        private func normalizedDefinition(_ ref: String) -> Cache.Definition {
            var recorder = Builder(api: api)
            recorder.recording = true
            let node = api.resolve(ref).map { recorder.normalize($0, depth: 0) } ?? .bool(true)
            return Cache.Definition(node: node, references: recorder.pending, overflow: recorder.overflow)
        }

        mutating func normalize(_ schema: Schema, depth: Int) -> Node {
            if schema.isNothing { return .bool(false) }
            guard depth < 64 else { overflow = true; return .bool(true) }
            var object: [String: Node] = [:]
            if let ref = schema.ref { object["$ref"] = reference(ref) }
            if let types = schema.types {
                let names = (schema.nullable ? types.union([.null]) : types).map(\.rawValue).sorted()
                object["type"] = .array(names.map(Node.string))
            }
            if schema.nullable { object["nullable"] = .bool(true) }
            if let values = schema.enumValues { object["enum"] = .raw(JSONWriter().string(.array(values.map { JSONNode($0) }))) }
            if let constant = schema.constValue { object["const"] = .raw(JSONWriter().string(constant)) }
            addScalarRules(schema, into: &object)
            if !schema.required.isEmpty { object["required"] = .array(schema.required.map(Node.string)) }
            if !schema.properties.isEmpty {
                var properties: [String: Node] = [:]
                for property in schema.properties where properties[property.name] == nil { properties[property.name] = normalize(property.schema, depth: depth + 1) }
                object["properties"] = .object(properties)
            }
            if !schema.patternProperties.isEmpty {
                object["patternProperties"] = .array(schema.patternProperties.map { rule in
                    .array([.string(ECMARegex.translate(rule.pattern) ?? ""), normalize(rule.schema, depth: depth + 1)])
                })
            }
            if schema.additionalPropertiesExplicit {
                switch schema.additionalProperties {
                case .allowed: break
                case .forbidden: object["additionalProperties"] = .bool(false)
                case .schema(let value): object["additionalProperties"] = normalize(value, depth: depth + 1)
                }
            }
            if let items = schema.items { object["items"] = normalize(items, depth: depth + 1) }
            if !schema.prefixItems.isEmpty { object["prefixItems"] = .array(schema.prefixItems.map { normalize($0, depth: depth + 1) }) }
            for (key, parts) in [("allOf", schema.allOf), ("anyOf", schema.anyOf), ("oneOf", oneOfParts(schema.oneOf))] where !parts.isEmpty {
                object[key] = .array(parts.map { normalize($0, depth: depth + 1) })
            }
            if let not = schema.not { object["not"] = normalize(not, depth: depth + 1) }
            if !schema.dependentRequired.isEmpty {
                object["dependentRequired"] = .object(Dictionary(schema.dependentRequired.map { ($0.name, Node.array($0.requires.map(Node.string))) }, uniquingKeysWith: { first, _ in first }))
            }
            if !schema.dependentSchemas.isEmpty {
                object["dependentSchemas"] = .object(Dictionary(schema.dependentSchemas.map { ($0.name, normalize($0.schema, depth: depth + 1)) }, uniquingKeysWith: { first, _ in first }))
            }
            return object.isEmpty ? .bool(true) : .object(object)
        }

        /// `oneOf` branches that all name the same `$ref` are one shape, as `specgen validate` reads them.
        private func oneOfParts(_ branches: [Schema]) -> [Schema] {
            let refs = branches.compactMap(\.ref)
            return refs.count == branches.count && Set(refs).count == 1 && branches.count > 1 ? [branches[0]] : branches
        }

        private func addScalarRules(_ schema: Schema, into object: inout [String: Node]) {
            for case let (key, value?) in [("minLength", schema.minLength), ("maxLength", schema.maxLength), ("minItems", schema.minItems),
                                           ("maxItems", schema.maxItems), ("minProperties", schema.minProperties), ("maxProperties", schema.maxProperties)] {
                object[key] = .number(String(value))
            }
            for case let (key, value?) in [("minimum", schema.minimum), ("maximum", schema.maximum), ("exclusiveMinimum", schema.exclusiveMinimum),
                                           ("exclusiveMaximum", schema.exclusiveMaximum), ("multipleOf", schema.multipleOf)] where value.isFinite {
                object[key] = .number(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value))
            }
            if let pattern = schema.pattern, let translated = ECMARegex.translate(pattern) {
                object["pattern"] = .string(translated)
                object["patternSource"] = .string(pattern)
            }
            if let format = schema.format, FormatRules.isChecked(format) { object["format"] = .string(format) }
            if schema.uniqueItems { object["uniqueItems"] = .bool(true) }
        }
    }

    private static func quoted(_ text: String) -> String {
        var output = ""
        JSONWriter.writeString(text, asciiOnly: true, into: &output)
        return output
    }

    /// Compact JSON with sorted keys, so the text (and the generated file) is deterministic.
    static func write(_ node: Node) -> String {
        switch node {
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text), .raw(let text): text
        case .string(let text): quoted(text)
        case .array(let items): "[" + items.map(write).joined(separator: ",") + "]"
        case .object(let members): "{" + members.keys.sorted().map { quoted($0) + ":" + write(members[$0]!) }.joined(separator: ",") + "}"
        }
    }
}
