/// What an operation's input holds and how `makeRequest` puts it on the wire: parameters by their OpenAPI
/// style, and the request body typed by the media type chosen for it.
struct RequestPlan {
    /// One parameter of the operation and its Swift member.
    struct Field {
        var parameter: Parameter
        var swiftName: String
        var shape: Shape
    }

    /// One part of a `multipart/form-data` body.
    struct Part {
        var name: String
        var swiftName: String
        /// The Swift type: `SpecGenFile` / `[SpecGenFile]` for binary strings, else the schema's shape.
        var swiftType: String
        var isFile: Bool
        var isFileArray: Bool
        var required: Bool
        var description: String?
        var encoding: PropertyEncoding?
    }

    /// The request body by media type: JSON and `+json` (Codable), form (Codable, written by the Encoding
    /// Object), multipart (typed parts), text (`String`), anything else (`Data`).
    enum Body {
        case json(mediaType: String, shape: Shape)
        case form(mediaType: String, shape: Shape, encoding: [String: PropertyEncoding])
        case multipart(mediaType: String, typeName: String, parts: [Part])
        case text(mediaType: String)
        case binary(mediaType: String)

        var mediaType: String {
            switch self {
            case .json(let type, _), .form(let type, _, _), .multipart(let type, _, _), .text(let type), .binary(let type): type
            }
        }

        var swiftType: String {
            switch self {
            case .json(_, let shape), .form(_, let shape, _): shape.swiftType
            case .multipart(_, let name, _): name
            case .text: "String"
            case .binary: "Data"
            }
        }
    }

    var fields: [Field]
    var body: Body?
    var bodyRequired: Bool
    /// Other media types the spec accepts for the same body schema (a JSON body that may also go as a form):
    /// the caller picks one with `bodyMediaType`; JSON stays the default.
    var alternatives: [Alternative] = []

    /// One more way to send the same body.
    struct Alternative {
        var caseName: String
        var mediaType: String
        var encoding: [String: PropertyEncoding]
    }

    /// The form media types whose schema is the chosen JSON body's own (`$ref` to the same component, or the
    /// same schema object), in the spec's order. Not offered when a member is an object or holds objects and the
    /// form's `encoding` does not say how to write it: the default form style would flatten it into its parent's
    /// names, which the server cannot tell apart (`scripts/wire-conformance` found Auth0's forms refused so).
    static func alternatives(to chosen: MediaContent, in content: [MediaContent], api: APIDocument) -> [Alternative] {
        guard MediaTypes.isJSON(chosen.mediaType), let schema = chosen.schema else { return [] }
        return content.compactMap { other in
            guard MediaTypes.base(other.mediaType) == "application/x-www-form-urlencoded", let otherSchema = other.schema else { return nil }
            let same = (schema.ref != nil && schema.ref == otherSchema.ref) || schema.pointer == otherSchema.pointer
            guard same, isFlat(schema, encoding: other.encoding, api: api) else { return nil }
            return Alternative(caseName: "form", mediaType: other.mediaType, encoding: other.encoding)
        }.prefix(1).map { $0 }
    }

    /// True when every member of an object schema is a scalar or an array of scalars, or has an Encoding Object
    /// with its own `style`.
    static func isFlat(_ schema: Schema, encoding: [String: PropertyEncoding], api: APIDocument) -> Bool {
        // A body that is one of several shapes: the server cannot tell from flat names which one it got.
        let body = api.dereference(schema)
        if !body.oneOf.isEmpty || !body.anyOf.isEmpty { return false }
        let parts = api.objectParts(of: schema)
        func holdsObjects(_ member: Schema, depth: Int) -> Bool {
            let target = api.dereference(member)
            if target.types?.contains(.object) == true || !target.properties.isEmpty || !target.allOf.isEmpty { return true }
            if !target.oneOf.isEmpty || !target.anyOf.isEmpty { return (target.oneOf + target.anyOf).contains { depth < 4 && holdsObjects($0, depth: depth + 1) } }
            if let items = target.items { return depth < 4 && holdsObjects(items, depth: depth + 1) }
            return target.types == nil && target.enumValues == nil && target.constValue == nil && target.format == nil
        }
        return parts.properties.allSatisfy { property in encoding[property.name]?.style != nil || !holdsObjects(property.schema, depth: 0) }
    }

    /// The media types SpecGen can type, in the order it prefers them when a body offers several.
    static func chooseContent(_ content: [MediaContent]) -> MediaContent? {
        return content.first { MediaTypes.isJSON($0.mediaType) && $0.schema != nil }
            ?? content.first { MediaTypes.base($0.mediaType) == "application/x-www-form-urlencoded" && $0.schema != nil }
            ?? content.first { MediaTypes.base($0.mediaType) == "multipart/form-data" && $0.schema != nil }
            ?? content.first
    }

