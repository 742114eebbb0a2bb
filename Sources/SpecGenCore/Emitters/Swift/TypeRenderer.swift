/// Renders declarations as Swift source: Codable conformance written out (no synthesis surprises),
/// three-state fields, captured extra members and `validate(at:into:)`.
struct TypeRenderer {
    /// `public` or `internal` (package-level access for plugin consumers may prefer internal).
    var access: String

    func render(_ decl: Decl, into writer: inout SwiftWriter) {
        switch decl {
        case .structure(let structure): renderStruct(structure, into: &writer)
        case .openEnum(let enumeration): renderEnum(enumeration, into: &writer)
        case .oneOf(let oneOf): renderOneOf(oneOf, into: &writer)
        case .alias(let alias):
            writer.doc(alias.doc)
            writer.line("\(access) typealias \(alias.name) = \(alias.shape.swiftType)")
            for nested in alias.nested {
                writer.line()
                render(nested, into: &writer)
            }
        }
    }

    // MARK: Structs

    private func propertyType(_ property: PropertyDecl) -> String {
        switch property.mode {
        case .required: property.shape.swiftType
        case .optional, .requiredNullable: property.shape.swiftType + "?"
        case .nullable: "Nullable<\(property.shape.swiftType)>"
        }
    }

    private func defaultValue(_ property: PropertyDecl) -> String? {
        switch property.mode {
        case .required: nil
        case .optional: "nil"
        case .requiredNullable: nil
        case .nullable: ".absent"
        }
    }

    private func renderStruct(_ decl: StructDecl, into writer: inout SwiftWriter) {
        writer.doc(decl.doc)
        writer.block("\(access) nonisolated struct \(decl.name): Codable, Hashable, Sendable") { writer in
            for property in decl.properties {
                writer.doc(property.doc)
                let name = SwiftNaming.escaped(property.swiftName)
                guard property.indirect else {
                    writer.line("\(access) var \(name): \(propertyType(property))")
                    continue
                }
                // Held behind a reference, written out rather than as a property wrapper: the backing storage a
                // wrapper synthesizes cannot live in a `nonisolated` struct (Swift 6.3).
                writer.line("\(access) var \(name): \(propertyType(property)) { get { _\(property.swiftName).wrappedValue } set { _\(property.swiftName).wrappedValue = newValue } }")
                writer.line("var _\(property.swiftName): SpecGenIndirect<\(propertyType(property))>")
            }
            if let additional = decl.additional {
                writer.line("/// Members the schema does not name (it allows `additionalProperties`), kept when decoding and sent when encoding.")
                writer.line("\(access) var additionalProperties: [String: \(additional.swiftType)]")
            }
            writer.line("/// Members that arrived as `null` although the schema does not allow null; `validate()` reports them.")
            writer.line("var rejectedNulls: [String] = []")
            if decl.rejectsUnnamed {
                writer.line("/// Members that arrived although the schema allows no others (`additionalProperties: false`); `validate()` reports them.")
                writer.line("var unnamedMembers: [String] = []")
            }
            writer.line()
            // Memberwise initializer.
            var parameters = decl.properties.map { property -> String in
                let name = SwiftNaming.escaped(property.swiftName)
                if let value = defaultValue(property) { return "\(name): \(propertyType(property)) = \(value)" }
                return "\(name): \(propertyType(property))"
            }
            if let additional = decl.additional { parameters.append("additionalProperties: [String: \(additional.swiftType)] = [:]") }
            writer.line("/// Creates a value; leave a field out to omit it from the JSON.")
            if parameters.isEmpty {
                writer.line("\(access) init() {}")
            } else {
                writer.line("\(access) init(")
                for (index, parameter) in parameters.enumerated() {
                    writer.line("    \(parameter)\(index == parameters.count - 1 ? "" : ",")")
                }
                writer.block(")") { writer in
                    for property in decl.properties {
                        writer.line(assignment(property, SwiftNaming.escaped(property.swiftName)))
                    }
                    if decl.additional != nil { writer.line("self.additionalProperties = additionalProperties") }
                }
            }
            writer.line()
            renderDecoder(decl, into: &writer)
            writer.line()
            renderEncoder(decl, into: &writer)
            writer.line()
            renderStructValidation(decl, into: &writer)
            for nested in decl.nested {
                writer.line()
                render(nested, into: &writer)
            }
        }
    }

