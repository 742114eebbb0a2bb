/// The shape of a value in generated Swift: which Swift type holds it and which rules validate it.
indirect enum Shape {
    case string(Schema)
    case integer(Schema)
    case number(Schema)
    case boolean
    /// A `date-time` string decoded into `Date` (only at property level).
    case date
    /// A declared type (struct, open enum, one-of enum) that validates itself.
    case named(String)
    /// A component alias (`typealias UserId = String`) whose rules come from the underlying shape.
    case alias(String, Shape)
    case array(Shape, Schema)
    case map(Shape, Schema)
    /// An array element or map value that may be `null` (`items: {type: [string, null]}`): `T?`.
    case orNull(Shape)
    case json

    var swiftType: String {
        switch self {
        case .string: "String"
        case .integer: "Int"
        case .number: "Double"
        case .boolean: "Bool"
        case .date: "Date"
        case .named(let name), .alias(let name, _): name
        case .array(let element, _): "[\(element.swiftType)]"
        case .map(let value, _): "[String: \(value.swiftType)]"
        case .orNull(let wrapped): "\(wrapped.swiftType)?"
        case .json: "JSONValue"
        }
    }
}

extension Shape {
    /// This shape with every declared type name passed through `rename` (through aliases, arrays and maps).
    func renamingTypes(_ rename: (String) -> String) -> Shape {
        switch self {
        case .named(let name): .named(rename(name))
        case .alias(let name, let underlying): .alias(name, underlying.renamingTypes(rename))
        case .array(let element, let schema): .array(element.renamingTypes(rename), schema)
        case .map(let value, let schema): .map(value.renamingTypes(rename), schema)
        case .orNull(let wrapped): .orNull(wrapped.renamingTypes(rename))
        case .string, .integer, .number, .boolean, .date, .json: self
        }
    }
}

/// How a property is present in JSON and held in Swift.
enum PropertyMode {
    /// Must be present, never null: `T`.
    case required
    /// May be absent, never null: `T?`.
    case optional
    /// May be absent, null or a value: `Nullable<T>` (three states).
    case nullable
    /// Must be present, may be null: `T?` where nil encodes `null`.
    case requiredNullable
}

struct PropertyDecl {
    var jsonName: String
    var swiftName: String
    var shape: Shape
    var mode: PropertyMode
    var doc: String?
    /// Held behind a reference (`@SpecGenIndirect`) because the struct would otherwise contain itself.
    var indirect = false
    /// For a member held as `JSONValue`: the schema whose rules `validate()` checks on the JSON value.
    var jsonRules: Schema?
    /// Rules the Swift type does not hold, as `RuntimeSchema` text, checked at run time on the member's JSON.
    var runtimeRules: String?
}

/// Cross-field rules on an object.
struct ObjectRules {
    /// `dependentRequired`: when `name` is present, `requires` must be too.
    var dependentRequired: [(name: String, requires: [String])] = []
    /// `not: {required: [...]}`: these names must not all be present; message from the rule's description.
    var forbiddenCombinations: [(names: [String], message: String?)] = []
    var minProperties: Int?
    var maxProperties: Int?
    /// `anyOf`/`oneOf` whose branches only list `required` names: at least one (`oneOf`: exactly one) set present.
    var requiredAlternatives: [(sets: [[String]], exactlyOne: Bool)] = []

    var isEmpty: Bool {
        dependentRequired.isEmpty && forbiddenCombinations.isEmpty && minProperties == nil && maxProperties == nil && requiredAlternatives.isEmpty
    }
}

struct StructDecl {
    var name: String
    var doc: String?
    var properties: [PropertyDecl]
    /// The shape of captured extra members, or nil when extra members are ignored.
    var additional: Shape?
    /// `additionalProperties: false` (and no `patternProperties`): members the schema does not name are reported.
    var rejectsUnnamed = false
    var rules: ObjectRules
    /// Rules of the object the struct does not hold (`patternProperties`, `dependentSchemas`, `not`, `oneOf`…), as
    /// `RuntimeSchema` text checked at run time on the value's JSON encoding.
    var runtimeRules: String? = nil
    var nested: [Decl]
}

struct EnumDecl {
    var name: String
    var doc: String?
    /// `String`, `Int`, `Double` or `Bool`.
    var rawType: String
    var cases: [(swiftName: String, value: JSONValue)]
}

struct OneOfDecl {
    var name: String
    var doc: String?
    var cases: [(swiftName: String, shape: Shape)]
    var discriminator: String?
    /// Discriminator value → case name.
    var mapping: [(value: String, caseName: String)]
    var nested: [Decl]
    /// The whole schema as `RuntimeSchema` text when decoding into a variant does not prove it: `oneOf`'s "exactly
    /// one", keywords beside the branches, branches held as `JSONValue`.
    var runtimeRules: String? = nil
}

struct AliasDecl {
    var name: String
    var doc: String?
    var shape: Shape
    /// Declarations the aliased shape needs (`typealias Pets = [PetsItem]` and `struct PetsItem`), rendered at
    /// top level beside the typealias.
    var nested: [Decl] = []
}