    /// True when a schema is a file in a multipart body (`type: string, format: binary`).
    static func isBinary(_ schema: Schema, api: APIDocument) -> Bool {
        let target = api.dereference(schema)
        return target.format == "binary" && (target.nonNullTypes ?? [.string]).contains(.string)
    }

    static func body(for content: MediaContent, builder: TypeBuilder, api: APIDocument, nested: inout [Decl], namer: inout UniqueNamer) -> Body {
        let type = content.mediaType
        let base = MediaTypes.base(type)
        guard let schema = content.schema else { return base.hasPrefix("text/") ? .text(mediaType: type) : .binary(mediaType: type) }
        if MediaTypes.isJSON(type) { return .json(mediaType: type, shape: builder.shape(for: schema, hint: "Body", nested: &nested, namer: &namer)) }
        if base == "application/x-www-form-urlencoded" {
            return .form(mediaType: type, shape: builder.shape(for: schema, hint: "Body", nested: &nested, namer: &namer), encoding: content.encoding)
        }
        if base == "multipart/form-data" {
            let parts = api.objectParts(of: schema)
            var partNamer = UniqueNamer(reserved: ["init", "multipart", "self", "Type"])
            let typeName = namer.claim("Form")
            let required = Set(parts.required)
            let members = parts.properties.map { property -> Part in
                let target = api.dereference(property.schema)
                let isFile = isBinary(property.schema, api: api)
                let isFileArray = !isFile && target.items.map { isBinary($0, api: api) } == true
                let swiftType = isFile ? "SpecGenFile" : isFileArray ? "[SpecGenFile]"
                    : builder.shape(for: property.schema, hint: SwiftNaming.upperCamel(property.name), nested: &nested, namer: &namer).swiftType
                return Part(name: property.name, swiftName: partNamer.claim(SwiftNaming.lowerCamel(property.name)), swiftType: swiftType,
                            isFile: isFile, isFileArray: isFileArray, required: required.contains(property.name),
                            description: property.schema.description ?? target.description, encoding: content.encoding[property.name])
            }
            return .multipart(mediaType: type, typeName: typeName, parts: members)
        }
        if base.hasPrefix("text/") { return .text(mediaType: type) }
        return .binary(mediaType: type)
    }

    // MARK: Statements of makeRequest

    /// `path += …` for the path template, parameters serialized by their style.
    func pathStatements(_ template: String) -> [String] {
        var lines = ["var path = \"\""]
        for segment in OperationsEmitter.pathSegments(template) {
            switch segment {
            case .literal(let literal): lines.append("path += \(SwiftSource.stringLiteral(OperationsEmitter.encodePathLiteral(literal)))")
            case .parameter(let name):
                guard let field = fields.first(where: { $0.parameter.location == .path && $0.parameter.name == name }) else {
                    lines.append("path += SpecGenStyle.encode(\(SwiftSource.stringLiteral("{" + name + "}")))")
                    continue
                }
                let call = { (value: String) in
                    "SpecGenStyle.path(\(SwiftSource.stringLiteral(name)), \(wireValue(field, value)), style: \(SwiftSource.stringLiteral(field.parameter.effectiveStyle)), explode: \(field.parameter.effectiveExplode))"
                }
                lines.append(field.parameter.required ? "path += \(call("self.\(field.swiftName)"))" : "path += self.\(field.swiftName).map { \(call("$0")) } ?? \"\"")
            }
        }
        return lines
    }

    /// The wire value of a parameter: its JSON text for `content` parameters, else the value itself.
    func wireValue(_ field: Field, _ expression: String) -> String {
        field.parameter.contentMediaType == nil ? "SpecGenWireValue.of(\(expression))" : "SpecGenWireValue.primitive(SpecGenWireValue.of(\(expression)).jsonText)"
    }

    /// Statements that fill `query`, `cookies` and headers.
    func parameterStatements(location: ParameterLocation) -> [String] {
        var lines: [String] = []
        for field in fields where field.parameter.location == location {
            let parameter = field.parameter
            let name = SwiftSource.stringLiteral(parameter.name)
            let value = parameter.required ? "self.\(field.swiftName)" : "value"
            let statement: String
            switch location {
            case .query:
                statement = "query += SpecGenStyle.query(\(name), \(wireValue(field, value)), style: \(SwiftSource.stringLiteral(parameter.effectiveStyle)), explode: \(parameter.effectiveExplode), allowReserved: \(parameter.allowReserved))"
            case .cookie:
                statement = "cookies += SpecGenStyle.cookie(\(name), \(wireValue(field, value)), explode: \(parameter.effectiveExplode))"
            case .header:
                statement = "request.setValue(SpecGenStyle.header(\(wireValue(field, value)), explode: \(parameter.effectiveExplode)), forHTTPHeaderField: \(name))"
            case .path:
                continue
            }
            lines.append(parameter.required ? statement : "if let value = self.\(field.swiftName) { \(statement) }")
        }
        return lines
    }

