/// Reads a Postman collection (v2.0 or v2.1) and an optional Postman environment into `PostmanCollection`.
///
/// Folders are flattened: every request keeps its folder path, JSON pointer and byte offset, so findings
/// about it point at `file:line:column`. Disabled headers, query parameters and body fields are dropped.
/// Authentication is inherited from the nearest folder, then the collection, unless an item says `noauth`.
/// Malformed parts become located warnings and the item is read as far as possible; only a document that
/// is not a collection at all throws.
public struct PostmanCollectionReader: Sendable {
    /// A reader.
    public init() {}

    /// Reads `document`; environment variables override collection variables of the same name.
    public func read(_ document: JSONDocument, environment: JSONDocument? = nil) throws(DiagnosticsError) -> PostmanCollection {
        var context = Context(document: document)
        guard let root = document.root.value.objectValue else {
            throw DiagnosticsError(document.diagnostic(.error, "a Postman collection must be a JSON object, found \(document.root.value.typeName)", at: .root))
        }
        if root["requests"] != nil, root["item"] == nil {
            throw DiagnosticsError(document.diagnostic(.error, "this is a Postman collection v1 document, which SpecGen does not read", at: JSONPointer(tokens: ["requests"]), hint: "in Postman, export the collection as Collection v2.1"))
        }
        guard let items = root["item"] else {
            throw DiagnosticsError(document.diagnostic(.error, "a Postman collection needs an \"item\" array", at: .root, hint: "export the collection from Postman as Collection v2.1"))
        }
        let info = root["info"]?.value.objectValue
        let version = context.version(info: info)
        let name = info?["name"]?.value.stringValue ?? "Untitled collection"
        let infoPointer = JSONPointer(tokens: ["info"])
        let description = info.flatMap { context.description($0["description"], at: infoPointer.appending("description")) }

        var variables = context.variables(root["variable"], scope: .collection, at: JSONPointer(tokens: ["variable"]))
        if let environment {
            variables += context.environmentVariables(environment)
        }
        let auth = context.auth(root["auth"], at: JSONPointer(tokens: ["auth"]))
        let inheritedAuth: PostmanAuth? = auth.flatMap { $0 == .none ? nil : $0 }

        var requests: [PostmanRequestItem] = []
        context.readItems(items, at: JSONPointer(tokens: ["item"]), folders: [], auth: inheritedAuth, folderVariables: [], collectionVariables: variables, into: &requests)
        return PostmanCollection(name: name, version: version, description: description, variables: variables, auth: auth, requests: requests, warnings: context.warnings)
    }
}

private struct Context {
    let document: JSONDocument
    var warnings: [Diagnostic] = []

    init(document: JSONDocument) {
        self.document = document
    }

    mutating func warn(_ message: String, at pointer: JSONPointer, hint: String? = nil) {
        warnings.append(document.diagnostic(.warning, message, at: pointer, hint: hint))
    }

    // MARK: Collection level

    mutating func version(info: JSONObject?) -> PostmanSchemaVersion {
        let schema = info?["schema"]?.value.stringValue ?? ""
        if schema.contains("v2.1") { return .v2_1 }
        if schema.contains("v2.0") { return .v2_0 }
        warn(schema.isEmpty ? "the collection does not name its schema; reading it as v2.1" : "unknown collection schema \"\(schema)\"; reading it as v2.1", at: JSONPointer(tokens: ["info", "schema"]))
        return .v2_1
    }

    /// A description is a string or `{content, type}`.
    func description(_ node: JSONNode?, at pointer: JSONPointer) -> String? {
        guard let node else { return nil }
        switch node.value {
        case .string(let text): return text.isEmpty ? nil : text
        case .object(let object):
            guard let text = object["content"]?.value.stringValue, !text.isEmpty else { return nil }
            return text
        default: return nil
        }
    }

    mutating func variables(_ node: JSONNode?, scope: PostmanVariable.Scope, at pointer: JSONPointer) -> [PostmanVariable] {
        guard let node, !node.value.isNull else { return [] }
        guard let list = node.value.arrayValue else {
            warn("\"variable\" should be an array of {key, value} objects", at: pointer)
            return []
        }
        var result: [PostmanVariable] = []
        for (position, entry) in list.enumerated() {
            guard let object = entry.value.objectValue else {
                warn("a variable should be an object with \"key\" and \"value\"", at: pointer.appending(position))
                continue
            }
            if object["disabled"]?.value.boolValue == true { continue }
            guard let key = (object["key"] ?? object["id"])?.value.stringValue else {
                warn("a variable has no \"key\"", at: pointer.appending(position))
                continue
            }
            result.append(PostmanVariable(key: key, value: Self.text(object["value"]) ?? "", scope: scope))
        }
        return result
    }

