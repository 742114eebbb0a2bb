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
        case .json: "JSONValue"
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
}

/// Cross-field rules on an object.
struct ObjectRules {
    /// `dependentRequired`: when `name` is present, `requires` must be too.
    var dependentRequired: [(name: String, requires: [String])] = []
    /// `not: {required: [...]}`: these names must not all be present; message from the rule's description.
    var forbiddenCombinations: [(names: [String], message: String?)] = []
    var minProperties: Int?
    var maxProperties: Int?

    var isEmpty: Bool { dependentRequired.isEmpty && forbiddenCombinations.isEmpty && minProperties == nil && maxProperties == nil }
}

struct StructDecl {
    var name: String
    var doc: String?
    var properties: [PropertyDecl]
    /// The shape of captured extra members, or nil when extra members are ignored.
    var additional: Shape?
    var rules: ObjectRules
    var nested: [Decl]
}

struct EnumDecl {
    var name: String
    var doc: String?
    /// `String` or `Int`.
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
}

struct AliasDecl {
    var name: String
    var doc: String?
    var shape: Shape
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
}
