/// Builds Swift declarations from the API model's schemas: names, nesting, shapes and rules.
///
/// Component schemas become top-level types; inline objects, enums and one-ofs become types nested in
/// the declaration that uses them, named after the property (`Parent.Provider`). Unsupported
/// constructs degrade to `JSONValue` with a located warning.
final class TypeBuilder {
    let api: APIDocument
    /// Component key → Swift type name.
    private(set) var componentNames: [String: String] = [:]
    private var aliasesInProgress: Set<String> = []
    /// Component aliases already shaped, with the declarations hoisted beside them.
    private var aliasShapes: [String: (Shape, [Decl])] = [:]
    private var hoistedNames: Set<String> = []
    var diagnostics = Diagnostics()
    private var warned: Set<String> = []
    /// Run-time rule definitions already normalized (`RuntimeSchema.text`).
    let runtimeCache = RuntimeSchema.Cache()

    /// Names reserved in every nested scope so nested types never shadow top-level ones.
    private var topLevelNames = ReservedNames([])
    /// Component type names (prepared once) for the lookups request builders make per operation.
    private var componentKeyByName: [String: String] = [:]

    /// Every top-level Swift type name the components use, plus the names the generated code reserves.
    var reservedTopLevelNames: ReservedNames { topLevelNames }

    /// True when `name` is a component generated as an open enum (its values have `rawValue`).
    func isOpenEnumName(_ name: String) -> Bool {
        guard let key = componentKeyByName[name], let schema = api.schemaIndex[key] else { return false }
        return kind(of: schema) == .enumeration
    }

    init(api: APIDocument, componentKeys: [String]) {
        self.api = api
        var namer = UniqueNamer(reserved: SwiftNaming.reservedTypeNames)
        for key in componentKeys {
            var base = SwiftNaming.upperCamel(key)
            if SwiftNaming.reservedTypeNames.contains(base) || SwiftNaming.keywords.contains(base) { base += "Schema" }
            componentNames[key] = namer.claim(base)
        }
        topLevelNames = ReservedNames(Set(componentNames.values).union(SwiftNaming.reservedTypeNames))
        for (key, name) in componentNames { componentKeyByName[name] = key }
    }

    func warn(_ message: String, at pointer: JSONPointer, hint: String? = nil) {
        guard warned.insert(pointer.description + message).inserted else { return }
        diagnostics.report(api.source.diagnostic(.warning, message, at: pointer, hint: hint))
    }

    // MARK: Component declarations

    /// The declaration for one component schema.
    func declaration(forComponent key: String) -> Decl {
        let schema = api.schemaIndex[key]!
        let name = componentNames[key]!
        return makeDecl(schema, name: name, doc: schema.description ?? schema.title)
    }

    private func makeDecl(_ schema: Schema, name: String, doc: String?) -> Decl {
        switch kind(of: schema) {
        case .structure:
            return .structure(buildStruct(schema, name: name, doc: doc))
        case .enumeration:
            return .openEnum(buildEnum(schema, name: name, doc: doc)!)
        case .oneOf:
            return .oneOf(buildOneOf(schema, name: name, doc: doc))
        case .alias:
            let (shape, nested) = aliasShape(schema, name: name)
            return .alias(AliasDecl(name: name, doc: doc, shape: shape, nested: nested))
        }
    }

    /// The shape a component alias stands for and the declarations it needs (`Pets = [PetsItem]` with
    /// `struct PetsItem`), declared at top level beside the typealias. Computed once per alias, so every
    /// reference to it names the same types; their names never collide with components or earlier aliases.
    private func aliasShape(_ schema: Schema, name: String) -> (Shape, [Decl]) {
        if let cached = aliasShapes[name] { return cached }
        aliasesInProgress.insert(name)
        defer { aliasesInProgress.remove(name) }
        var namer = nestedNamer(outer: name)
        for taken in hoistedNames { _ = namer.claim(taken) }
        var nested: [Decl] = []
        let shape = self.shape(for: schema, hint: name, nested: &nested, namer: &namer)
        hoistedNames.formUnion(nested.map(\.name))
        aliasShapes[name] = (shape, nested)
        return (shape, nested)
    }

    enum Kind { case structure, enumeration, oneOf, alias }