/// One generated declaration.
enum Decl {
    case structure(StructDecl)
    case openEnum(EnumDecl)
    case oneOf(OneOfDecl)
    case alias(AliasDecl)

    var name: String {
        switch self {
        case .structure(let decl): decl.name
        case .openEnum(let decl): decl.name
        case .oneOf(let decl): decl.name
        case .alias(let decl): decl.name
        }
    }

    var doc: String? {
        switch self {
        case .structure(let decl): decl.doc
        case .openEnum(let decl): decl.doc
        case .oneOf(let decl): decl.doc
        case .alias(let decl): decl.doc
        }
    }

    /// Replaces every shape this declaration and its nested declarations hold by `transform(shape)`.
    mutating func mapShapes(_ transform: (Shape) -> Shape) {
        switch self {
        case .structure(var structure):
            for index in structure.properties.indices { structure.properties[index].shape = transform(structure.properties[index].shape) }
            structure.additional = structure.additional.map(transform)
            for index in structure.nested.indices { structure.nested[index].mapShapes(transform) }
            self = .structure(structure)
        case .oneOf(var oneOf):
            oneOf.cases = oneOf.cases.map { ($0.swiftName, transform($0.shape)) }
            for index in oneOf.nested.indices { oneOf.nested[index].mapShapes(transform) }
            self = .oneOf(oneOf)
        case .alias(var alias):
            alias.shape = transform(alias.shape)
            for index in alias.nested.indices { alias.nested[index].mapShapes(transform) }
            self = .alias(alias)
        case .openEnum:
            break
        }
    }
}

/// Structs that contain themselves by value (`Node.parent: Node?`, or `A.b: B?` with `B.a: A?`) have infinite
/// size in Swift. Every property whose type is a component struct that can reach the property's own struct
/// again by value is marked `indirect`; arrays, dictionaries and one-of enums (`indirect enum`) already
/// break cycles. Inline schemas are trees, so every cycle enters a component somewhere and is cut there.
enum RecursionBreaker {
    typealias Scope = (path: String, nested: [Decl])

    static func mark(_ decls: inout [Decl]) {
        var components: [String: Decl] = [:]
        for decl in decls { components[decl.name] = decl }
        /// The struct a shape holds by value (components by name, nested ones by dotted path), through aliases.
        func target(_ shape: Shape, scopes: [Scope]) -> String? {
            switch shape {
            case .alias(_, let underlying): return target(underlying, scopes: scopes)
            case .named(let name): return resolve(name, scopes: scopes)
            default: return nil
            }
        }
        func resolve(_ name: String, scopes: [Scope]) -> String? {
            for scope in scopes.reversed() {
                guard let decl = scope.nested.first(where: { $0.name == name }) else { continue }
                if case .structure = decl { return scope.path + "." + name }
                if case .alias(let alias) = decl { return target(alias.shape, scopes: scopes) }
                return nil
            }
            switch components[name] {
            case .structure: return name
            case .alias(let alias): return target(alias.shape, scopes: [])
            default: return nil
            }
        }
        // Each property's by-value target, per struct, in one walk; the edges are read from them.
        var targets: [String: [String?]] = [:]
        var copy = decls  // the walk takes its declarations inout; this pass only reads them
        for index in copy.indices {
            visitStructs(&copy[index], path: copy[index].name, scopes: []) { structure, path, scopes in
                targets[path] = structure.properties.map { target($0.shape, scopes: scopes) }
            }
        }
        var reachCache: [String: Set<String>] = [:]
        func reachable(from start: String) -> Set<String> {
            if let cached = reachCache[start] { return cached }
            var seen: Set<String> = [start]
            var pending = [start]
            while let node = pending.popLast() {
                for case let next? in targets[node] ?? [] where seen.insert(next).inserted { pending.append(next) }
            }
            reachCache[start] = seen
            return seen
        }
        for index in decls.indices {
            visitStructs(&decls[index], path: decls[index].name, scopes: []) { structure, path, _ in
                for (property, to) in zip(structure.properties.indices, targets[path] ?? []) {
                    if let to, components[to] != nil, reachable(from: to).contains(path) { structure.properties[property].indirect = true }
                }
            }
        }
    }

    /// Calls `body` for every struct in `decl` and its nested declarations, with its dotted path and the
    /// scopes (innermost last) its type names resolve in.
    private static func visitStructs(_ decl: inout Decl, path: String, scopes: [Scope], _ body: (inout StructDecl, String, [Scope]) -> Void) {
        switch decl {
        case .structure(var structure):
            let inner = scopes + [(path, structure.nested)]
            body(&structure, path, inner)
            for index in structure.nested.indices {
                visitStructs(&structure.nested[index], path: path + "." + structure.nested[index].name, scopes: inner, body)
            }
            decl = .structure(structure)
        case .oneOf(var oneOf):
            let inner = scopes + [(path, oneOf.nested)]
            for index in oneOf.nested.indices {
                visitStructs(&oneOf.nested[index], path: path + "." + oneOf.nested[index].name, scopes: inner, body)
            }
            decl = .oneOf(oneOf)
        case .openEnum, .alias:
            break
        }
    }
}