    /// `self.name = value`, or the reference storage of an indirect member.
    private func assignment(_ property: PropertyDecl, _ value: String) -> String {
        property.indirect ? "self._\(property.swiftName) = SpecGenIndirect(wrappedValue: \(value))" : "self.\(property.swiftName) = \(value)"
    }

    private func renderDecoder(_ decl: StructDecl, into writer: inout SwiftWriter) {
        writer.block("\(access) init(from decoder: any Decoder) throws") { writer in
            if !decl.properties.isEmpty {
                writer.line("let container = try decoder.container(keyedBy: SpecGenDynamicKey.self)")
            } else if decl.additional == nil {
                writer.line("_ = try decoder.container(keyedBy: SpecGenDynamicKey.self) // an object, even with no members")
            }
            for property in decl.properties {
                let key = SwiftSource.stringLiteral(property.jsonName)
                let type = property.shape.swiftType
                let isDate = if case .date = property.shape { true } else { false }
                let value = switch (property.mode, isDate) {
                case (.required, false): "try container.decodeRequired(\(type).self, \(key))"
                case (.required, true): "try container.decodeDateTime(\(key))"
                case (.optional, false): "try container.decodeOptional(\(type).self, \(key), &rejectedNulls)"
                case (.optional, true): "try container.decodeOptionalDateTime(\(key), &rejectedNulls)"
                case (.nullable, false): "try container.decodeNullable(\(type).self, \(key))"
                case (.nullable, true): "try container.decodeNullableDateTime(\(key))"
                case (.requiredNullable, false): "try container.decodeRequiredOrNull(\(type).self, \(key))"
                case (.requiredNullable, true): "try container.decodeRequiredOrNullDateTime(\(key))"
                }
                writer.line(assignment(property, value))
            }
            // Two or more member names as one literal, separated by NUL: an array literal of strings costs ~11 lines of
            // LLVM IR per name in a debug build (1,300 structs in Auth0). Fewer names, or a name holding NUL, keep the array.
            let names = decl.properties.map(\.jsonName)
            let known = names.count < 2 || names.contains { $0.unicodeScalars.contains("\0") }
                ? "known: [" + names.map(SwiftSource.stringLiteral).joined(separator: ", ") + "]"
                : "knownNames: " + SwiftSource.stringLiteral(names.joined(separator: "\0"))
            if let additional = decl.additional {
                writer.line("self.additionalProperties = try decoder.decodeAdditionalProperties(\(additional.swiftType).self, \(known))")
            } else if decl.rejectsUnnamed {
                writer.line("self.unnamedMembers = try decoder.unnamedMembers(\(known))")
            }
        }
    }

