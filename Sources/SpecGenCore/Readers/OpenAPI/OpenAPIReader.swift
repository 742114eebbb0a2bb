/// Turns a parsed OpenAPI 3.0 / 3.1 document into the `APIDocument` model.
///
/// Errors (dangling or cyclic `$ref`, wrong structure) and warnings (unsupported keywords, odd values)
/// are collected with their location; `read` throws only when errors were found.
public struct OpenAPIReader {
    public init() {}

    /// Reads the model; throws `DiagnosticsError` holding every error found (warnings ride along).
    public func read(_ input: JSONDocument) throws(DiagnosticsError) -> (APIDocument, [Diagnostic]) {
        let input = input.hasDuplicateKeys ? input.withoutDuplicateKeys() : input
        var document = input
        var conversionWarnings: [Diagnostic] = []
        if Swagger2Converter.isSwagger2(input) {
            // Swagger 2.0 is read through the same model: converted to the OpenAPI 3 tree, offsets kept.
            (document, conversionWarnings) = Swagger2Converter().convert(input)
        }
        var state = ReaderState(document: document)
        for warning in conversionWarnings { state.diagnostics.report(warning) }
        var api = state.readDocument()
        state.checkReferences()
        // References to schemas that are not components (`#/components/schemas/A/properties/b`, `#/$defs/x`) are
        // read while checking references, after the model was made.
        api?.referencedSchemas = state.referencedSchemas
        if state.diagnostics.hasErrors {
            throw DiagnosticsError(state.diagnostics.all.filter { $0.severity == .error })
        }
        guard let api else { throw DiagnosticsError(state.diagnostics.errors) }
        return (api, state.diagnostics.all)
    }
}

private let httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

struct ReaderState {
    let document: JSONDocument
    var diagnostics = Diagnostics()
    var componentSchemas: [String: Schema] = [:]
    var referencedSchemas: [String: Schema] = [:]
    /// Every `$ref` met in a schema position, to check after reading.
    var schemaRefs: [(ref: String, pointer: JSONPointer, offset: Int)] = []
    var is30 = false
    var usedOperationIds: Set<String> = []

    init(document: JSONDocument) { self.document = document }

    mutating func error(_ message: String, at pointer: JSONPointer, hint: String? = nil) {
        diagnostics.report(document.diagnostic(.error, message, at: pointer, hint: hint))
    }

    mutating func warning(_ message: String, at pointer: JSONPointer, hint: String? = nil) {
        diagnostics.report(document.diagnostic(.warning, message, at: pointer, hint: hint))
    }

    mutating func readDocument() -> APIDocument? {
        guard case .object(let root) = document.root.value else {
            error("an OpenAPI document must be a JSON object", at: .root, hint: "the file should start with {\"openapi\": \"3.1.0\", ...}")
            return nil
        }
        let version: String
        if let text = root["openapi"]?.value.stringValue {
            version = text
            guard text.hasPrefix("3.") else {
                error("unsupported OpenAPI version '\(text)'", at: JSONPointer(tokens: ["openapi"]), hint: "SpecGen reads OpenAPI 3.0 and 3.1 documents")
                return nil
            }
            is30 = text.hasPrefix("3.0")
        } else {
            error("missing 'openapi' version field", at: .root, hint: "add \"openapi\": \"3.1.0\" (or the version the document follows)")
            return nil
        }
        let info = root["info"]?.value.objectValue
        let title = info?["title"]?.value.stringValue ?? "API"
        let apiVersion = info?["version"]?.value.stringValue ?? ""

        // Component schemas first, so references can be checked against them.
        var schemas: [(String, Schema)] = []
        let schemasPointer = JSONPointer(tokens: ["components", "schemas"])
        if let node = document.root.resolve(schemasPointer) {
            if case .object(let object) = node.value {
                for entry in object.entries {
                    let schema = readSchema(entry.value, at: schemasPointer.appending(entry.key))
                    componentSchemas[entry.key] = schema
                    schemas.append((entry.key, schema))
                }
            } else {
                error("'components.schemas' must be an object", at: schemasPointer)
            }
        }

        let servers = readServers(root)
        let securitySchemes = readSecuritySchemes(root)
        let globalSecurity = securityNames(root["security"])

        var operations: [Operation] = []
        let pathsPointer = JSONPointer(tokens: ["paths"])
        if let paths = root["paths"] {
            if case .object(let object) = paths.value {
                for pathEntry in object.entries {
                    operations.append(contentsOf: readPathItem(path: pathEntry.key, node: pathEntry.value, at: pathsPointer.appending(pathEntry.key), globalSecurity: globalSecurity))
                }
            } else {
                error("'paths' must be an object", at: pathsPointer)
            }
        }

        return APIDocument(
            source: document, version: version, title: title, apiVersion: apiVersion,
            description: info?["description"]?.value.stringValue, servers: servers, operations: operations,
            schemas: schemas.map { (name: $0.0, schema: $0.1) }, schemaIndex: componentSchemas,
            securitySchemes: securitySchemes, referencedSchemas: referencedSchemas)
    }

