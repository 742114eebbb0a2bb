/// Converts a Swagger 2.0 document into the OpenAPI 3.0 JSON tree `OpenAPIReader` reads.
///
/// Every node keeps the byte offset it had in the Swagger file, so diagnostics about the converted
/// tree still point at the right `file:line:column` of the input. What changes:
/// `definitions` → `components.schemas` (and every `$ref` to them), `host`/`basePath`/`schemes` →
/// `servers`, `body` and `formData` parameters → `requestBody` (JSON, form-urlencoded or multipart per
/// `consumes`), parameter `type`/`items`/`collectionFormat` → `schema`/`style`/`explode`, response
/// `schema` → `content` per `produces`, `securityDefinitions` → `components.securitySchemes`,
/// `x-nullable` → `nullable`, `type: file` → binary string. Parameter references are inlined.
public struct Swagger2Converter {
    public init() {}

    /// True when the document declares `swagger: "2.0"`.
    public static func isSwagger2(_ document: JSONDocument) -> Bool {
        document.root["swagger"] != nil && document.root["openapi"] == nil
    }

    /// The converted document (same source file, offsets kept) and the warnings met on the way.
    public func convert(_ document: JSONDocument) -> (JSONDocument, [Diagnostic]) {
        var state = ConverterState(document: document)
        let root = state.convertRoot()
        var converted = JSONDocument(source: document.source, root: root, warnings: document.warnings)
        converted.userPointers = state.userPointers
        return (converted, state.warnings)
    }
}

private struct ConverterState {
    let document: JSONDocument
    let root: JSONObject
    var warnings: [Diagnostic] = []
    /// Converted pointers → the user's, recorded where the conversion moves or renames something.
    var userPointers: UserPointers
    let globalConsumes: [String]
    let globalProduces: [String]

    init(document: JSONDocument) {
        self.document = document
        root = document.root.value.objectValue ?? JSONObject()
        userPointers = UserPointers(original: document.root)
        userPointers.mapFolder(["components", "schemas"], to: ["definitions"])
        userPointers.mapFolder(["components", "responses"], to: ["responses"])
        userPointers.mapFolder(["components", "securitySchemes"], to: ["securityDefinitions"])
        globalConsumes = root["consumes"]?.value.arrayValue?.compactMap { $0.value.stringValue } ?? []
        globalProduces = root["produces"]?.value.arrayValue?.compactMap { $0.value.stringValue } ?? []
    }

    mutating func warn(_ message: String, at pointer: JSONPointer) {
        warnings.append(document.diagnostic(.warning, message, at: pointer))
    }

    /// The items of a list member (`parameters`); an empty `parameters:` (null) or another
    /// non-list value is read as no items with a warning, as mainstream tools accept it.
    mutating func list(_ member: String, of object: JSONObject, at pointer: JSONPointer) -> [JSONNode] {
        guard let value = object[member] else { return [] }
        if let items = value.value.arrayValue { return items }
        if value.value.isNull {
            warnings.append(document.diagnostic(.warning, "'\(member)' has no value; read as no \(member)", at: pointer.appending(member),
                                                hint: "remove the empty '\(member):' line or list the \(member)"))
        } else {
            warnings.append(document.diagnostic(.warning, "'\(member)' must be a list; it is ignored", at: pointer.appending(member)))
        }
        return []
    }

    func node(_ value: JSONValue, like original: JSONNode?) -> JSONNode {
        JSONNode(value, offset: original?.offset ?? -1)
    }

    func string(_ text: String, like original: JSONNode?) -> JSONNode { node(.string(text), like: original) }

