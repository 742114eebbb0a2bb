/// The SDK `specgen generate` would write for one side of a diff, as declarations instead of files: the
/// component declarations after identical types are merged, the operation declarations and the client's
/// source. `SwiftTypesEmitter.emit` takes the same steps and then renders every file; the diff needs only
/// the declaration lines (`SwiftSurface(_:)`), so type bodies, validation and request builders are never
/// rendered. `DiffTests` checks that this surface equals the one read from the rendered files.
struct DeclaredSDK {
    var access: String
    /// Component declarations in component order, identical ones merged (their references renamed).
    var components: [Decl]
    /// Merged component name → the name of the type it is a typealias of.
    var merged: [String: String]
    var operations: [OperationDecl]
    /// `Operations/APIClient.swift`, nil when there are no operations (no client is generated then).
    var clientSource: String?
    /// Component key → Swift type name.
    var componentNames: [String: String]

    /// The steps of `SwiftTypesEmitter.emit` up to rendering (`SwiftTypesEmitter.declarations`), on the same data.
    init(_ api: APIDocument, components keys: [String], operations: [Operation], options: SwiftOptions, specName: String) {
        var operationDecls: [OperationDecl]?
        let declared = SwiftTypesEmitter.declarations(api, components: keys, options: options, specName: specName) { emitter in
            operationDecls = emitter.declarations(operations)
        }
        access = options.access
        components = declared.decls
        merged = declared.merged
        self.operations = operationDecls ?? declared.operationsEmitter.declarations(operations)
        clientSource = operations.isEmpty ? nil : ClientEmitter(api: api, access: options.access, specName: specName).source()
        componentNames = declared.builder.componentNames
    }

    /// Operation id → the Swift type name of its input (`Operations.<Name>`).
    var operationTypeNames: [String: String] {
        Dictionary(operations.map { ($0.operationID, $0.typeName) }, uniquingKeysWith: { _, last in last })
    }
}

extension SwiftSurface {
    /// The surface of `sdk`, file by file in the order `emit` writes them: every declaration line the renderers
    /// write (`TypeRenderer`, `OperationRenderer`) is built from the declaration and read by `declare`, as the
    /// rendered line would be; the client file, the same for every SDK of an API, is rendered and read.
    init(_ sdk: DeclaredSDK) {
        let access = sdk.access
        for decl in sdk.components {
            let file = "Swift/Types/\(decl.name).swift"
            if let kept = sdk.merged[decl.name] {
                _ = declare("\(access) typealias \(decl.name) = \(kept)", owner: "", inEnum: false, file: file)
            } else {
                declareType(decl, owner: "", file: file)
            }
        }
        if let client = sdk.clientSource { read(client, file: "Swift/Operations/APIClient.swift") }
        for operation in sdk.operations { declareOperation(operation, access: access) }
    }