    func kind(of schema: Schema) -> Kind {
        if schema.isPureReference || schema.isAnything || schema.isNothing { return .alias }
        if let values = schema.enumValues, enumRawType(values, declared: schema.types) != nil { return .enumeration }
        if !schema.properties.isEmpty { return .structure }
        if oneOfBranches(schema).count >= 2 { return .oneOf }
        if !schema.allOf.isEmpty, isFlattenableObject(schema) { return .structure }
        if let types = schema.nonNullTypes, types == [.object], case .forbidden = schema.additionalProperties { return .structure }
        return .alias
    }

    /// `String`, `Int`, `Double` or `Bool` when every non-null value has that Swift type; for an enum with no
    /// value other than null (`enum: []`, `[null]`), the type the schema names (`String` when it names none).
    func enumRawType(_ values: [JSONValue], declared: Set<JSONType>? = nil) -> String? {
        let nonNull = values.filter { !$0.isNull }
        guard !nonNull.isEmpty else {
            switch declared?.subtracting([.null]).first {
            case .integer?: return "Int"
            case .number?: return "Double"
            case .boolean?: return "Bool"
            case .string?, nil: return "String"
            default: return nil
            }
        }
        if nonNull.allSatisfy({ $0.stringValue != nil }) { return "String" }
        if nonNull.allSatisfy({ $0.boolValue != nil }) { return "Bool" }
        if nonNull.allSatisfy({ $0.numberValue?.int != nil }) { return "Int" }
        if nonNull.allSatisfy({ $0.numberValue != nil }) { return "Double" }
        return nil
    }

    /// The branches of a oneOf/anyOf other than `null`, with duplicate references removed.
    func oneOfBranches(_ schema: Schema) -> [Schema] {
        let all = schema.oneOf.isEmpty ? schema.anyOf : schema.oneOf
        var seenRefs: Set<String> = []
        var result: [Schema] = []
        for branch in all {
            let target = api.dereference(branch)
            if let types = target.types, types == [.null] { continue }
            if let ref = branch.ref {
                guard seenRefs.insert(ref).inserted else { continue }
            }
            result.append(branch)
        }
        return result
    }

    func isFlattenableObject(_ schema: Schema, depth: Int = 0) -> Bool {
        guard depth < 32 else { return false }
        let target = api.dereference(schema)
        if !target.properties.isEmpty { return true }
        if let types = target.nonNullTypes, types == [.object] { return true }
        return target.allOf.contains { isFlattenableObject($0, depth: depth + 1) }
    }

    private func nestedNamer(outer: String) -> UniqueNamer {
        var namer = UniqueNamer(reserved: topLevelNames)
        _ = namer.claim(outer)
        return namer
    }

    // MARK: Shapes