    private func renderEncoder(_ decl: StructDecl, into writer: inout SwiftWriter) {
        writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
            if !decl.properties.isEmpty {
                writer.line("var container = encoder.container(keyedBy: SpecGenDynamicKey.self)")
            } else if decl.additional == nil {
                writer.line("_ = encoder.container(keyedBy: SpecGenDynamicKey.self) // {}")
            }
            for property in decl.properties {
                let name = "self.\(property.swiftName)"
                let key = SwiftSource.stringLiteral(property.jsonName)
                let isDate = if case .date = property.shape { true } else { false }
                switch (property.mode, isDate) {
                case (.required, false), (.optional, false): writer.line("try container.encodeMember(\(name), \(key))")
                case (.required, true), (.optional, true): writer.line("try container.encodeDateTime(\(name), \(key))")
                case (.nullable, false): writer.line("try container.encodeNullable(\(name), \(key))")
                case (.nullable, true): writer.line("try container.encodeNullableDateTime(\(name), \(key))")
                case (.requiredNullable, false): writer.line("try container.encodeMemberOrNull(\(name), \(key))")
                case (.requiredNullable, true): writer.line("try container.encodeDateTimeOrNull(\(name), \(key))")
                }
            }
            if decl.additional != nil {
                writer.line("try encoder.encodeAdditionalProperties(self.additionalProperties)")
            }
        }
    }

    // MARK: Validation

    /// `specGenMember(base, "name")`: helper calls instead of `+` chains keep validators cheap to type-check.
    private func pointerExpression(_ base: String, _ jsonName: String) -> String {
        "specGenMember(\(base), \(SwiftSource.stringLiteral(jsonName)))"
    }

    private func renderStructValidation(_ decl: StructDecl, into writer: inout SwiftWriter) {
        writer.line("/// Every schema rule this value breaks, each with its JSON pointer (empty when valid).")
        writer.block("\(access) func validate() -> [ValidationIssue]") { writer in
            writer.line("var issues: [ValidationIssue] = []")
            writer.line("validate(at: \"\", into: &issues)")
            writer.line("return issues")
        }
        writer.line()
        writer.line("/// Appends the rules this value breaks to `issues`, with pointers below `pointer`.")
        writer.block("\(access) func validate(at pointer: String, into issues: inout [ValidationIssue])") { writer in
            writer.line("ValidationIssue.rejectNulls(rejectedNulls, at: pointer, into: &issues)")
            if decl.rejectsUnnamed { writer.line("ValidationIssue.rejectUnnamed(unnamedMembers, at: pointer, into: &issues)") }
            var runtimeIndex = 0
            for property in decl.properties {
                let access = "self.\(property.swiftName)"
                let pointer = pointerExpression("pointer", property.jsonName)
                var statements = property.jsonRules.map { JSONRules.statements($0, value: "value", pointer: pointer) }
                    ?? (JSONRules.holdsJSON(property.shape) ? [] : validation(property.shape, value: "value", pointer: pointer, depth: 0))
                if property.runtimeRules != nil {
                    let label = JSONRules.holdsJSON(property.shape) ? "" : "encoding: "
                    statements.append("Self.specGenMemberRules[\(runtimeIndex)].check(\(label)value, at: \(pointer), into: &issues)")
                    runtimeIndex += 1
                }
                guard !statements.isEmpty else { continue }
                switch property.mode {
                case .required:
                    writer.block("do") { writer in
                        writer.line("let value = \(access)")
                        writer.lines(statements)
                    }
                case .optional, .requiredNullable:
                    writer.block("if let value = \(access)") { writer in writer.lines(statements) }
                case .nullable:
                    writer.block("if case .value(let value) = \(access)") { writer in writer.lines(statements) }
                }
            }
            if let additional = decl.additional {
                let statements = validation(additional, value: "value", pointer: "specGenMember(pointer, key)", depth: 0)
                if !statements.isEmpty {
                    writer.block("for (key, value) in additionalProperties.sorted(by: { $0.key < $1.key })") { writer in writer.lines(statements) }
                }
            }
            renderObjectRules(decl.rules, into: &writer)
            if decl.runtimeRules != nil { writer.line("Self.specGenRules.check(encoding: self, at: pointer, into: &issues)") }
        }
        renderRuntimeRules(decl, into: &writer)
        if !decl.rules.isEmpty {
            writer.line()
            writer.line("/// The JSON member names this value sends.")
            writer.block("func presentMembers() -> Set<String>") { writer in
                writer.line("var names: Set<String> = []")
                for property in decl.properties {
                    let literal = SwiftSource.stringLiteral(property.jsonName)
                    switch property.mode {
                    case .required, .requiredNullable: writer.line("names.insert(\(literal))")
                    case .optional: writer.line("if self.\(property.swiftName) != nil { names.insert(\(literal)) }")
                    case .nullable: writer.line("if !self.\(property.swiftName).isAbsent { names.insert(\(literal)) }")
                    }
                }
                if decl.additional != nil { writer.line("names.formUnion(additionalProperties.keys)") }
                writer.line("return names")
            }
        }
    }

    /// The cross-member rules of an object (`dependentRequired`, `not: {required}`, required alternatives, counts).
    private func renderObjectRules(_ rules: ObjectRules, into writer: inout SwiftWriter) {
        if !rules.isEmpty {
            writer.line("let present: Set<String> = presentMembers()")
            for rule in rules.dependentRequired {
                let names = rule.requires.map(SwiftSource.stringLiteral).joined(separator: ", ")
                writer.line("ValidationIssue.checkDependentRequired(present, \(SwiftSource.stringLiteral(rule.name)), requires: [\(names)], at: pointer, into: &issues)")
            }
            for rule in rules.forbiddenCombinations {
                let names = rule.names.map(SwiftSource.stringLiteral).joined(separator: ", ")
                let message = rule.message.map(SwiftSource.stringLiteral) ?? "nil"
                writer.line("ValidationIssue.checkNotAllPresent(present, [\(names)], message: \(message), at: pointer, into: &issues)")
            }
            for rule in rules.requiredAlternatives {
                let sets = rule.sets.map { "[" + $0.map(SwiftSource.stringLiteral).joined(separator: ", ") + "]" }.joined(separator: ", ")
                writer.line("ValidationIssue.checkRequiredAlternatives(present, [\(sets)], exactlyOne: \(rule.exactlyOne), at: pointer, into: &issues)")
            }
            if rules.minProperties != nil || rules.maxProperties != nil {
                writer.line("ValidationIssue.checkCount(present.count, min: \(rules.minProperties.map(String.init) ?? "nil"), max: \(rules.maxProperties.map(String.init) ?? "nil"), rule: \"Properties\", noun: \"members\", at: pointer, into: &issues)")
            }
        }
    }

    /// The rule sets `validate(at:into:)` checks at run time (`RuntimeSchema`), read once per type.
    private func renderRuntimeRules(_ decl: StructDecl, into writer: inout SwiftWriter) {
        if let rules = decl.runtimeRules {
            writer.line()
            writer.line("/// Rules of the schema this type does not hold, checked on its JSON.")
            writer.line("private static let specGenRules = SpecGenSchema(\(SwiftSource.stringLiteral(rules)))")
        }
        let memberRules = decl.properties.compactMap(\.runtimeRules)
        guard !memberRules.isEmpty else { return }
        writer.line()
        writer.line("/// Rules of members' schemas their Swift types do not hold, checked on their JSON, in member order.")
        writer.line("private static let specGenMemberRules: [SpecGenSchema] = [")
        for rules in memberRules { writer.line("    SpecGenSchema(\(SwiftSource.stringLiteral(rules))),") }
        writer.line("]")
    }

    /// Statements validating `value` (of `shape`) at `pointer`; empty when the shape has no rules.
    func validation(_ shape: Shape, value: String, pointer: String, depth: Int) -> [String] {
        switch shape {
        case .string(let schema):
            var arguments: [String] = []
            if let minimum = schema.minLength { arguments.append("minLength: \(minimum)") }
            if let maximum = schema.maxLength { arguments.append("maxLength: \(maximum)") }
            if let pattern = schema.pattern, let translated = ECMARegex.translate(pattern) {
                arguments.append("pattern: \(SwiftSource.stringLiteral(translated)), patternSource: \(SwiftSource.stringLiteral(pattern))")
            }
            if let format = schema.format, FormatRules.isChecked(format) { arguments.append("format: \(SwiftSource.stringLiteral(format))") }
            if let constant = schema.constValue?.stringValue { arguments.append("const: \(SwiftSource.stringLiteral(constant))") }
            guard !arguments.isEmpty else { return [] }
            return ["ValidationIssue.checkString(\(value), at: \(pointer), \(arguments.joined(separator: ", ")), into: &issues)"]
        case .integer(let schema), .number(let schema):
            var arguments: [String] = []
            if let minimum = schema.minimum { arguments.append("minimum: \(SwiftSource.doubleLiteral(minimum))") }
            if let maximum = schema.maximum { arguments.append("maximum: \(SwiftSource.doubleLiteral(maximum))") }
            if let minimum = schema.exclusiveMinimum { arguments.append("exclusiveMinimum: \(SwiftSource.doubleLiteral(minimum))") }
            if let maximum = schema.exclusiveMaximum { arguments.append("exclusiveMaximum: \(SwiftSource.doubleLiteral(maximum))") }
            if let multiple = schema.multipleOf { arguments.append("multipleOf: \(SwiftSource.doubleLiteral(multiple))") }
            guard !arguments.isEmpty else { return [] }
            return ["ValidationIssue.checkNumber(Double(\(value)), at: \(pointer), \(arguments.joined(separator: ", ")), into: &issues)"]
        case .boolean, .date, .json:
            return []
        case .named:
            return ["\(value).validate(at: \(pointer), into: &issues)"]
        case .alias(_, let underlying):
            return validation(underlying, value: value, pointer: pointer, depth: depth)
        case .orNull(let wrapped):
            let inner = validation(wrapped, value: "some\(depth)", pointer: pointer, depth: depth)
            return inner.isEmpty ? [] : ["if let some\(depth) = \(value) {"] + inner.map { "    " + $0 } + ["}"]
        case .array(let element, let schema):
            var statements: [String] = []
            if schema.minItems != nil || schema.maxItems != nil {
                statements.append("ValidationIssue.checkCount(\(value).count, min: \(schema.minItems.map(String.init) ?? "nil"), max: \(schema.maxItems.map(String.init) ?? "nil"), rule: \"Items\", noun: \"items\", at: \(pointer), into: &issues)")
            }
            if schema.uniqueItems {
                statements.append("ValidationIssue.checkUnique(\(value), at: \(pointer), into: &issues)")
            }
            let item = "item\(depth)", index = "index\(depth)"
            let inner = validation(element, value: item, pointer: "specGenIndex(\(pointer), \(index))", depth: depth + 1)
            if !inner.isEmpty {
                statements.append("for (\(index), \(item)) in \(value).enumerated() {")
                statements.append(contentsOf: inner.map { "    " + $0 })
                statements.append("}")
            }
            return statements
        case .map(let valueShape, let schema):
            var statements: [String] = []
            if schema.minProperties != nil || schema.maxProperties != nil {
                statements.append("ValidationIssue.checkCount(\(value).count, min: \(schema.minProperties.map(String.init) ?? "nil"), max: \(schema.maxProperties.map(String.init) ?? "nil"), rule: \"Properties\", noun: \"members\", at: \(pointer), into: &issues)")
            }
            let key = "key\(depth)", item = "item\(depth)"
            let inner = validation(valueShape, value: item, pointer: "specGenMember(\(pointer), \(key))", depth: depth + 1)
            if !inner.isEmpty {
                statements.append("for (\(key), \(item)) in \(value).sorted(by: { $0.key < $1.key }) {")
                statements.append(contentsOf: inner.map { "    " + $0 })
                statements.append("}")
            }
            return statements
        }
    }

    // MARK: Enums

    private func renderEnum(_ decl: EnumDecl, into writer: inout SwiftWriter) {
        writer.doc(decl.doc)
        writer.line("///")
        writer.line("/// An open enumeration: values the spec does not list still decode (see `isKnown`), so a new server value never breaks decoding.")
        let (literalProtocol, literalLabel) = switch decl.rawType {
        case "String": ("ExpressibleByStringLiteral", "stringLiteral")
        case "Bool": ("ExpressibleByBooleanLiteral", "booleanLiteral")
        case "Double": ("ExpressibleByFloatLiteral", "floatLiteral")
        default: ("ExpressibleByIntegerLiteral", "integerLiteral")
        }
        writer.block("\(access) nonisolated struct \(decl.name): RawRepresentable, Codable, Hashable, Sendable, \(literalProtocol)") { writer in
            writer.line("\(access) var rawValue: \(decl.rawType)")
            writer.line()
            writer.line("\(access) init(rawValue: \(decl.rawType)) { self.rawValue = rawValue }")
            writer.line("\(access) init(\(literalLabel) value: \(decl.rawType)) { self.rawValue = value }")
            writer.line("\(access) init(from decoder: any Decoder) throws { self.rawValue = try decoder.singleValueContainer().decode(\(decl.rawType).self) }")
            writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.line("try container.encode(rawValue)")
            }
            writer.line()
            for entry in decl.cases {
                let literal = entry.value.stringValue.map(SwiftSource.stringLiteral) ?? entry.value.boolValue.map { $0 ? "true" : "false" }
                    ?? entry.value.numberValue.map { decl.rawType == "Double" ? SwiftSource.doubleLiteral($0.double) : $0.text } ?? "0"
                writer.line("\(access) static let \(SwiftNaming.escaped(entry.swiftName)) = \(decl.name)(rawValue: \(literal))")
            }
            writer.line()
            writer.line("/// Every value the spec lists, in its order.")
            let names = decl.cases.map { "." + SwiftNaming.escaped($0.swiftName) }.joined(separator: ", ")
            writer.line("\(access) static let knownValues: [\(decl.name)] = [\(names)]")
            writer.line()
            writer.line("/// True when the spec lists this value.")
            if decl.rawType == "String" {
                // By code points, as JSON does: Swift's `==` equates canonically equivalent strings ("ä" and "a\u{308}").
                writer.line("\(access) var isKnown: Bool { Self.knownValues.contains { $0.rawValue.unicodeScalars.elementsEqual(rawValue.unicodeScalars) } }")
            } else {
                writer.line("\(access) var isKnown: Bool { Self.knownValues.contains(self) }")
            }
            writer.line()
            writer.line("/// Reports a value the spec does not list (an `enum` violation).")
            writer.block("\(access) func validate(at pointer: String, into issues: inout [ValidationIssue])") { writer in
                writer.line("if !isKnown { issues.append(ValidationIssue(pointer: pointer, rule: \"enum\", message: \"\\(rawValue) is not one of the allowed values\")) }")
            }
        }
    }

    // MARK: One-of

    private func renderOneOf(_ decl: OneOfDecl, into writer: inout SwiftWriter) {
        writer.doc(decl.doc)
        writer.line("///")
        writer.line("/// One of several shapes; decoding tries them \(decl.discriminator != nil ? "by the discriminator, then " : "")in order.")
        writer.block("\(access) nonisolated indirect enum \(decl.name): Codable, Hashable, Sendable") { writer in
            for entry in decl.cases {
                writer.line("case \(SwiftNaming.escaped(entry.swiftName))(\(entry.shape.swiftType))")
            }
            writer.line()
            writer.block("\(access) init(from decoder: any Decoder) throws") { writer in
                if let discriminator = decl.discriminator, !decl.mapping.isEmpty {
                    writer.line("let tags = try decoder.container(keyedBy: SpecGenDynamicKey.self)")
                    writer.switchBlock("switch try tags.decodeIfPresent(String.self, forKey: SpecGenDynamicKey(\(SwiftSource.stringLiteral(discriminator))))") { writer in
                        for entry in decl.mapping {
                            let shape = decl.cases.first { $0.swiftName == entry.caseName }!.shape
                            writer.line("case \(SwiftSource.stringLiteral(entry.value))?: self = .\(SwiftNaming.escaped(entry.caseName))(try \(shape.swiftType)(from: decoder)); return")
                        }
                        writer.line("default: break")
                    }
                }
                writer.line("let container = try decoder.singleValueContainer()")
                renderVariantDecoding(decl, into: &writer)
                writer.line("throw DecodingError.dataCorruptedError(in: container, debugDescription: \"no variant of \(IdenticalTypes.nameInLiteral(decl.name)) matches\")")
            }
            writer.line()
            writer.block("\(access) func encode(to encoder: any Encoder) throws") { writer in
                writer.line("var container = encoder.singleValueContainer()")
                writer.switchBlock("switch self") { writer in
                    for entry in decl.cases {
                        writer.line("case .\(SwiftNaming.escaped(entry.swiftName))(let value): try container.encode(value)")
                    }
                }
            }
            writer.line()
            writer.line("/// Validates the variant held.")
            writer.block("\(access) func validate(at pointer: String, into issues: inout [ValidationIssue])") { writer in
                if !hasVariantRules(decl), decl.runtimeRules == nil {
                    writer.line("_ = pointer")
                    writer.line("_ = issues")
                } else if hasVariantRules(decl) {
                    writer.switchBlock("switch self") { writer in
                        for entry in decl.cases {
                            let statements = validation(entry.shape, value: "value", pointer: "pointer", depth: 0)
                            if statements.isEmpty {
                                writer.line("case .\(SwiftNaming.escaped(entry.swiftName)): break")
                            } else {
                                writer.line("case .\(SwiftNaming.escaped(entry.swiftName))(let value):")
                                writer.lines(statements.map { "    " + $0 })
                            }
                        }
                    }
                }
                if decl.runtimeRules != nil { writer.line("Self.specGenRules.check(encoding: self, at: pointer, into: &issues)") }
            }
            if let rules = decl.runtimeRules {
                writer.line()
                writer.line("/// The schema's rules the variants do not prove, checked on the value's JSON.")
                writer.line("private static let specGenRules = SpecGenSchema(\(SwiftSource.stringLiteral(rules)))")
            }
            if hasVariantRules(decl) {
                writer.line()
                writer.line("/// True when the variant held breaks none of its rules (decoding prefers such a variant).")
                writer.block("private var specGenFits: Bool") { writer in
                    writer.line("var issues: [ValidationIssue] = []")
                    writer.line("validate(at: \"\", into: &issues)")
                    writer.line("return issues.isEmpty")
                }
            }
            for nested in decl.nested {
                writer.line()
                render(nested, into: &writer)
            }
        }
    }

    private func hasVariantRules(_ decl: OneOfDecl) -> Bool {
        decl.cases.contains { !validation($0.shape, value: "value", pointer: "pointer", depth: 0).isEmpty }
    }

    /// Tries every variant in order. When some variant has rules, the first variant that decodes *and* keeps them
    /// wins, else the first that decodes: an open enum or a struct that ignores unknown members decodes almost
    /// anything, so "first that decodes" alone picks `{"type": "static", …}` as the `auto` variant.
    private func renderVariantDecoding(_ decl: OneOfDecl, into writer: inout SwiftWriter) {
        guard hasVariantRules(decl) else {
            for entry in decl.cases {
                writer.line("if let value = try? container.decode(\(entry.shape.swiftType).self) { self = .\(SwiftNaming.escaped(entry.swiftName))(value); return }")
            }
            return
        }
        writer.line("var firstDecoded: Self?")
        for entry in decl.cases {
            writer.block("if let value = try? container.decode(\(entry.shape.swiftType).self)") { writer in
                writer.line("let candidate = Self.\(SwiftNaming.escaped(entry.swiftName))(value)")
                writer.line("if candidate.specGenFits { self = candidate; return }")
                writer.line("firstDecoded = firstDecoded ?? candidate")
            }
        }
        writer.line("if let firstDecoded { self = firstDecoded; return }")
    }
}