    /// `servers`: each URL with its variables (default, description, enum).
    private mutating func readServers(_ root: JSONObject) -> [Server] {
        var servers: [Server] = []
        if let list = root["servers"]?.value.arrayValue {
            for (index, node) in list.enumerated() {
                guard let object = node.value.objectValue, let url = object["url"]?.value.stringValue else {
                    warning("a server needs a 'url' string", at: JSONPointer(tokens: ["servers", String(index)]))
                    continue
                }
                var variables: [(String, String, String?, [String])] = []
                for entry in object["variables"]?.value.objectValue?.entries ?? [] {
                    let variable = entry.value.value.objectValue
                    variables.append((entry.key, variable?["default"]?.value.stringValue ?? "", variable?["description"]?.value.stringValue, variable?["enum"]?.value.arrayValue?.compactMap { $0.value.stringValue } ?? []))
                }
                servers.append(Server(url: url, description: object["description"]?.value.stringValue, variables: variables.map { (name: $0.0, defaultValue: $0.1, description: $0.2, enumValues: $0.3) }))
            }
        }
        return servers
    }

    /// `components.securitySchemes`, each as the kind of credential it asks for.
    private mutating func readSecuritySchemes(_ root: JSONObject) -> [SecurityScheme] {
        var securitySchemes: [SecurityScheme] = []
        for entry in root["components"]?["securitySchemes"]?.value.objectValue?.entries ?? [] {
            guard let object = resolveObject(entry.value, at: JSONPointer(tokens: ["components", "securitySchemes", entry.key])) else { continue }
            let type = object["type"]?.value.stringValue ?? ""
            let kind: SecurityScheme.Kind
            switch type {
            case "http":
                let scheme = object["scheme"]?.value.stringValue?.lowercased() ?? ""
                kind = scheme == "bearer" ? .bearer : scheme == "basic" ? .basic : .other("http " + scheme)
            case "apiKey":
                let location = ParameterLocation(rawValue: object["in"]?.value.stringValue ?? "header") ?? .header
                kind = .apiKey(name: object["name"]?.value.stringValue ?? "", location: location)
            case "oauth2": kind = .oauth2
            case "openIdConnect": kind = .openIdConnect
            default: kind = .other(type)
            }
            securitySchemes.append(SecurityScheme(name: entry.key, kind: kind, description: object["description"]?.value.stringValue))
        }
        return securitySchemes
    }

    /// The requirement alternatives of a `security` list: each object's scheme names (nil when absent).
    func securityRequirements(_ node: JSONNode?) -> [[String]]? {
        guard let list = node?.value.arrayValue else { return nil }
        return list.map { $0.value.objectValue?.keys ?? [] }
    }

    func securityNames(_ node: JSONNode?) -> [String]? {
        guard let list = node?.value.arrayValue else { return nil }
        guard let first = list.first?.value.objectValue else { return [] }
        return first.keys
    }

    /// Follows a `$ref` for non-schema objects (parameters, responses, request bodies).
    mutating func resolveObject(_ node: JSONNode, at pointer: JSONPointer) -> JSONObject? {
        var current = node
        var currentPointer = pointer
        var seen: Set<String> = []
        while case .object(let object) = current.value, let ref = object["$ref"]?.value.stringValue {
            guard ref.hasPrefix("#") else {
                error("external reference '\(ref)' is not supported yet", at: currentPointer.appending("$ref"), hint: "bundle the document into one file first")
                return nil
            }
            guard seen.insert(ref).inserted else {
                error("$ref cycle: '\(ref)' refers back to itself", at: currentPointer.appending("$ref"))
                return nil
            }
            guard let target = JSONPointer(ref), let resolved = document.root.resolve(target) else {
                error("dangling $ref '\(ref)': nothing at that location", at: currentPointer.appending("$ref"), hint: "check the spelling of the component name")
                return nil
            }
            current = resolved
            currentPointer = target
        }
        guard case .object(let object) = current.value else {
            error("expected an object here, found \(current.value.typeName)", at: currentPointer)
            return nil
        }
        return object
    }