    mutating func convertRoot() -> JSONNode {
        var result = JSONObject()
        result.append(.init(key: "openapi", keyOffset: root.entry("swagger")?.keyOffset ?? -1, value: string("3.0.3", like: root["swagger"])))
        for entry in root.entries {
            switch entry.key {
            case "swagger", "host", "basePath", "schemes", "consumes", "produces", "definitions", "parameters",
                 "responses", "securityDefinitions", "paths":
                continue
            default:
                result.append(entry)
            }
        }
        // servers
        if let host = root["host"]?.value.stringValue {
            let basePath = root["basePath"]?.value.stringValue ?? ""
            let schemes = root["schemes"]?.value.arrayValue?.compactMap { $0.value.stringValue } ?? []
            let scheme = schemes.contains("https") ? "https" : (schemes.first ?? "https")
            let server = JSONObject([.init(key: "url", value: string("\(scheme)://\(host)\(basePath)", like: root["host"]))])
            result.set("servers", node(.array([node(.object(server), like: root["host"])]), like: root["host"]))
        } else if let basePath = root["basePath"]?.value.stringValue {
            let server = JSONObject([.init(key: "url", value: string(basePath, like: root["basePath"]))])
            result.set("servers", node(.array([node(.object(server), like: root["basePath"])]), like: root["basePath"]))
        }
        var components = JSONObject()
        if let definitions = root["definitions"] {
            components.append(.init(key: "schemas", keyOffset: root.entry("definitions")?.keyOffset ?? -1, value: convertSchemaMap(definitions)))
        }
        if let responses = root["responses"]?.value.objectValue {
            var converted = JSONObject()
            for entry in responses.entries {
                converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: convertResponse(entry.value, produces: globalProduces, at: JSONPointer(tokens: ["responses", entry.key]))))
            }
            components.append(.init(key: "responses", value: node(.object(converted), like: root["responses"])))
        }
        if let schemes = root["securityDefinitions"]?.value.objectValue {
            var converted = JSONObject()
            for entry in schemes.entries {
                converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: convertSecurityScheme(entry.value)))
            }
            components.append(.init(key: "securitySchemes", value: node(.object(converted), like: root["securityDefinitions"])))
        }
        if !components.isEmpty { result.set("components", JSONNode(.object(components))) }
        if let paths = root["paths"] {
            if let object = paths.value.objectValue {
                var converted = JSONObject()
                for entry in object.entries {
                    converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: convertPathItem(entry.value, at: JSONPointer(tokens: ["paths", entry.key]))))
                }
                result.set("paths", node(.object(converted), like: paths))
            } else {
                result.set("paths", paths)
            }
        }
        return node(.object(result), like: document.root)
    }

    // MARK: Schemas

    func rewriteRef(_ ref: String) -> String {
        if ref.hasPrefix("#/definitions/") { return "#/components/schemas/" + ref.dropFirst("#/definitions/".count) }
        if ref.hasPrefix("#/responses/") { return "#/components/responses/" + ref.dropFirst("#/responses/".count) }
        return ref
    }

    func convertSchemaMap(_ map: JSONNode) -> JSONNode {
        guard let object = map.value.objectValue else { return map }
        var converted = JSONObject()
        for entry in object.entries {
            converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: convertSchema(entry.value)))
        }
        return node(.object(converted), like: map)
    }

    /// A Swagger schema as an OpenAPI 3.0 schema: `$ref`s rewritten, `x-nullable`, `type: file`.
    func convertSchema(_ schema: JSONNode) -> JSONNode {
        guard let object = schema.value.objectValue else { return schema }
        var converted = JSONObject()
        for entry in object.entries {
            switch entry.key {
            case "$ref":
                converted.append(.init(key: "$ref", keyOffset: entry.keyOffset, value: entry.value.value.stringValue.map { string(rewriteRef($0), like: entry.value) } ?? entry.value))
            case "properties", "definitions", "patternProperties":
                converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: convertSchemaMap(entry.value)))
            case "items", "additionalProperties", "not":
                if case .array(let list) = entry.value.value {
                    converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: node(.array(list.map(convertSchema)), like: entry.value)))
                } else {
                    converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: convertSchema(entry.value)))
                }
            case "allOf", "oneOf", "anyOf":
                let list = entry.value.value.arrayValue ?? []
                converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: node(.array(list.map(convertSchema)), like: entry.value)))
            case "x-nullable":
                if entry.value.value.boolValue == true { converted.append(.init(key: "nullable", keyOffset: entry.keyOffset, value: entry.value)) }
            case "type":
                if entry.value.value.stringValue == "file" {
                    converted.append(.init(key: "type", keyOffset: entry.keyOffset, value: string("string", like: entry.value)))
                    converted.append(.init(key: "format", value: string("binary", like: entry.value)))
                } else {
                    converted.append(entry)
                }
            case "discriminator":
                // Swagger 2.0 writes the property name as a string.
                if entry.value.value.stringValue != nil {
                    converted.append(.init(key: "discriminator", keyOffset: entry.keyOffset, value: node(.object(JSONObject([.init(key: "propertyName", value: entry.value)])), like: entry.value)))
                } else {
                    converted.append(entry)
                }
            default:
                converted.append(entry)
            }
        }
        return node(.object(converted), like: schema)
    }

    // MARK: Parameters

    /// Follows a parameter `$ref` (`#/parameters/X`) to the object it names.
    mutating func resolveParameter(_ parameter: JSONNode, at pointer: JSONPointer) -> (JSONObject, JSONNode, JSONPointer)? {
        var current = parameter
        var currentPointer = pointer
        var hops = 0
        while let ref = current["$ref"]?.value.stringValue {
            hops += 1
            guard hops < 16, let target = JSONPointer(ref), let resolved = document.root.resolve(target) else {
                warn("parameter reference '\(ref)' cannot be resolved; the parameter is left out", at: currentPointer.appending("$ref"))
                return nil
            }
            current = resolved
            currentPointer = target
        }
        guard let object = current.value.objectValue else { return nil }
        return (object, current, currentPointer)
    }

    static let schemaKeys: Set<String> = ["type", "format", "items", "enum", "default", "maximum", "minimum", "exclusiveMaximum",
                                         "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems",
                                         "multipleOf", "x-nullable"]

    /// The schema object of a non-body parameter (or header, or items) built from its inline keywords.
    func inlineSchema(_ object: JSONObject, like original: JSONNode) -> JSONNode {
        var schema = JSONObject()
        for entry in object.entries where Self.schemaKeys.contains(entry.key) {
            if entry.key == "items" {
                let items = entry.value.value.objectValue.map { inlineSchema($0, like: entry.value) } ?? entry.value
                schema.append(.init(key: "items", keyOffset: entry.keyOffset, value: items))
            } else {
                schema.append(entry)
            }
        }
        return convertSchema(node(.object(schema), like: original))
    }

    func styleFor(_ collectionFormat: String?, location: String) -> (style: String?, explode: Bool?) {
        switch collectionFormat {
        case "multi": return ("form", true)
        case "ssv": return ("spaceDelimited", false)
        case "pipes": return ("pipeDelimited", false)
        case "tsv": return (nil, false)
        case "csv", nil: return (location == "query" || location == "cookie" ? "form" : "simple", false)
        default: return (nil, nil)
        }
    }

    // MARK: Paths

    mutating func convertPathItem(_ item: JSONNode, at pointer: JSONPointer) -> JSONNode {
        guard let object = item.value.objectValue else { return item }
        let shared = list("parameters", of: object, at: pointer)
        var converted = JSONObject()
        for entry in object.entries {
            switch entry.key {
            case "get", "put", "post", "delete", "options", "head", "patch":
                converted.append(.init(key: entry.key, keyOffset: entry.keyOffset, value: convertOperation(entry.value, shared: shared, sharedPointer: pointer.appending("parameters"), at: pointer.appending(entry.key))))
            case "parameters":
                continue // merged into each operation, where body and form parameters become the request body
            default:
                converted.append(entry)
            }
        }
        return node(.object(converted), like: item)
    }

    mutating func convertOperation(_ operation: JSONNode, shared: [JSONNode], sharedPointer: JSONPointer, at pointer: JSONPointer) -> JSONNode {
        guard let object = operation.value.objectValue else { return operation }
        let consumes = object["consumes"]?.value.arrayValue?.compactMap { $0.value.stringValue } ?? globalConsumes
        let produces = object["produces"]?.value.arrayValue?.compactMap { $0.value.stringValue } ?? globalProduces
        let parameters = mergedParameters(shared: shared, sharedPointer: sharedPointer, own: list("parameters", of: object, at: pointer), at: pointer)
        var convertedParameters: [JSONNode] = []
        var body: JSONNode?
        var formFields: [(name: String, schema: JSONNode, required: Bool, keyOffset: Int)] = []
        var formNode: JSONNode?
        var formPointers: [(name: String, pointer: JSONPointer)] = []
        var hasFile = false
        for (parameter, original, parameterPointer) in parameters {
            let location = parameter["in"]?.value.stringValue ?? ""
            switch location {
            case "body":
                body = convertBodyParameter(parameter, original, consumes: consumes, from: parameterPointer, at: pointer)
            case "formData":
                let name = parameter["name"]?.value.stringValue ?? ""
                if parameter["type"]?.value.stringValue == "file" { hasFile = true }
                var schema = inlineSchema(parameter, like: original)
                if let description = parameter["description"], case .object(var fields) = schema.value {
                    fields.append(.init(key: "description", value: description))
                    schema = node(.object(fields), like: original)
                }
                formFields.append((name, schema, parameter["required"]?.value.boolValue ?? false, original.offset))
                formPointers.append((name, parameterPointer))
                if formNode == nil { formNode = original }
            default:
                var converted = JSONObject()
                for entry in parameter.entries where !Self.schemaKeys.contains(entry.key) && entry.key != "collectionFormat" && entry.key != "allowEmptyValue" {
                    converted.append(entry)
                }
                let convertedPointer = pointer.appending("parameters").appending(convertedParameters.count)
                userPointers.map(convertedPointer, to: parameterPointer)
                if parameter["schema"] == nil {
                    converted.append(.init(key: "schema", value: inlineSchema(parameter, like: original)))
                    userPointers.map(convertedPointer.appending("schema"), to: parameterPointer)  // its keywords sit on the parameter
                }
                if parameter["type"]?.value.stringValue == "array" {
                    let (style, explode) = styleFor(parameter["collectionFormat"]?.value.stringValue, location: location)
                    if let style { converted.append(.init(key: "style", value: string(style, like: original))) }
                    if let explode { converted.append(.init(key: "explode", value: JSONNode(.bool(explode), offset: original.offset))) }
                }
                convertedParameters.append(node(.object(converted), like: original))
            }
        }
        if body == nil, !formFields.isEmpty, let formNode {
            body = convertFormBody(formFields, pointers: formPointers, like: formNode, hasFile: hasFile, consumes: consumes, at: pointer)
        }
        var converted = JSONObject()
        for entry in object.entries {
            switch entry.key {
            case "parameters", "consumes", "produces", "schemes":
                continue
            case "responses":
                converted.append(.init(key: "responses", keyOffset: entry.keyOffset, value: convertResponses(entry.value, produces: produces, at: pointer)))
            default:
                converted.append(entry)
            }
        }
        if !convertedParameters.isEmpty { converted.set("parameters", node(.array(convertedParameters), like: object["parameters"])) }
        if let body { converted.set("requestBody", body) }
        return node(.object(converted), like: operation)
    }

    /// Path-level and operation parameters, resolved; an operation's parameter overrides a path-level one with the
    /// same name and location. Each with the pointer of the object it resolved to.
    mutating func mergedParameters(shared: [JSONNode], sharedPointer: JSONPointer, own: [JSONNode], at pointer: JSONPointer) -> [(object: JSONObject, node: JSONNode, pointer: JSONPointer)] {
        var parameters: [(object: JSONObject, node: JSONNode, pointer: JSONPointer)] = []
        for (index, parameter) in shared.enumerated() {
            if let resolved = resolveParameter(parameter, at: sharedPointer.appending(index)) { parameters.append(resolved) }
        }
        for (index, parameter) in own.enumerated() {
            guard let resolved = resolveParameter(parameter, at: pointer.appending("parameters").appending(index)) else { continue }
            let name = resolved.0["name"]?.value.stringValue, location = resolved.0["in"]?.value.stringValue
            parameters.removeAll { $0.object["name"]?.value.stringValue == name && $0.object["in"]?.value.stringValue == location }
            parameters.append(resolved)
        }
        return parameters
    }

    /// A `body` parameter as the operation's `requestBody`, one media type per `consumes`.
    mutating func convertBodyParameter(_ parameter: JSONObject, _ original: JSONNode, consumes: [String], from parameterPointer: JSONPointer, at pointer: JSONPointer) -> JSONNode {
        let schema = parameter["schema"].map(convertSchema) ?? JSONNode(.object(JSONObject()))
        let mediaTypes = consumes.isEmpty ? ["application/json"] : consumes
        var content = JSONObject()
        for mediaType in mediaTypes {
            content.append(.init(key: mediaType, value: JSONNode(.object(JSONObject([.init(key: "schema", value: schema)])), offset: original.offset)))
            userPointers.map(pointer.appending("requestBody").appending("content").appending(mediaType).appending("schema"), to: parameterPointer.appending("schema"))
        }
        userPointers.map(pointer.appending("requestBody"), to: parameterPointer)
        var requestBody = JSONObject()
        if let description = parameter["description"] { requestBody.append(.init(key: "description", value: description)) }
        requestBody.append(.init(key: "required", value: JSONNode(.bool(parameter["required"]?.value.boolValue ?? false), offset: original.offset)))
        requestBody.append(.init(key: "content", value: node(.object(content), like: original)))
        return node(.object(requestBody), like: original)
    }

    /// `formData` parameters as one form `requestBody` (multipart when a file is sent or only multipart is consumed).
    mutating func convertFormBody(_ formFields: [(name: String, schema: JSONNode, required: Bool, keyOffset: Int)], pointers formPointers: [(name: String, pointer: JSONPointer)],
                                  like formNode: JSONNode, hasFile: Bool, consumes: [String], at pointer: JSONPointer) -> JSONNode {
        let mediaType = hasFile || consumes.contains("multipart/form-data") && !consumes.contains("application/x-www-form-urlencoded")
            ? "multipart/form-data" : "application/x-www-form-urlencoded"
        var properties = JSONObject()
        for field in formFields { properties.append(.init(key: field.name, keyOffset: field.keyOffset, value: field.schema)) }
        var schema = JSONObject()
        schema.append(.init(key: "type", value: string("object", like: formNode)))
        schema.append(.init(key: "properties", value: node(.object(properties), like: formNode)))
        let required = formFields.filter(\.required).map { string($0.name, like: formNode) }
        if !required.isEmpty { schema.append(.init(key: "required", value: node(.array(required), like: formNode))) }
        let content = JSONObject([.init(key: mediaType, value: node(.object(JSONObject([.init(key: "schema", value: node(.object(schema), like: formNode))])), like: formNode))])
        for field in formPointers {
            userPointers.map(pointer.appending("requestBody").appending("content").appending(mediaType).appending("schema").appending("properties").appending(field.name), to: field.pointer)
        }
        if let first = formPointers.first { userPointers.map(pointer.appending("requestBody"), to: first.pointer) }
    return node(.object(JSONObject([
            .init(key: "required", value: JSONNode(.bool(!required.isEmpty), offset: formNode.offset)),
            .init(key: "content", value: node(.object(content), like: formNode)),
        ])), like: formNode)
    }

    /// An operation's responses: `$ref`s rewritten (and mapped to the user's pointers), the others converted.
    mutating func convertResponses(_ map: JSONNode, produces: [String], at pointer: JSONPointer) -> JSONNode {
        var responses = JSONObject()
        for response in map.value.objectValue?.entries ?? [] {
            let responsePointer = pointer.appending("responses").appending(response.key)
            if let ref = response.value["$ref"]?.value.stringValue {
                mapReferencedResponse(at: responsePointer, to: ref)
                responses.append(.init(key: response.key, keyOffset: response.keyOffset, value: node(.object(JSONObject([.init(key: "$ref", value: string(rewriteRef(ref), like: response.value))])), like: response.value)))
            } else {
                responses.append(.init(key: response.key, keyOffset: response.keyOffset, value: convertResponse(response.value, produces: produces, at: responsePointer)))
            }
        }
        return node(.object(responses), like: map)
    }

    /// The reader reads a referenced response at the place that refers to it; its messages belong to the target
    /// (`#/responses/Problem`), whose content has the document's `produces` media types.
    mutating func mapReferencedResponse(at pointer: JSONPointer, to ref: String) {
        guard ref.hasPrefix("#/responses/"), let target = JSONPointer(ref) else { return }
        userPointers.map(pointer, to: target)
        for mediaType in globalProduces.isEmpty ? ["application/json"] : globalProduces {
            userPointers.map(pointer.appending("content").appending(mediaType).appending("schema"), to: target.appending("schema"))
        }
    }

    mutating func convertResponse(_ response: JSONNode, produces: [String], at pointer: JSONPointer) -> JSONNode {
        guard let object = response.value.objectValue else { return response }
        // Responses under `#/responses` become `#/components/responses`; an operation's stay where they are.
        let convertedPointer = pointer.tokens.first == "responses" ? JSONPointer(tokens: ["components"] + pointer.tokens) : pointer
        var converted = JSONObject()
        for entry in object.entries {
            switch entry.key {
            case "schema":
                let schema = convertSchema(entry.value)
                var content = JSONObject()
                for mediaType in produces.isEmpty ? ["application/json"] : produces {
                    content.append(.init(key: mediaType, keyOffset: entry.keyOffset, value: node(.object(JSONObject([.init(key: "schema", value: schema)])), like: entry.value)))
                    userPointers.map(convertedPointer.appending("content").appending(mediaType).appending("schema"), to: pointer.appending("schema"))
                }
                converted.append(.init(key: "content", keyOffset: entry.keyOffset, value: node(.object(content), like: entry.value)))
            case "headers":
                var headers = JSONObject()
                for header in entry.value.value.objectValue?.entries ?? [] {
                    guard let headerObject = header.value.value.objectValue else { continue }
                    var convertedHeader = JSONObject()
                    if let description = headerObject["description"] { convertedHeader.append(.init(key: "description", value: description)) }
                    convertedHeader.append(.init(key: "schema", value: inlineSchema(headerObject, like: header.value)))
                    userPointers.map(convertedPointer.appending("headers").appending(header.key).appending("schema"), to: pointer.appending("headers").appending(header.key))
                    headers.append(.init(key: header.key, keyOffset: header.keyOffset, value: node(.object(convertedHeader), like: header.value)))
                }
                converted.append(.init(key: "headers", keyOffset: entry.keyOffset, value: node(.object(headers), like: entry.value)))
            case "examples":
                continue
            default:
                converted.append(entry)
            }
        }
        if converted["description"] == nil { converted.append(.init(key: "description", value: string("", like: response))) }
        return node(.object(converted), like: response)
    }

    func convertSecurityScheme(_ scheme: JSONNode) -> JSONNode {
        guard let object = scheme.value.objectValue else { return scheme }
        var converted = JSONObject()
        switch object["type"]?.value.stringValue {
        case "basic":
            converted.append(.init(key: "type", value: string("http", like: object["type"])))
            converted.append(.init(key: "scheme", value: string("basic", like: object["type"])))
        case "oauth2":
            converted.append(.init(key: "type", value: string("oauth2", like: object["type"])))
        default:
            for entry in object.entries where entry.key == "type" || entry.key == "name" || entry.key == "in" { converted.append(entry) }
        }
        if let description = object["description"] { converted.append(.init(key: "description", value: description)) }
        return node(.object(converted), like: scheme)
    }
}
