import Foundation

/// The contents of `specgen.json`: which inputs to read, what to generate and where to put it.
/// Relative paths are resolved against the config file's folder.
public struct SpecGenConfig: Sendable {
    /// The OpenAPI description (JSON or YAML).
    public var spec: String
    /// OpenAPI Overlay documents applied to the spec before reading, in order.
    public var overlays: [String] = []
    /// A Postman collection (v2.0/v2.1) holding example requests.
    public var postman: String?
    /// A Postman environment file for `{{variables}}`.
    public var postmanEnvironment: String?
    /// Operation ids to generate; empty means every operation.
    public var operations: [String] = []
    /// The output folder.
    public var output: String = "Generated"
    public var swift = SwiftOptions()
    /// Placeholder overrides for docs snippets (`"tenantDomain": "{yourDomain}"`, `"id": "USER_ID"`, `"token": "MGMT_API_ACCESS_TOKEN"`).
    public var placeholders: [String: String] = [:]
    /// Which snippet clients to emit (ids); empty means the default set.
    public var snippetClients: [String] = []
    /// `"plugin": {"shards": N}`: how many type files the SwiftPM build-tool plugin declares (see `PluginLayout`).
    public var pluginShards: Int = PluginLayoutContract.defaultShards
    /// When set, a copy of the spec with `x-codeSamples` for the generated operations is written to this
    /// path inside the output folder (for Redoc-style renderers).
    public var codeSamplesSpec: String?
    /// Swift (types, validators, request builders) plus curl snippets only: no other snippet clients and
    /// no docs pages. For whole documents, where 23 clients × every operation would be most of the output.
    public var swiftOnly = false
    /// `"swift": {"groupFiles": N}`: bundle the Swift files into N files (1…256) for compile speed; 0 keeps one
    /// file per type; nil (`"auto"`, the default) groups only large outputs (see `PluginLayout.automaticGroupCount`).
    public var groupFiles: Int?
    /// Where the config was read from (nil when built from flags).
    public var configPath: String?

    public init(spec: String) { self.spec = spec }

    /// Known keys, for "unknown key" warnings.
    static let knownKeys: Set<String> = ["spec", "overlays", "postman", "postmanEnvironment", "operations", "output", "swift", "placeholders", "snippets", "codeSamplesSpec", "plugin", "$schema", "description"]

    /// The `swift` object of a config: module, access, mergeIdenticalTypes, pagination, groupFiles.
    static func readSwiftOptions(_ swift: JSONObject, into config: inout SpecGenConfig, document: JSONDocument) throws(DiagnosticsError) {
        if let module = swift["module"] { config.swift.moduleName = try moduleName(module, in: document) }
        if let access = swift["access"]?.value.stringValue {
            guard access == "public" || access == "internal" else {
                throw DiagnosticsError(document.diagnostic(.error, "'swift.access' must be \"public\" or \"internal\"", at: JSONPointer(tokens: ["swift", "access"])))
            }
            config.swift.access = access
        }
        if let merge = swift["mergeIdenticalTypes"] {
            guard let value = merge.value.boolValue else {
                throw DiagnosticsError(document.diagnostic(.error, "'swift.mergeIdenticalTypes' must be true or false", at: JSONPointer(tokens: ["swift", "mergeIdenticalTypes"])))
            }
            config.swift.mergeIdenticalTypes = value
        }
        if let pagination = swift["pagination"] {
            let schemes = ["cursor", "link", "page", "checkpoint", "none"]
            guard let entries = pagination.value.objectValue?.entries else {
                throw DiagnosticsError(document.diagnostic(.error, "'swift.pagination' must be an object of operationId → scheme", at: JSONPointer(tokens: ["swift", "pagination"])))
            }
            for entry in entries {
                guard let scheme = entry.value.value.stringValue, schemes.contains(scheme) else {
                    throw DiagnosticsError(document.diagnostic(.error, "'swift.pagination.\(entry.key)' must be one of \(schemes.joined(separator: ", "))", at: JSONPointer(tokens: ["swift", "pagination", entry.key])))
                }
                config.swift.pagination[entry.key] = scheme
            }
        }
        if let group = swift["groupFiles"] {
            if group.value.stringValue == "auto" {
                config.groupFiles = nil
            } else if let count = group.value.numberValue?.int, count >= 0, count <= PluginLayout.maximumShards {
                config.groupFiles = count
            } else {
                throw DiagnosticsError(document.diagnostic(.error, "'swift.groupFiles' must be \"auto\" or an integer from 0 to \(PluginLayout.maximumShards)", at: JSONPointer(tokens: ["swift", "groupFiles"])))
            }
        }
    }