    mutating func readPathItem(path: String, node: JSONNode, at pointer: JSONPointer, globalSecurity: [String]?) -> [Operation] {
        guard let item = resolveObject(node, at: pointer) else { return [] }
        let shared = readParameters(item["parameters"], at: pointer.appending("parameters"))
        var result: [Operation] = []
        for entry in item.entries where httpMethods.contains(entry.key) {
            let operationPointer = pointer.appending(entry.key)
            guard case .object(let object) = entry.value.value else {
                error("an operation must be an object", at: operationPointer)
                continue
            }
            var parameters = shared
            for parameter in readParameters(object["parameters"], at: operationPointer.appending("parameters")) {
                parameters.removeAll { $0.name == parameter.name && $0.location == parameter.location }
                parameters.append(parameter)
            }
            let id = operationId(object["operationId"]?.value.stringValue, method: entry.key, path: path, at: operationPointer)
            var requestBody: RequestBodyModel?
            if let bodyNode = object["requestBody"] {
                let bodyPointer = operationPointer.appending("requestBody")
                if let body = resolveObject(bodyNode, at: bodyPointer) {
                    requestBody = RequestBodyModel(
                        description: body["description"]?.value.stringValue,
                        required: body["required"]?.value.boolValue ?? false,
                        content: readContent(body["content"], at: bodyPointer.appending("content")),
                        pointer: bodyPointer)
                }
            }
            var responses: [ResponseModel] = []
            for response in object["responses"]?.value.objectValue?.entries ?? [] {
                let responsePointer = operationPointer.appending("responses").appending(response.key)
                guard let responseObject = resolveObject(response.value, at: responsePointer) else { continue }
                var headers: [(String, String?, Schema?)] = []
                for header in responseObject["headers"]?.value.objectValue?.entries ?? [] {
                    let headerPointer = responsePointer.appending("headers").appending(header.key)
                    guard let headerObject = resolveObject(header.value, at: headerPointer) else { continue }
                    headers.append((header.key, headerObject["description"]?.value.stringValue, headerObject["schema"].map { readSchema($0, at: headerPointer.appending("schema")) }))
                }
                responses.append(ResponseModel(
                    status: response.key, description: responseObject["description"]?.value.stringValue,
                    content: readContent(responseObject["content"], at: responsePointer.appending("content")),
                    headers: headers.map { (name: $0.0, description: $0.1, schema: $0.2) }, pointer: responsePointer))
            }
            let security = securityNames(object["security"]) ?? globalSecurity ?? []
            let requirements = securityRequirements(object["security"]) ?? securityRequirements(document.root["security"]) ?? []
            result.append(Operation(
                id: id, method: entry.key.uppercased(), path: path,
                summary: object["summary"]?.value.stringValue, description: object["description"]?.value.stringValue,
                tags: object["tags"]?.value.arrayValue?.compactMap { $0.value.stringValue } ?? [],
                parameters: parameters, requestBody: requestBody, responses: responses,
                deprecated: object["deprecated"]?.value.boolValue ?? false, security: security, pointer: operationPointer,
                securityRequirements: requirements))
        }
        return result
    }

    mutating func operationId(_ given: String?, method: String, path: String, at pointer: JSONPointer) -> String {
        var base = given ?? ""
        if base.isEmpty {
            let words = path.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            base = ([method] + words).joined(separator: "_")
            warning("operation has no operationId; using '\(base)'", at: pointer, hint: "add an operationId so generated names stay stable")
        }
        var candidate = base
        var counter = 2
        while usedOperationIds.contains(candidate) {
            candidate = "\(base)_\(counter)"
            counter += 1
        }
        if candidate != base {
            warning("operationId '\(base)' is used more than once; this one is renamed '\(candidate)'", at: pointer.appending("operationId"))
        }
        usedOperationIds.insert(candidate)
        return candidate
    }

    mutating func readParameters(_ node: JSONNode?, at pointer: JSONPointer) -> [Parameter] {
        guard let node else { return [] }
        if node.value.isNull {
            // `parameters:` with no value (a common YAML slip that mainstream tools accept).
            warning("'parameters' has no value; read as no parameters", at: pointer, hint: "remove the empty 'parameters:' line or list the parameters")
            return []
        }
        guard case .array(let items) = node.value else {
            error("'parameters' must be an array", at: pointer)
            return []
        }
        var result: [Parameter] = []
        for (index, item) in items.enumerated() {
            let itemPointer = pointer.appending(index)
            guard let object = resolveObject(item, at: itemPointer) else { continue }
            guard let name = object["name"]?.value.stringValue else {
                error("a parameter needs a 'name'", at: itemPointer)
                continue
            }
            guard let location = ParameterLocation(rawValue: object["in"]?.value.stringValue ?? "") else {
                error("parameter '\(name)' has no valid 'in' (path, query, header or cookie)", at: itemPointer)
                continue
            }
            var schema = object["schema"].map { readSchema($0, at: itemPointer.appending("schema")) }
            var contentMediaType: String?
            if schema == nil, let content = object["content"]?.value.objectValue?.entries.first {
                schema = content.value["schema"].map { readSchema($0, at: itemPointer.appending("content").appending(content.key).appending("schema")) }
                contentMediaType = content.key
            }
            result.append(Parameter(
                name: name, location: location, description: object["description"]?.value.stringValue,
                required: location == .path ? true : (object["required"]?.value.boolValue ?? false),
                deprecated: object["deprecated"]?.value.boolValue ?? false, schema: schema,
                style: object["style"]?.value.stringValue, explode: object["explode"]?.value.boolValue,
                example: object["example"]?.value, pointer: itemPointer,
                allowReserved: object["allowReserved"]?.value.boolValue ?? false, contentMediaType: contentMediaType))
        }
        return result
    }