    /// The lines `TypeRenderer.render` writes for `decl` that `declare` reads (declarations with an access word,
    /// cases); `owner` is the enclosing type's path.
    private mutating func declareType(_ decl: Decl, owner: String, file: String) {
        let access = "public"
        switch decl {
        case .structure(let structure):
            // `public nonisolated struct Name: Codable, Hashable, Sendable`, recorded as `declare` reads it.
            let path = declareTypeName(structure.name, keyword: "struct", owner: owner, file: file)
            var parameters: [Parameter] = []
            for property in structure.properties {
                let name = SwiftNaming.escaped(property.swiftName)
                let type = switch property.mode {
                case .required: property.shape.swiftType
                case .optional, .requiredNullable: property.shape.swiftType + "?"
                case .nullable: "Nullable<\(property.shape.swiftType)>"
                }
                declareProperty(name, type: type, owner: path, file: file)
                // `name: Type = default` as `splitParameters` reads it: the label without backticks.
                let defaulted = switch property.mode {
                case .optional, .nullable: true
                case .required, .requiredNullable: false
                }
                parameters.append(Parameter(label: String(Self.trimming(Substring(name), "`")), type: type, defaulted: defaulted))
            }
            if let additional = structure.additional {
                declareProperty("additionalProperties", type: "[String: \(additional.swiftType)]", owner: path, file: file)
                parameters.append(Parameter(label: "additionalProperties", type: "[String: \(additional.swiftType)]", defaulted: true))
            }
            addInitializer(owner: path, parameters: parameters, file: file)
            for nested in structure.nested { declareType(nested, owner: path, file: file) }
        case .openEnum(let enumeration):
            let literalLabel = switch enumeration.rawType {
            case "String": "stringLiteral"
            case "Bool": "booleanLiteral"
            case "Double": "floatLiteral"
            default: "integerLiteral"
            }
            // `public nonisolated struct Name: RawRepresentable`, its `rawValue`, two initializers and a
            // `public static let name = Name()` a case, recorded as `declare` reads those lines.
            let path = declareTypeName(enumeration.name, keyword: "struct", owner: owner, file: file)
            let rawType = enumeration.rawType
            declareProperty("rawValue", type: rawType, owner: path, file: file)
            addInitializer(owner: path, parameters: [Parameter(label: "rawValue", type: rawType, defaulted: false)], file: file)
            addInitializer(owner: path, parameters: [Parameter(label: literalLabel, type: rawType, defaulted: false)], file: file)
            for enumCase in enumeration.cases {
                let escaped = Substring(SwiftNaming.escaped(enumCase.swiftName))
                // `static let method`, `pathTemplate`, … start constant members, which `declare` skips.
                guard !Self.constantStaticNames.contains(where: { escaped.hasPrefix($0) }) else { continue }
                let memberPath = join(path, String(Self.trimming(Self.prefix(escaped, upTo: ": ="), "`")))
                symbols[memberPath] = Symbol(path: memberPath, kind: .staticMember, signature: "static", file: file)
            }
        case .oneOf(let oneOf):
            // `public nonisolated indirect enum Name: Codable, Hashable, Sendable` and its `case name(Type)` lines.
            let path = declareTypeName(oneOf.name, keyword: "enum", owner: owner, file: file)
            for entry in oneOf.cases {
                let casePath = join(path, SwiftNaming.escaped(entry.swiftName))
                symbols[casePath] = Symbol(path: casePath, kind: .enumCase, signature: "(\(entry.shape.swiftType))", file: file)
            }
            for nested in oneOf.nested { declareType(nested, owner: path, file: file) }
        case .alias(let alias):
            _ = declare("\(access) typealias \(alias.name) = \(alias.shape.swiftType)", owner: owner, inEnum: false, file: file)
            for nested in alias.nested { declareType(nested, owner: owner, file: file) }
        }
    }

    /// The names after `static let ` that make a line one of `constantMembers`.
    private static let constantStaticNames = constantMembers.compactMap { $0.hasPrefix("static let ") ? $0.dropFirst("static let ".count) : nil }

    /// A type declaration line (`… struct Name: …`, `… enum Name: …`) as `typeDeclaration` reads it: returns its path.
    private mutating func declareTypeName(_ name: String, keyword: String, owner: String, file: String) -> String {
        let path = join(owner, String(Self.typeName(Substring(name))))
        symbols[path] = Symbol(path: path, kind: .type, signature: keyword, file: file)
        return path
    }

    /// `public var name: Type`, recorded as `declare` reads that line, without building it: a property line is
    /// skipped only when it starts like a constant member (`var isKnown`), its path drops the name's backticks.
    private mutating func declareProperty(_ escapedName: String, type: String, owner: String, file: String) {
        guard !escapedName.hasPrefix("isKnown") else { return }
        let path = join(owner, String(Self.trimming(Substring(escapedName), "`")))
        symbols[path] = Symbol(path: path, kind: .property, signature: type, file: file)
    }