    /// Reads `values` of a Postman environment file; disabled entries are skipped.
    mutating func environmentVariables(_ environment: JSONDocument) -> [PostmanVariable] {
        guard let object = environment.root.value.objectValue, let values = object["values"]?.value.arrayValue else {
            warnings.append(environment.diagnostic(.warning, "a Postman environment should be an object with a \"values\" array; no environment variables were read", at: .root))
            return []
        }
        var result: [PostmanVariable] = []
        for (position, entry) in values.enumerated() {
            guard let pair = entry.value.objectValue, let key = pair["key"]?.value.stringValue else {
                warnings.append(environment.diagnostic(.warning, "an environment value needs a \"key\"", at: JSONPointer(tokens: ["values", String(position)])))
                continue
            }
            if pair["enabled"]?.value.boolValue == false { continue }
            result.append(PostmanVariable(key: key, value: Self.text(pair["value"]) ?? "", scope: .environment))
        }
        return result
    }

    // MARK: Items

    mutating func readItems(_ node: JSONNode, at pointer: JSONPointer, folders: [String], auth: PostmanAuth?, folderVariables: [PostmanVariable], collectionVariables: [PostmanVariable], into requests: inout [PostmanRequestItem]) {
        guard let list = node.value.arrayValue else {
            warn("\"item\" should be an array of requests and folders, found \(node.value.typeName)", at: pointer)
            return
        }
        for (position, entry) in list.enumerated() {
            let itemPointer = pointer.appending(position)
            guard let object = entry.value.objectValue else {
                warn("an item should be an object, found \(entry.value.typeName)", at: itemPointer)
                continue
            }
            let name = object["name"]?.value.stringValue ?? object["id"]?.value.stringValue ?? "Untitled \(position + 1)"
            if let children = object["item"] {
                // A folder: its auth and variables apply to everything inside it.
                var folderAuth = auth
                if let own = self.auth(object["auth"], at: itemPointer.appending("auth")) {
                    folderAuth = own == .none ? nil : own
                }
                let own = variables(object["variable"], scope: .folder, at: itemPointer.appending("variable"))
                readItems(children, at: itemPointer.appending("item"), folders: folders + [name], auth: folderAuth, folderVariables: folderVariables + own, collectionVariables: collectionVariables, into: &requests)
            } else if let request = object["request"] {
                // Environment variables win over folder and collection variables.
                let visible = collectionVariables.filter { $0.scope == .collection } + folderVariables + collectionVariables.filter { $0.scope == .environment }
                if let item = readRequest(request, name: name, itemNode: entry, at: itemPointer, folders: folders, inheritedAuth: auth, variables: visible) {
                    requests.append(item)
                }
            } else {
                warn("item \"\(name)\" has neither a \"request\" nor an \"item\" list; it is skipped", at: itemPointer)
            }
        }
    }

    mutating func readRequest(_ node: JSONNode, name: String, itemNode: JSONNode, at itemPointer: JSONPointer, folders: [String], inheritedAuth: PostmanAuth?, variables: [PostmanVariable]) -> PostmanRequestItem? {
        let pointer = itemPointer.appending("request")
        var item = PostmanRequestItem(name: name, folderPath: folders, pointer: itemPointer, offset: itemNode.offset, location: document.location(of: itemNode), method: "GET", url: PostmanURL(raw: ""), auth: inheritedAuth, variables: variables, source: document.source)
        switch node.value {
        case .string(let text):
            // A request may be just its URL (GET).
            item.url = PostmanURLParser.parse(text)
            return item
        case .object(let request):
            if let method = request["method"] {
                if let text = method.value.stringValue, !text.isEmpty {
                    item.method = text.uppercased()
                } else {
                    warn("\"method\" should be a non-empty string; GET is assumed", at: pointer.appending("method"))
                }
            }
            if let url = request["url"] {
                item.url = readURL(url, at: pointer.appending("url"))
            } else {
                warn("request \"\(name)\" has no \"url\"", at: pointer)
            }
            item.headers = readHeaders(request["header"], at: pointer.appending("header"))
            if let body = request["body"] {
                (item.body, item.bodyPointer) = readBody(body, at: pointer.appending("body"))
                if let bodyPointer = item.bodyPointer, let payload = document.node(at: bodyPointer) { item.bodyOffset = payload.offset }
            }
            if let auth = self.auth(request["auth"], at: pointer.appending("auth")) {
                item.auth = auth == .none ? nil : auth
            }
            item.description = description(request["description"], at: pointer.appending("description"))
            return item
        default:
            warn("\"request\" should be an object or a URL string, found \(node.value.typeName); item \"\(name)\" is skipped", at: pointer)
            return nil
        }
    }