    mutating func readContent(_ node: JSONNode?, at pointer: JSONPointer) -> [MediaContent] {
        guard let object = node?.value.objectValue else { return [] }
        var result: [MediaContent] = []
        for entry in object.entries {
            let entryPointer = pointer.appending(entry.key)
            let media = entry.value.value.objectValue
            var example = media?["example"]?.value
            if example == nil, let first = media?["examples"]?.value.objectValue?.entries.first {
                example = first.value["value"]?.value
            }
            var encoding: [String: PropertyEncoding] = [:]
            for property in media?["encoding"]?.value.objectValue?.entries ?? [] {
                guard let rule = property.value.value.objectValue else { continue }
                encoding[property.key] = PropertyEncoding(
                    contentType: rule["contentType"]?.value.stringValue, style: rule["style"]?.value.stringValue,
                    explode: rule["explode"]?.value.boolValue, allowReserved: rule["allowReserved"]?.value.boolValue ?? false,
                    headers: (rule["headers"]?.value.objectValue?.keys ?? []).filter { $0.lowercased() != "content-type" })
            }
            result.append(MediaContent(
                mediaType: entry.key,
                schema: media?["schema"].map { readSchema($0, at: entryPointer.appending("schema")) },
                example: example, encoding: encoding))
        }
        return result
    }

    /// The key a schema `$ref` is stored under: the component name for `#/components/schemas/X`,
    /// otherwise the pointer text, whose target is read as an anonymous schema.
    mutating func schemaReferenceKey(_ ref: String, at pointer: JSONPointer, offset: Int) -> String {
        schemaRefs.append((ref, pointer, offset))
        let prefix = "#/components/schemas/"
        if ref.hasPrefix(prefix), let parsed = JSONPointer(ref), parsed.tokens.count == 3 {
            return parsed.tokens[2]
        }
        return ref
    }

    mutating func checkReferences() {
        var checked: Set<String> = []
        var index = 0
        while index < schemaRefs.count {
            let (ref, pointer, _) = schemaRefs[index]
            index += 1
            guard checked.insert(ref).inserted else {
                if let key = componentKey(ref), componentSchemas[key] == nil, referencedSchemas[ref] == nil {
                    error("dangling $ref '\(ref)': there is no schema '\(key)'", at: pointer, hint: suggestion(for: key))
                }
                continue
            }
            guard ref.hasPrefix("#") else {
                error("external reference '\(ref)' is not supported yet", at: pointer, hint: "bundle the document into one file first (e.g. with `redocly bundle`); SpecGen never fetches references from the network")
                continue
            }
            if let key = componentKey(ref) {
                if componentSchemas[key] == nil {
                    error("dangling $ref '\(ref)': there is no schema '\(key)'", at: pointer, hint: suggestion(for: key))
                }
                continue
            }
            guard let target = JSONPointer(ref), let node = document.root.resolve(target) else {
                error("dangling $ref '\(ref)': nothing at that location", at: pointer, hint: "a local reference looks like #/components/schemas/Name")
                continue
            }
            // Reading the target may add more references; the loop picks them up.
            referencedSchemas[ref] = readSchema(node, at: target)
        }
        // Pure `$ref` chains that loop never reach a schema with content.
        for (name, schema) in componentSchemas where schema.isPureReference {
            var seen: [String] = [name]
            var current = schema
            while current.isPureReference, let ref = current.ref {
                let key = ref
                if seen.contains(key) {
                    error("$ref cycle: \((seen + [key]).joined(separator: " → ")) never reaches a schema", at: current.pointer.appending("$ref"), hint: "one schema in the chain must define a type or properties")
                    break
                }
                seen.append(key)
                guard let next = componentSchemas[key] ?? referencedSchemas[key] else { break }
                current = next
            }
        }
    }
}