    /// The shape of a value described by `schema`; inline declarations are appended to `nested`.
    func shape(for schema: Schema, hint: String, nested: inout [Decl], namer: inout UniqueNamer) -> Shape {
        if let ref = schema.ref {
            if let name = componentNames[ref], let target = api.schemaIndex[ref] {
                if kind(of: target) != .alias { return .named(name) }
                if aliasesInProgress.contains(name) {
                    warn("alias '\(name)' refers to itself; generated as JSONValue", at: schema.pointer)
                    return .json
                }
                return .alias(name, aliasShape(target, name: name).0)
            }
            if let target = api.resolve(ref) {
                return shape(for: target, hint: hint, nested: &nested, namer: &namer)
            }
            return .json
        }
        if schema.isAnything || schema.isNothing { return .json }
        if schema.enumValues != nil {
            guard let declaration = buildEnum(schema, name: namer.claim(hint), doc: schema.description) else {
                warn("enum mixes value types; generated as JSONValue", at: schema.pointer.appending("enum"))
                return .json
            }
            nested.append(.openEnum(declaration))
            return .named(declaration.name)
        }
        let branches = oneOfBranches(schema)
        if branches.count == 1, schema.properties.isEmpty {
            return shape(for: branches[0], hint: hint, nested: &nested, namer: &namer)
        }
        if branches.count >= 2, schema.properties.isEmpty {
            let declaration = buildOneOf(schema, name: namer.claim(hint), doc: schema.description)
            nested.append(.oneOf(declaration))
            return .named(declaration.name)
        }
        if !schema.properties.isEmpty || (!schema.allOf.isEmpty && isFlattenableObject(schema)) || (schema.nonNullTypes == [.object] && isForbidden(schema.additionalProperties)) {
            if schema.properties.isEmpty, schema.allOf.count == 1, schema.types == nil || schema.nonNullTypes == [.object], schema.allOf[0].ref != nil, schema.not == nil, schema.dependentRequired.isEmpty {
                // `allOf: [$ref]` is the usual way to attach a description to a reference.
                return shape(for: schema.allOf[0], hint: hint, nested: &nested, namer: &namer)
            }
            let declaration = buildStruct(schema, name: namer.claim(hint), doc: schema.description)
            nested.append(.structure(declaration))
            return .named(declaration.name)
        }
        if schema.allOf.count == 1 {
            return shape(for: schema.allOf[0], hint: hint, nested: &nested, namer: &namer)
        }
        if !schema.allOf.isEmpty {
            // `allOf: [{$ref: Choice}, {nullable: true}]`: one part says what the value is, the others only annotate.
            let meaningful = schema.allOf.filter { !isAnnotationOnly($0) }
            if meaningful.count == 1 { return shape(for: meaningful[0], hint: hint, nested: &nested, namer: &namer) }
            if let merged = mergedScalarAllOf(schema) { return shape(for: merged, hint: hint, nested: &nested, namer: &namer) }
            warn("allOf of non-object schemas that do not share one type is not supported; generated as JSONValue", at: schema.pointer.appending("allOf"))
            return .json
        }
        return typedShape(for: schema, hint: hint, nested: &nested, namer: &namer)
    }

    /// The shape `type` gives a schema that is no reference, enum, one-of, object with members or `allOf`.
    private func typedShape(for schema: Schema, hint: String, nested: inout [Decl], namer: inout UniqueNamer) -> Shape {
        guard let types = schema.nonNullTypes, !types.isEmpty else {
            if let items = schema.items, schema.prefixItems.isEmpty {
                return .array(elementShape(for: items, hint: hint + "Item", nested: &nested, namer: &namer), schema)
            }
            return .json
        }
        if types == [.integer, .number] || types == [.number] { return .number(schema) }
        guard types.count == 1, let type = types.first else { return .json }
        switch type {
        case .string: return .string(schema)
        case .integer: return .integer(schema)
        case .number: return .number(schema)
        case .boolean: return .boolean
        case .null: return .json
        case .array:
            guard let items = schema.items, schema.prefixItems.isEmpty else {
                if !schema.prefixItems.isEmpty {
                    warn("prefixItems (a tuple) has no Swift array type; elements are JSONValue, and `specgen validate` checks them", at: schema.pointer)
                }
                return .array(.json, schema)
            }
            return .array(elementShape(for: items, hint: hint + "Item", nested: &nested, namer: &namer), schema)
        case .object:
            switch schema.additionalProperties {
            case .schema(let valueSchema):
                return .map(elementShape(for: valueSchema, hint: hint + "Value", nested: &nested, namer: &namer), schema)
            case .allowed, .forbidden:
                return .map(.json, schema)
            }
        }
    }

    /// The shape of an array element or map value: `T?` when the schema allows `null` (a struct member's
    /// nullability is its `PropertyMode`; an element has no other place to say it).
    func elementShape(for schema: Schema, hint: String, nested: inout [Decl], namer: inout UniqueNamer) -> Shape {
        let element = shape(for: schema, hint: hint, nested: &nested, namer: &namer)
        if JSONRules.holdsJSON(element) { return element }
        let target = schema.ref.flatMap { api.resolve($0) } ?? schema
        return schema.allowsNull || target.allowsNull ? .orNull(element) : element
    }

    func isForbidden(_ additional: AdditionalProperties) -> Bool {
        if case .forbidden = additional { return true }
        return false
    }

    // MARK: Declarations