    // MARK: URL

    mutating func readURL(_ node: JSONNode, at pointer: JSONPointer) -> PostmanURL {
        switch node.value {
        case .string(let text):
            return PostmanURLParser.parse(text)
        case .object(let object):
            let raw = object["raw"]?.value.stringValue ?? ""
            // Only `raw`: parse it. Otherwise the structured parts are authoritative, as in Postman.
            guard object["host"] != nil || object["path"] != nil else {
                var url = PostmanURLParser.parse(raw)
                if let variables = object["variable"] { url.pathVariables = readPathVariables(variables, at: pointer.appending("variable")) }
                if object["query"] != nil { url.query = readQuery(object["query"], at: pointer.appending("query")) }
                return url
            }
            var url = PostmanURL(raw: raw)
            url.scheme = object["protocol"]?.value.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            url.host = readHost(object["host"], at: pointer.appending("host"))
            if url.scheme == nil, let first = url.host.first, let range = first.firstRange(of: "://") {
                // Some exports put the scheme into the first host label.
                url.scheme = String(first[..<range.lowerBound])
                url.host[0] = String(first[range.upperBound...])
            } else if url.scheme == nil, !url.host.isEmpty {
                // No `protocol`: the raw URL may still name the scheme.
                url.scheme = PostmanURLParser.parse(raw).scheme
            }
            url.port = Self.text(object["port"]).flatMap { $0.isEmpty ? nil : $0 }
            url.path = readPath(object["path"], at: pointer.appending("path"))
            url.pathVariables = readPathVariables(object["variable"], at: pointer.appending("variable"))
            url.query = readQuery(object["query"], at: pointer.appending("query"))
            url.hash = object["hash"]?.value.stringValue
            return url
        default:
            warn("\"url\" should be a string or an object, found \(node.value.typeName)", at: pointer)
            return PostmanURL(raw: "")
        }
    }

    mutating func readHost(_ node: JSONNode?, at pointer: JSONPointer) -> [String] {
        guard let node else { return [] }
        switch node.value {
        case .string(let text): return text.isEmpty ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        case .array(let labels):
            return labels.enumerated().compactMap { position, label in
                if let text = Self.text(label) { return text }
                warn("a host label should be a string", at: pointer.appending(position))
                return nil
            }
        default:
            warn("\"host\" should be a string or an array of strings", at: pointer)
            return []
        }
    }

    mutating func readPath(_ node: JSONNode?, at pointer: JSONPointer) -> [String] {
        guard let node else { return [] }
        switch node.value {
        case .string(let text):
            let trimmed = text.hasPrefix("/") ? String(text.dropFirst()) : text
            return trimmed.isEmpty ? [] : trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        case .array(let segments):
            return segments.enumerated().compactMap { position, segment in
                if let text = Self.text(segment) { return text }
                // v2.x also allows {type, value} path segments.
                if let value = segment["value"].flatMap({ Self.text($0) }) { return value }
                warn("a path segment should be a string", at: pointer.appending(position))
                return nil
            }
        default:
            warn("\"path\" should be a string or an array of strings", at: pointer)
            return []
        }
    }

    mutating func readPathVariables(_ node: JSONNode?, at pointer: JSONPointer) -> [PostmanKeyValue] {
        guard let node, !node.value.isNull else { return [] }
        guard let list = node.value.arrayValue else {
            warn("\"variable\" should be an array of {key, value} objects", at: pointer)
            return []
        }
        var result: [PostmanKeyValue] = []
        for (position, entry) in list.enumerated() {
            guard let object = entry.value.objectValue, let key = (object["key"] ?? object["id"])?.value.stringValue else {
                warn("a path variable needs a \"key\"", at: pointer.appending(position))
                continue
            }
            if object["disabled"]?.value.boolValue == true { continue }
            result.append(PostmanKeyValue(key, Self.text(object["value"]) ?? ""))
        }
        return result
    }