    /// Reads a config file; errors are located in it.
    public static func load(path: String) throws(DiagnosticsError) -> (SpecGenConfig, [Diagnostic]) {
        let document = try DocumentLoader.load(path: path)
        var warnings = document.warnings
        guard case .object(let object) = document.root.value else {
            throw DiagnosticsError(document.diagnostic(.error, "the config must be an object", at: .root, hint: "see README: {\"spec\": \"Specs/openapi.json\", \"operations\": [...], \"output\": \"Generated\"}"))
        }
        let base = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : ""
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : (base == "." || base.isEmpty ? relative : base + "/" + relative)
        }
        func string(_ key: String) throws(DiagnosticsError) -> String? {
            guard let node = object[key] else { return nil }
            guard let text = node.value.stringValue else {
                throw DiagnosticsError(document.diagnostic(.error, "'\(key)' must be a string", at: JSONPointer(tokens: [key])))
            }
            return text
        }
        func strings(_ key: String, in object: JSONObject, at pointer: JSONPointer) throws(DiagnosticsError) -> [String] {
            guard let node = object[key] else { return [] }
            guard let items = node.value.arrayValue, items.allSatisfy({ $0.value.stringValue != nil }) else {
                throw DiagnosticsError(document.diagnostic(.error, "'\(key)' must be an array of strings", at: pointer.appending(key)))
            }
            return items.compactMap { $0.value.stringValue }
        }
        for entry in object.entries where !knownKeys.contains(entry.key) {
            warnings.append(Diagnostic.warning("unknown key '\(entry.key)' in the config is ignored", at: document.location(ofOffset: entry.keyOffset), pointer: "/" + JSONPointer.escape(entry.key), hint: "known keys: " + knownKeys.sorted().joined(separator: ", ")))
        }
        guard let spec = try string("spec") else {
            throw DiagnosticsError(document.diagnostic(.error, "the config needs a 'spec' path", at: .root, hint: "add \"spec\": \"Specs/openapi.json\""))
        }
        var config = SpecGenConfig(spec: resolve(spec))
        config.configPath = path
        config.overlays = try strings("overlays", in: object, at: .root).map(resolve)
        config.postman = try string("postman").map(resolve)
        config.postmanEnvironment = try string("postmanEnvironment").map(resolve)
        config.operations = try strings("operations", in: object, at: .root)
        config.output = resolve(try string("output") ?? "Generated")
        if let swift = object["swift"]?.value.objectValue { try readSwiftOptions(swift, into: &config, document: document) }
        config.codeSamplesSpec = try string("codeSamplesSpec")
        if let name = config.codeSamplesSpec, name.hasPrefix("/") || name.split(separator: "/").contains("..") {
            throw DiagnosticsError(document.diagnostic(.error, "'codeSamplesSpec' must be a path inside the output folder", at: JSONPointer(tokens: ["codeSamplesSpec"])))
        }
        for entry in object["placeholders"]?.value.objectValue?.entries ?? [] {
            if let value = entry.value.value.stringValue { config.placeholders[entry.key] = value }
        }
        if let snippets = object["snippets"]?.value.objectValue {
            config.snippetClients = try strings("clients", in: snippets, at: JSONPointer(tokens: ["snippets"]))
            if let swiftOnly = snippets["swiftOnly"]?.value.boolValue { config.swiftOnly = swiftOnly }
        }
        if let plugin = object["plugin"] {
            let pointer = JSONPointer(tokens: ["plugin", "shards"])
            guard let settings = plugin.value.objectValue else {
                throw DiagnosticsError(document.diagnostic(.error, "'plugin' must be an object like {\"shards\": 8}", at: JSONPointer(tokens: ["plugin"])))
            }
            if let shards = settings["shards"] {
                guard let count = shards.value.numberValue?.int, PluginLayoutContract.shardRange.contains(count) else {
                    throw DiagnosticsError(document.diagnostic(.error, "'plugin.shards' must be an integer from \(PluginLayoutContract.shardRange.lowerBound) to \(PluginLayoutContract.shardRange.upperBound)", at: pointer))
                }
                config.pluginShards = count
            }
        }
        return (config, warnings)
    }
}

extension SpecGenConfig {
    /// The value of `swift.module`; a located error unless it is a module name.
    static func moduleName(_ node: JSONNode, in document: JSONDocument) throws(DiagnosticsError) -> String {
        guard let name = node.value.stringValue, isModuleName(name) else {
            throw DiagnosticsError(document.diagnostic(.error, "'swift.module' must be a Swift module name (ASCII letters, digits and _, not starting with a digit)", at: JSONPointer(tokens: ["swift", "module"]), hint: "it is the `import` line of the swift-sdk snippets and docs pages, e.g. \"MyAPI\""))
        }
        return name
    }

    /// Whether `name` can follow `import`: ASCII letters, digits and `_`, not starting with a digit.
    public static func isModuleName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
    }
}