    func buildEnum(_ schema: Schema, name: String, doc: String?) -> EnumDecl? {
        guard let values = schema.enumValues, let rawType = enumRawType(values, declared: schema.types) else { return nil }
        if values.isEmpty {
            warn("'enum: []' allows no value at all; '\(name)' is generated with no known value, so validate() reports every value", at: schema.pointer.appending("enum"))
        }
        var namer = UniqueNamer(reserved: ["rawValue", "knownValues", "isKnown", "init", "validate", "encode", "hashValue", "description"])
        var cases: [(String, JSONValue)] = []
        var seen = JSONValueSet([])
        for value in values where !value.isNull {
            guard seen.insert(value) else { continue }
            let base: String
            if let text = value.stringValue { base = SwiftNaming.lowerCamel(text) }
            else if let flag = value.boolValue { base = flag ? "true" : "false" }
            else { base = "value" + Self.numberCaseSuffix(value.numberValue?.text ?? "") }
            cases.append((namer.claim(base), value))
        }
        return EnumDecl(name: name, doc: doc, rawType: rawType, cases: cases.map { (swiftName: $0.0, value: $0.1) })
    }

    /// `-1.5e+3` → `Minus1_5e3`: the digits of a number as part of an identifier.
    static func numberCaseSuffix(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "-": result += "Minus"
            case ".": result += "_"
            case "+": break
            default: result.append(character)
            }
        }
        return result
    }

    func buildOneOf(_ schema: Schema, name: String, doc: String?) -> OneOfDecl {
        var nested: [Decl] = []
        var typeNamer = nestedNamer(outer: name)
        var caseNamer = UniqueNamer(reserved: ["init", "encode", "validate"])
        var cases: [(String, Shape)] = []
        var caseForRef: [String: String] = [:]
        let branches = oneOfBranches(schema).sorted { rank($0) < rank($1) }
        for (index, branch) in branches.enumerated() {
            let target = api.dereference(branch)
            let base: String
            if let ref = branch.ref, let component = componentNames[ref] { base = SwiftNaming.lowerCamel(component) }
            else if let title = target.title { base = SwiftNaming.lowerCamel(title) }
            else if let type = target.nonNullTypes?.first, target.nonNullTypes?.count == 1 { base = type.rawValue }
            else { base = "case\(index + 1)" }
            let caseName = caseNamer.claim(base)
            let hint = SwiftNaming.upperCamel(caseName)
            let shape = shape(for: branch, hint: hint, nested: &nested, namer: &typeNamer)
            if let ref = branch.ref { caseForRef[ref] = caseName }
            cases.append((caseName, shape))
        }
        var mapping: [(String, String)] = []
        if schema.discriminatorProperty != nil {
            if schema.discriminatorMapping.isEmpty {
                for (ref, caseName) in caseForRef.sorted(by: { $0.key < $1.key }) { mapping.append((ref, caseName)) }
            } else {
                for entry in schema.discriminatorMapping {
                    let key = entry.ref.hasPrefix("#/components/schemas/") ? String(entry.ref.dropFirst("#/components/schemas/".count)) : entry.ref
                    if let caseName = caseForRef[key] { mapping.append((entry.value, caseName)) }
                }
            }
        }
        var declaration = OneOfDecl(name: name, doc: doc, cases: cases.map { (swiftName: $0.0, shape: $0.1) }, discriminator: schema.discriminatorProperty, mapping: mapping.map { (value: $0.0, caseName: $0.1) }, nested: nested)
        declaration.runtimeRules = oneOfRuntimeRules(schema, shapes: cases.map(\.1))
        return declaration
    }

    /// Decoding order for one-of branches: the most specific JSON types first.
    private func rank(_ branch: Schema) -> Int {
        let target = api.dereference(branch)
        guard let types = target.nonNullTypes, types.count == 1, let type = types.first else { return 5 }
        switch type {
        case .boolean: return 0
        case .integer: return 1
        case .number: return 2
        case .string: return target.enumValues == nil && target.format == nil && target.pattern == nil ? 4 : 3
        case .array: return 5
        case .object: return 6
        case .null: return 7
        }
    }

    func buildStruct(_ schema: Schema, name: String, doc: String?) -> StructDecl {
        let parts = api.objectParts(of: schema)
        var nested: [Decl] = []
        var typeNamer = nestedNamer(outer: name)
        var propertyNamer = UniqueNamer(reserved: ["additionalProperties", "validate", "encode", "init", "CodingKeys", "rejectedNulls", "unnamedMembers", "specGenFits", "specGenRules", "specGenMemberRules", "hash", "hashValue", "self", "Type", "Protocol"])
        var properties: [PropertyDecl] = []
        for (jsonName, propertySchema) in parts.properties {
            let target = api.dereference(propertySchema)
            var shape = self.shape(for: propertySchema, hint: SwiftNaming.upperCamel(jsonName), nested: &nested, namer: &typeNamer)
            if case .string(let stringSchema) = shape, stringSchema.format == "date-time" { shape = .date }
            let nullable = propertySchema.allowsNull || target.allowsNull || (propertySchema.oneOf + propertySchema.anyOf + target.oneOf + target.anyOf).contains { api.dereference($0).types == [.null] }
            let required = parts.required.contains(jsonName)
            let mode: PropertyMode = required ? (nullable ? .requiredNullable : .required) : (nullable ? .nullable : .optional)
            var documentation = propertySchema.description ?? target.description ?? target.title
            if propertySchema.deprecated || target.deprecated {
                documentation = (documentation.map { $0 + "\n\n" } ?? "") + "- Warning: deprecated."
            }
            let runtimeRules = memberRuntimeRules(propertySchema, shape: shape)
            properties.append(PropertyDecl(
                jsonName: jsonName, swiftName: propertyNamer.claim(SwiftNaming.lowerCamel(jsonName)),
                shape: shape, mode: mode, doc: documentation, jsonRules: JSONRules.holdsJSON(shape) && runtimeRules == nil ? target : nil,
                runtimeRules: runtimeRules))
        }
        let target = api.dereference(schema)
        // Members the schema does not name are allowed unless it says `additionalProperties: false`; they are kept
        // (as JSONValue when the schema says nothing) so that decoding and encoding again loses nothing.
        var additional: Shape? = .json
        if target.additionalPropertiesExplicit {
            switch target.additionalProperties {
            case .allowed: additional = .json
            case .forbidden: additional = target.patternProperties.isEmpty ? nil : .json  // checked at run time beside the patterns
            case .schema(let valueSchema) where target.patternProperties.isEmpty:
                additional = elementShape(for: valueSchema, hint: "AdditionalProperty", nested: &nested, namer: &typeNamer)
            case .schema:
                additional = .json  // members a pattern names are not additional; the run-time rules tell them apart
            }
        }
        var rules = parts.rules
        rules.requiredAlternatives = requiredAlternatives(of: schema, depth: 0)
        var declaration = StructDecl(name: name, doc: doc, properties: properties, additional: additional, rules: rules, nested: nested)
        if target.additionalPropertiesExplicit, isForbidden(target.additionalProperties), target.patternProperties.isEmpty {
            declaration.rejectsUnnamed = true
        }
        declaration.runtimeRules = structRuntimeRules(schema)
        // What folding leaves out is still checked when the rules could be generated (not past `maxDefinitions`).
        for problem in parts.unsupported where !(problem.runTime && declaration.runtimeRules != nil) { warn(problem.message, at: problem.pointer) }
        return declaration
    }

    /// `anyOf`/`oneOf` of branches that only name required members (`anyOf: [{required: [a]}, {required: [b]}]`),
    /// in `schema` and its `allOf` parts.
    func requiredAlternatives(of schema: Schema, depth: Int) -> [(sets: [[String]], exactlyOne: Bool)] {
        let target = api.dereference(schema)
        guard depth < 32 else { return [] }
        var found: [(sets: [[String]], exactlyOne: Bool)] = []
        for (branches, exactlyOne) in [(target.anyOf, false), (target.oneOf, true)] where !branches.isEmpty {
            let variants = branches.map { api.dereference($0) }
            let onlyRequired = variants.allSatisfy {
                $0.properties.isEmpty && !$0.required.isEmpty && $0.allOf.isEmpty && $0.anyOf.isEmpty && $0.oneOf.isEmpty && $0.not == nil && $0.types == nil
            }
            if onlyRequired { found.append((variants.map(\.required), exactlyOne)) }
        }
        for part in target.allOf { found += requiredAlternatives(of: part, depth: depth + 1) }
        return found
    }
}