    mutating func readQuery(_ node: JSONNode?, at pointer: JSONPointer) -> [PostmanQueryItem] {
        guard let node, !node.value.isNull else { return [] }
        guard let list = node.value.arrayValue else {
            warn("\"query\" should be an array of {key, value} objects", at: pointer)
            return []
        }
        var result: [PostmanQueryItem] = []
        for (position, entry) in list.enumerated() {
            guard let object = entry.value.objectValue else {
                warn("a query parameter should be an object with \"key\" and \"value\"", at: pointer.appending(position))
                continue
            }
            if object["disabled"]?.value.boolValue == true { continue }
            let key = Self.text(object["key"]) ?? ""
            let value = Self.text(object["value"])
            if key.isEmpty && value == nil { continue }
            result.append(PostmanQueryItem(key, value))
        }
        return result
    }

    // MARK: Headers

    mutating func readHeaders(_ node: JSONNode?, at pointer: JSONPointer) -> [PostmanKeyValue] {
        guard let node, !node.value.isNull else { return [] }
        switch node.value {
        case .string(let text):
            // The string form: one `Name: value` per line; `//` comments out a line, as in Postman's bulk editor.
            return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { line in
                let trimmed = line.trimmedOfSpacesAndTabs
                guard !trimmed.isEmpty, !trimmed.hasPrefix("//"), let colon = trimmed.firstIndex(of: ":") else { return nil }
                return PostmanKeyValue(String(trimmed[..<colon]).trimmedOfSpacesAndTabs, String(trimmed[trimmed.index(after: colon)...]).trimmedOfSpacesAndTabs)
            }
        case .array(let list):
            var result: [PostmanKeyValue] = []
            for (position, entry) in list.enumerated() {
                guard let object = entry.value.objectValue, let key = (object["key"] ?? object["name"]).flatMap({ Self.text($0) }) else {
                    warn("a header should be an object with \"key\" and \"value\"", at: pointer.appending(position))
                    continue
                }
                if object["disabled"]?.value.boolValue == true || key.isEmpty { continue }
                result.append(PostmanKeyValue(key, Self.text(object["value"]) ?? ""))
            }
            return result
        default:
            warn("\"header\" should be an array or a string, found \(node.value.typeName)", at: pointer)
            return []
        }
    }

    // MARK: Body

    mutating func readBody(_ node: JSONNode, at pointer: JSONPointer) -> (PostmanBody?, JSONPointer?) {
        if node.value.isNull { return (nil, nil) }
        guard let object = node.value.objectValue else {
            warn("\"body\" should be an object, found \(node.value.typeName)", at: pointer)
            return (nil, nil)
        }
        if object["disabled"]?.value.boolValue == true { return (nil, nil) }
        guard let mode = object["mode"]?.value.stringValue, !mode.isEmpty else {
            if object["mode"] == nil, !object.isEmpty { warn("the body has no \"mode\"; it is ignored", at: pointer) }
            return (nil, nil)
        }
        let payload = pointer.appending(mode)
        switch mode {
        case "raw":
            let text = object["raw"]?.value.stringValue ?? ""
            let language = object["options"]?["raw"]?["language"]?.value.stringValue
            return (.raw(text, language: language), payload)
        case "urlencoded":
            return (.urlEncoded(readFields(object["urlencoded"], at: payload)), payload)
        case "formdata":
            return (.formData(readFormData(object["formdata"], at: payload)), payload)
        case "graphql":
            guard let graphql = object["graphql"]?.value.objectValue else {
                warn("a graphql body needs a \"graphql\" object with a \"query\"", at: payload)
                return (nil, nil)
            }
            return (.graphQL(query: graphql["query"]?.value.stringValue ?? "", variables: graphql["variables"].flatMap { Self.text($0) ?? JSONWriter().string($0.value) }), payload)
        case "file":
            return (.file(src: object["file"]?["src"]?.value.stringValue), payload)
        default:
            warn("unknown body mode \"\(mode)\"; the body is ignored", at: pointer.appending("mode"), hint: "Postman body modes are raw, urlencoded, formdata, file and graphql")
            return (nil, nil)
        }
    }