    /// The lines `OperationRenderer.source` writes for `decl` that `declare` reads.
    private mutating func declareOperation(_ decl: OperationDecl, access: String) {
        let file = "Swift/Operations/\(decl.typeName).swift"
        var selfReferences: [(name: String, type: String)] = []
        if decl.pagination?.pageType == "Page" { selfReferences.append(("Page", "Page")) }
        if decl.pagination?.itemType == "Item" { selfReferences.append(("Item", "Item")) }
        if decl.eventStream?.swiftType == "Event" { selfReferences.append(("Event", "Event")) }
        for (name, type) in selfReferences { _ = declare("\(access) typealias \(decl.typeName)\(name) = \(type)", owner: "", inEnum: false, file: file) }
        func aliasTarget(_ name: String, _ type: String) -> String { type == name ? decl.typeName + name : type }
        guard case .scope(let operations, _) = declare("nonisolated extension Operations {", owner: "", inEnum: false, file: file),
              case .scope(let path, _) = declare("\(access) struct \(decl.typeName): APIOperation {", owner: operations, inEnum: false, file: file) else { return }
        declareMembers(decl, owner: path, access: access, file: file)
        var lines: [String] = []
        if decl.pagination != nil {
            lines += ["\(access) typealias Page = \(aliasTarget("Page", decl.pagination!.pageType))", "\(access) typealias Item = \(aliasTarget("Item", decl.pagination!.itemType))",
                      "\(access) static func items(in page: Page) -> [Item] {", "\(access) func next(after page: Page, headers: [String: String]) -> Self? {"]
        }
        if let event = decl.eventStream { lines.append("\(access) typealias Event = \(aliasTarget("Event", event.swiftType))") }
        for line in lines { _ = declare(line, owner: path, inEnum: false, file: file) }
        if case .scope(let outputEnum, let isEnum) = declare("\(access) indirect enum Output: Sendable {", owner: path, inEnum: false, file: file) {
            for output in decl.outputs {
                var associated: [String] = []
                if output.carriesStatus { associated.append("statusCode: Int") }
                if let type = output.bodyType { associated.append(type) }
                _ = declare("case \(SwiftNaming.escaped(output.caseName))\(associated.isEmpty ? "" : "(" + associated.joined(separator: ", ") + ")")", owner: outputEnum, inEnum: isEnum, file: file)
            }
            _ = declare("case undocumented(statusCode: Int, body: Data)", owner: outputEnum, inEnum: isEnum, file: file)
        }
        if case .multipart(_, let name, let parts)? = decl.plan.body,
           case .scope(let form, _) = declare("\(access) struct \(name): Sendable {", owner: path, inEnum: false, file: file) {
            for part in parts { declareProperty(SwiftNaming.escaped(part.swiftName), type: part.swiftType + (part.required ? "" : "?"), owner: form, file: file) }
            let arguments = parts.map { "\(SwiftNaming.escaped($0.swiftName)): \($0.swiftType)\($0.required ? "" : "? = nil")" }
            _ = declare("\(access) init(\(arguments.joined(separator: ", "))) {", owner: form, inEnum: false, file: file)
            _ = declare("\(access) func multipart() -> SpecGenMultipart {", owner: form, inEnum: false, file: file)
        }
        for nested in decl.nested { declareType(nested, owner: path, file: file) }
        guard case .scope(let client, _) = declare("nonisolated extension APIClient {", owner: "", inEnum: false, file: file) else { return }
        var result = "Data"
        if case .json(let shape)? = decl.success?.payload { result = decl.qualified(shape) }
        _ = declare("\(access) func \(SwiftNaming.escaped(decl.methodName))(_ operation: Operations.\(decl.typeName)) async throws(APIError) -> \(result) {", owner: client, inEnum: false, file: file)
    }

    /// The input's stored members and its memberwise init (`OperationRenderer.renderMembers`).
    private mutating func declareMembers(_ decl: OperationDecl, owner path: String, access: String, file: String) {
        let plan = decl.plan
        for field in plan.fields {
            declareProperty(SwiftNaming.escaped(field.swiftName), type: field.shape.swiftType + (field.parameter.required ? "" : "?"), owner: path, file: file)
        }
        var parameters = plan.fields.map { "\(SwiftNaming.escaped($0.swiftName)): \($0.shape.swiftType)\($0.parameter.required ? "" : "? = nil")" }
        if let body = plan.body {
            declareProperty("body", type: body.swiftType + (plan.bodyRequired ? "" : "?"), owner: path, file: file)
            parameters.append("body: \(body.swiftType)\(plan.bodyRequired ? "" : "? = nil")")
        }
        if !plan.alternatives.isEmpty {
            declareProperty("bodyMediaType", type: "BodyMediaType", owner: path, file: file)
            parameters.append("bodyMediaType: BodyMediaType = .json")
        }
        _ = declare("\(access) init(\(parameters.joined(separator: ", "))) {", owner: path, inEnum: false, file: file)
        if let body = plan.body, !plan.alternatives.isEmpty,
           case .scope(let media, let isEnum) = declare("\(access) enum BodyMediaType: String, Sendable, CaseIterable {", owner: path, inEnum: false, file: file) {
            _ = declare("case json = \(SwiftSource.stringLiteral(body.mediaType))", owner: media, inEnum: isEnum, file: file)
            for alternative in plan.alternatives {
                _ = declare("case \(alternative.caseName) = \(SwiftSource.stringLiteral(alternative.mediaType))", owner: media, inEnum: isEnum, file: file)
            }
        }
    }
}
