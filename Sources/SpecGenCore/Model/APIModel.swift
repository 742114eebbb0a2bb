/// The JSON Schema primitive types a schema may allow.
public enum JSONType: String, Sendable, Hashable, CaseIterable, Comparable {
    case null, boolean, object, array, number, integer, string

    public static func < (lhs: JSONType, rhs: JSONType) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a schema says about members not named in `properties`.
public enum AdditionalProperties: Sendable {
    /// Any extra member is allowed (absent, `true` or `{}`).
    case allowed
    /// No extra member is allowed (`false`).
    case forbidden
    /// Extra members must match this schema.
    case schema(Schema)
}

/// One schema of the API model, read from an OpenAPI 3.0/3.1 (or Swagger 2.0) document.
///
/// A `$ref` stays a reference (`ref`) so recursive schemas need no special handling; `APIDocument`
/// resolves it. `default` and `example` are kept for documentation only.
public final class Schema: @unchecked Sendable {
    /// Where the schema is written (pointer into the source document) and its byte offset.
    public var pointer: JSONPointer
    public var offset: Int
    /// The target of a `$ref`: a component name when it points at `#/components/schemas/<name>`,
    /// otherwise the pointer text.
    public var ref: String?
    public var title: String?
    public var description: String?
    /// nil when the schema does not restrict the type.
    public var types: Set<JSONType>?
    public var format: String?
    public var properties: [(name: String, schema: Schema)] = []
    public var required: [String] = []
    public var additionalProperties: AdditionalProperties = .allowed
    /// True when `additionalProperties` was written explicitly (rather than defaulted).
    public var additionalPropertiesExplicit = false
    public var items: Schema?
    /// 2020-12 `prefixItems` (draft 4 `items: [...]`): schemas for the first elements, by position; `items`
    /// then applies to the elements after them.
    public var prefixItems: [Schema] = []
    /// `patternProperties`: members whose name matches the ECMA-262 pattern must match the schema.
    public var patternProperties: [(pattern: String, schema: Schema)] = []
    /// `dependentSchemas` (draft 4 `dependencies` with a schema): when the member is present, the whole object
    /// must also match the schema.
    public var dependentSchemas: [(name: String, schema: Schema)] = []
    public var enumValues: [JSONValue]?
    public var constValue: JSONValue?
    public var allOf: [Schema] = []
    public var oneOf: [Schema] = []
    public var anyOf: [Schema] = []
    public var not: Schema?
    public var dependentRequired: [(name: String, requires: [String])] = []
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var exclusiveMaximum: Double?
    public var multipleOf: Double?
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems = false
    public var minProperties: Int?
    public var maxProperties: Int?
    /// OpenAPI 3.0 `nullable: true` (also folded into `types` when a type is given).
    public var nullable = false
    public var readOnly = false
    public var writeOnly = false
    public var deprecated = false
    public var defaultValue: JSONValue?
    public var example: JSONValue?
    public var discriminatorProperty: String?
    public var discriminatorMapping: [(value: String, ref: String)] = []
    /// True for a schema that is literally `true` or `{}`: anything goes.
    public var isAnything = false
    /// True for the schema `false`: nothing is valid.
    public var isNothing = false

    public init(pointer: JSONPointer, offset: Int) {
        self.pointer = pointer
        self.offset = offset
    }

    /// True when `null` is an allowed value (3.1 type arrays with "null", 3.0 `nullable: true`, enum containing null).
    public var allowsNull: Bool {
        if nullable { return true }
        if let types { return types.contains(.null) }
        if let enumValues { return enumValues.contains(where: \.isNull) }
        return false
    }

    /// The allowed types other than `null`.
    public var nonNullTypes: Set<JSONType>? { types.map { $0.subtracting([.null]) } }

    /// True when the schema is only a `$ref` with, at most, annotations beside it.
    public var isPureReference: Bool {
        ref != nil && types == nil && properties.isEmpty && allOf.isEmpty && oneOf.isEmpty && anyOf.isEmpty && items == nil && prefixItems.isEmpty && enumValues == nil && constValue == nil && not == nil
    }
}

/// Where a parameter goes.
public enum ParameterLocation: String, Sendable, Hashable {
    case path, query, header, cookie
}

/// One operation parameter.
public struct Parameter: Sendable {
    public var name: String
    public var location: ParameterLocation
    public var description: String?
    public var required: Bool
    public var deprecated: Bool
    public var schema: Schema?
    public var style: String?
    public var explode: Bool?
    public var example: JSONValue?
    public var pointer: JSONPointer
    /// `allowReserved`: reserved characters are sent unencoded in a query value.
    public var allowReserved = false
    /// The media type of a parameter described with `content` instead of `schema` (its value is sent as that text).
    public var contentMediaType: String? = nil