    mutating func readFields(_ node: JSONNode?, at pointer: JSONPointer) -> [PostmanKeyValue] {
        guard let node, !node.value.isNull else { return [] }
        guard let list = node.value.arrayValue else {
            warn("form fields should be an array of {key, value} objects", at: pointer)
            return []
        }
        var result: [PostmanKeyValue] = []
        for (position, entry) in list.enumerated() {
            guard let object = entry.value.objectValue, let key = Self.text(object["key"]) else {
                warn("a form field needs a \"key\"", at: pointer.appending(position))
                continue
            }
            if object["disabled"]?.value.boolValue == true { continue }
            result.append(PostmanKeyValue(key, Self.text(object["value"]) ?? ""))
        }
        return result
    }

    mutating func readFormData(_ node: JSONNode?, at pointer: JSONPointer) -> [PostmanFormPart] {
        guard let node, !node.value.isNull else { return [] }
        guard let list = node.value.arrayValue else {
            warn("\"formdata\" should be an array of parts", at: pointer)
            return []
        }
        var result: [PostmanFormPart] = []
        for (position, entry) in list.enumerated() {
            guard let object = entry.value.objectValue, let key = Self.text(object["key"]) else {
                warn("a form-data part needs a \"key\"", at: pointer.appending(position))
                continue
            }
            if object["disabled"]?.value.boolValue == true { continue }
            let contentType = object["contentType"]?.value.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            if object["type"]?.value.stringValue == "file" {
                var files: [String] = []
                switch object["src"]?.value {
                case .string(let path)?: if !path.isEmpty { files = [path] }
                case .array(let paths)?: files = paths.compactMap { $0.value.stringValue }.filter { !$0.isEmpty }
                default: break
                }
                if files.isEmpty {
                    warn("file part \"\(key)\" names no file (\"src\"); request examples leave it out", at: pointer.appending(position))
                }
                result.append(PostmanFormPart(key: key, value: nil, files: files, contentType: contentType))
            } else {
                result.append(PostmanFormPart(key: key, value: Self.text(object["value"]) ?? "", contentType: contentType))
            }
        }
        return result
    }

    // MARK: Auth

    /// Reads an auth object; nil when absent (inherit), `.none` for `noauth`.
    mutating func auth(_ node: JSONNode?, at pointer: JSONPointer) -> PostmanAuth? {
        guard let node, !node.value.isNull else { return nil }
        guard let object = node.value.objectValue, let type = object["type"]?.value.stringValue else {
            warn("\"auth\" should be an object with a \"type\"", at: pointer)
            return nil
        }
        if type == "inherit" { return nil }
        if type == "noauth" { return PostmanAuth.none }
        let parameters = authParameters(object[type], at: pointer.appending(type))
        switch type {
        case "bearer":
            return .bearer(token: parameters["token"] ?? "")
        case "basic":
            return .basic(username: parameters["username"] ?? "", password: parameters["password"] ?? "")
        case "apikey":
            let location = parameters["in"] ?? "header"
            return .apiKey(key: parameters["key"] ?? "", value: parameters["value"] ?? "", inQuery: location == "query")
        case "oauth2":
            if let token = parameters["accessToken"], !token.isEmpty, (parameters["addTokenTo"] ?? "header") == "header" {
                return .bearer(token: token, prefix: parameters["headerPrefix"] ?? "Bearer")
            }
            fallthrough
        default:
            warn("\"\(type)\" authentication is not turned into headers; add the header to the request if it is needed", at: pointer.appending("type"))
            return .unsupported(type: type)
        }
    }

    /// v2.1 stores auth parameters as `[{key, value}]`, v2.0 as an object.
    func authParameters(_ node: JSONNode?, at pointer: JSONPointer) -> [String: String] {
        var result: [String: String] = [:]
        switch node?.value {
        case .array(let list)?:
            for entry in list {
                if let key = entry["key"]?.value.stringValue, let value = Self.text(entry["value"]) { result[key] = value }
            }
        case .object(let object)?:
            for entry in object.entries {
                if let value = Self.text(entry.value) { result[entry.key] = value }
            }
        default:
            break
        }
        return result
    }

    /// A scalar as text: strings as they are, numbers and booleans as written; nil for null, arrays, objects.
    static func text(_ node: JSONNode?) -> String? {
        switch node?.value {
        case .string(let text)?: text
        case .number(let number)?: number.text
        case .bool(let flag)?: flag ? "true" : "false"
        default: nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmedOfSpacesAndTabs: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