    /// Statements that set the body and its `Content-Type`.
    func bodyStatements() -> [String] {
        guard let body else { return [] }
        let value = bodyRequired ? "self.body" : "body"
        let type = SwiftSource.stringLiteral(body.mediaType)
        var lines: [String]
        switch body {
        case .json:
            lines = ["request.httpBody = try client.encoder.encode(\(value))", "request.setValue(\(type), forHTTPHeaderField: \"Content-Type\")"]
        case .form(let mediaType, _, let rules):
            lines = Self.formStatements(value, mediaType: mediaType, encoding: rules)
        case .multipart:
            lines = ["let multipart = \(value).multipart()", "request.httpBody = multipart.data", "request.setValue(multipart.contentType, forHTTPHeaderField: \"Content-Type\")"]
        case .text:
            lines = ["request.httpBody = Data(\(value).utf8)", "request.setValue(\(type), forHTTPHeaderField: \"Content-Type\")"]
        case .binary:
            lines = ["request.httpBody = \(value)", "request.setValue(\(type), forHTTPHeaderField: \"Content-Type\")"]
        }
        if !alternatives.isEmpty {
            var choice = ["switch bodyMediaType {", "case .json:"] + lines.map { "    " + $0 }
            for alternative in alternatives {
                choice += ["case .\(alternative.caseName):"] + Self.formStatements(value, mediaType: alternative.mediaType, encoding: alternative.encoding).map { "    " + $0 }
            }
            lines = choice + ["}"]
        }
        return bodyRequired ? lines : ["if let body = self.body {"] + lines.map { "    " + $0 } + ["}"]
    }

    /// The form body of `value`, each member written by its Encoding Object.
    static func formStatements(_ value: String, mediaType: String, encoding rules: [String: PropertyEncoding]) -> [String] {
        let table = rules.isEmpty ? "[:]" : "[" + rules.keys.sorted().map { key in
            let rule = rules[key]!
            let style = rule.style ?? "form"
            return "\(SwiftSource.stringLiteral(key)): SpecGenStyle.Encoding(style: \(SwiftSource.stringLiteral(style)), explode: \(rule.explode ?? (style == "form")), allowReserved: \(rule.allowReserved))"
        }.joined(separator: ", ") + "]"
        return ["request.httpBody = SpecGenStyle.form(SpecGenWireValue.of(\(value)), encoding: \(table))",
                "request.setValue(\(SwiftSource.stringLiteral(mediaType)), forHTTPHeaderField: \"Content-Type\")"]
    }

    /// The nested struct of a multipart body's parts, with `multipart()` that writes them.
    static func renderForm(_ name: String, parts: [Part], access: String, into writer: inout SwiftWriter) {
        writer.line("/// The parts of the `multipart/form-data` body; `multipart()` writes them with a random boundary.")
        writer.block("\(access) struct \(name): Sendable") { writer in
            for part in parts {
                writer.doc(part.description ?? "The `\(part.name)` part\(part.isFile ? " (a file)" : "").")
                writer.line("\(access) var \(SwiftNaming.escaped(part.swiftName)): \(part.swiftType)\(part.required ? "" : "?")")
            }
            writer.line()
            let arguments = parts.map { "\(SwiftNaming.escaped($0.swiftName)): \($0.swiftType)\($0.required ? "" : "? = nil")" }
            writer.line("/// Creates the body's parts.")
            writer.block("\(access) init(\(arguments.joined(separator: ", ")))") { writer in
                for part in parts { writer.line("self.\(part.swiftName) = \(SwiftNaming.escaped(part.swiftName))") }
            }
            writer.line()
            writer.line("/// The body: files with their name and type, text as it is, other values as JSON (or the part's declared type).")
            writer.block("\(access) func multipart() -> SpecGenMultipart") { writer in
                writer.line("var body = SpecGenMultipart()")
                for part in parts {
                    let name = SwiftSource.stringLiteral(part.name)
                    let value = part.required ? "self.\(part.swiftName)" : "value"
                    let statement: String
                    if part.isFile {
                        statement = "body.append(\(name), file: \(value))"
                    } else if part.isFileArray {
                        statement = "for file in \(value) { body.append(\(name), file: file) }"
                    } else {
                        let type = part.encoding?.contentType.map { SwiftSource.stringLiteral($0) } ?? "nil"
                        statement = "body.append(\(name), value: SpecGenWireValue.of(\(value)), contentType: \(type))"
                    }
                    writer.line(part.required ? statement : "if let value = self.\(part.swiftName) { \(statement) }")
                }
                writer.line("return body")
            }
        }
    }
}