    /// The style in effect: the given one, else `form` for query and cookie, `simple` for path and header.
    public var effectiveStyle: String { style ?? (location == .query || location == .cookie ? "form" : "simple") }
    /// `explode` in effect: the given value, else true exactly for `form`.
    public var effectiveExplode: Bool { explode ?? (effectiveStyle == "form") }
}

/// A body in one media type.
public struct MediaContent: Sendable {
    public var mediaType: String
    public var schema: Schema?
    public var example: JSONValue?
    /// The Encoding Object of a form or multipart body, by property name.
    public var encoding: [String: PropertyEncoding] = [:]
}

/// How one property of a form or multipart body is written (OpenAPI's Encoding Object).
public struct PropertyEncoding: Sendable, Hashable {
    public var contentType: String?
    public var style: String?
    public var explode: Bool?
    public var allowReserved = false
    /// Part headers other than `Content-Type`, by name (their documented values are not known, only the names).
    public var headers: [String] = []
}

/// An operation's request body.
public struct RequestBodyModel: Sendable {
    public var description: String?
    public var required: Bool
    public var content: [MediaContent]
    public var pointer: JSONPointer

    /// The JSON media type, if any (`application/json` or `+json`).
    public var json: MediaContent? {
        content.first { MediaTypes.isJSON($0.mediaType) }
    }
}

/// One response of an operation.
public struct ResponseModel: Sendable {
    /// `200`, `4XX`, `default`.
    public var status: String
    public var description: String?
    public var content: [MediaContent]
    public var headers: [(name: String, description: String?, schema: Schema?)]
    public var pointer: JSONPointer

    public var json: MediaContent? {
        content.first { MediaTypes.isJSON($0.mediaType) }
    }
}

/// One HTTP operation.
public struct Operation: Sendable {
    /// The `operationId`, or one made from method and path when the document has none.
    public var id: String
    public var method: String
    public var path: String
    public var summary: String?
    public var description: String?
    public var tags: [String]
    public var parameters: [Parameter]
    public var requestBody: RequestBodyModel?
    public var responses: [ResponseModel]
    public var deprecated: Bool
    /// Names of security schemes that apply (first alternative).
    public var security: [String]
    public var pointer: JSONPointer
    /// The security requirement alternatives (the operation's own, else the document's): any one of them,
    /// each naming schemes that must all be satisfied. `[]` means none is needed, an empty alternative
    /// (`{}`) that credentials are optional.
    public var securityRequirements: [[String]] = []
}

/// A server URL with its variables.
public struct Server: Sendable {
    public var url: String
    public var description: String?
    public var variables: [(name: String, defaultValue: String, description: String?, enumValues: [String])]
}

/// A security scheme (the kinds request builders support).
public struct SecurityScheme: Sendable {
    public enum Kind: Sendable, Hashable {
        case bearer
        case basic
        case apiKey(name: String, location: ParameterLocation)
        case oauth2
        case openIdConnect
        case other(String)
    }

    public var name: String
    public var kind: Kind
    public var description: String?
}

/// The whole API description in SpecGen's model.
public struct APIDocument: Sendable {
    public var source: JSONDocument
    /// `3.1.0`, `3.0.3` or `2.0`.
    public var version: String
    public var title: String
    public var apiVersion: String
    public var description: String?
    public var servers: [Server]
    public var operations: [Operation]
    /// `components.schemas` (or Swagger `definitions`) in document order.
    public var schemas: [(name: String, schema: Schema)]
    public var schemaIndex: [String: Schema]
    public var securitySchemes: [SecurityScheme]
    /// Anonymous schemas reached through `$ref`s that are not component names (keyed by pointer text).
    public var referencedSchemas: [String: Schema]

    /// The schema a reference names, or nil when dangling.
    public func resolve(_ ref: String) -> Schema? {
        schemaIndex[ref] ?? referencedSchemas[ref]
    }

    /// Follows `$ref` chains until a schema with content (the reader already rejected cycles).
    public func dereference(_ schema: Schema) -> Schema {
        var current = schema
        var seen = 0
        while current.isPureReference, let ref = current.ref, let target = resolve(ref), seen < 64 {
            current = target
            seen += 1
        }
        return current
    }

    /// The operation with this id.
    public func operation(id: String) -> Operation? { operations.first { $0.id == id } }

    /// The location of a pointer in the source document.
    public func location(of pointer: JSONPointer) -> SourceLocation? {
        source.node(at: pointer).flatMap(source.location(of:))
    }
}

/// Media type helpers.
public enum MediaTypes {
    /// The type without parameters, lower-cased (`Multipart/Form-Data; boundary=x` → `multipart/form-data`).
    public static func base(_ mediaType: String) -> String {
        mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: " ").lowercased() } ?? ""
    }

    /// `application/json`, `application/problem+json`, `text/json`, with or without parameters.
    public static func isJSON(_ mediaType: String) -> Bool {
        let base = base(mediaType)
        return base == "application/json" || base.hasSuffix("+json") || base == "text/json"
    }
}

extension StringProtocol {
    /// Trims the given characters from both ends (no Foundation needed).
    func trimmingCharacters(in set: String) -> String {
        let characters = Set(set)
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
