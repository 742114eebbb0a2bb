import Foundation

/// The pipeline, named by the data between stages:
/// input files → `JSONDocument`s → (overlays applied) → `APIDocument` → generated files.
public enum Generator {
    /// Everything a run produced: the files (not yet written) and the diagnostics.
    public struct Output: Sendable {
        public var files: [GeneratedFile]
        public var diagnostics: [Diagnostic]
        public var api: APIDocument
        public var operations: [Operation]
    }

    /// Every input file a run reads, loaded before the pipeline starts (the only I/O of a run).
    public struct Inputs: Sendable {
        public var spec: JSONDocument
        /// Overlay documents, applied to the spec in this order.
        public var overlays: [JSONDocument]
        public var postman: JSONDocument?
        public var postmanEnvironment: JSONDocument?

        public init(spec: JSONDocument, overlays: [JSONDocument] = [], postman: JSONDocument? = nil, postmanEnvironment: JSONDocument? = nil) {
            self.spec = spec
            self.overlays = overlays
            self.postman = postman
            self.postmanEnvironment = postmanEnvironment
        }

        /// Loads the files the config names: the spec, its overlays and, unless `specOnly`, the Postman collection.
        public static func load(_ config: SpecGenConfig, limits: ReaderLimits = .default, specOnly: Bool = false) throws(DiagnosticsError) -> Inputs {
            let spec = try DocumentLoader.load(path: config.spec, limits: limits)
            var overlays: [JSONDocument] = []
            for path in config.overlays { overlays.append(try DocumentLoader.load(path: path, limits: limits)) }
            guard !specOnly, let postmanPath = config.postman else { return Inputs(spec: spec, overlays: overlays) }
            let postman = try DocumentLoader.load(path: postmanPath, limits: limits)
            let environment = try config.postmanEnvironment.map { (path: String) throws(DiagnosticsError) -> JSONDocument in try DocumentLoader.load(path: path, limits: limits) }
            return Inputs(spec: spec, overlays: overlays, postman: postman, postmanEnvironment: environment)
        }
    }

    /// The spec with its overlays applied, and the warnings of reading and applying them.
    public static func applyOverlays(_ inputs: Inputs) throws(DiagnosticsError) -> (JSONDocument, [Diagnostic]) {
        var document = inputs.spec
        var diagnostics = document.warnings
        for overlay in inputs.overlays {
            diagnostics.append(contentsOf: overlay.warnings)
            let (applied, warnings) = try OverlayEngine().apply(overlay, to: document)
            document = applied
            diagnostics.append(contentsOf: warnings)
        }
        return (document, diagnostics)
    }

    /// Reads the spec named by the config and applies its overlays.
    public static func loadSpec(_ config: SpecGenConfig, limits: ReaderLimits = .default) throws(DiagnosticsError) -> (JSONDocument, [Diagnostic]) {
        try applyOverlays(Inputs.load(config, limits: limits, specOnly: true))
    }

    /// Reads the model from the config's inputs.
    public static func readAPI(_ config: SpecGenConfig, limits: ReaderLimits = .default) throws(DiagnosticsError) -> (APIDocument, [Diagnostic]) {
        try readAPI(Inputs.load(config, limits: limits, specOnly: true))
    }

    /// Reads the model from loaded inputs.
    public static func readAPI(_ inputs: Inputs) throws(DiagnosticsError) -> (APIDocument, [Diagnostic]) {
        let (document, warnings) = try applyOverlays(inputs)
        let (api, diagnostics) = try OpenAPIReader().read(document)
        return (api, warnings + diagnostics)
    }

    /// The operations the config selects; unknown ids are located errors (in the config when there is one).
    public static func selectOperations(_ config: SpecGenConfig, in api: APIDocument) throws(DiagnosticsError) -> [Operation] {
        guard !config.operations.isEmpty else { return api.operations }
        var selected: [Operation] = []
        var errors: [Diagnostic] = []
        for id in config.operations {
            if let operation = api.operation(id: id) {
                selected.append(operation)
            } else {
                let close = api.operations.map(\.id).filter { editDistance($0, id) <= 3 || $0.lowercased() == id.lowercased() }.sorted().prefix(3)
                let hint = close.isEmpty ? "run `specgen list-operations` to see the operation ids" : "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
                errors.append(Diagnostic.error("unknown operation id '\(id)' in \(config.spec)", at: config.configPath.map { SourceLocation(file: $0, line: 1, column: 1) }, pointer: "/operations", hint: hint))
            }
        }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        return selected
    }

    /// Loads the config's inputs and runs every stage in memory; nothing is written.
    public static func run(_ config: SpecGenConfig, limits: ReaderLimits = .default) throws(DiagnosticsError) -> Output {
        try run(Inputs.load(config, limits: limits), config)
    }

    /// Every stage on loaded inputs: a pure function of its arguments (the config's paths only name things).
    public static func run(_ inputs: Inputs, _ config: SpecGenConfig) throws(DiagnosticsError) -> Output {
        let (api, diagnostics0) = try readAPI(inputs)
        var diagnostics = diagnostics0
        let operations = try selectOperations(config, in: api)
        let components = Self.components(config, api: api, operations: operations)
        if !config.operations.isEmpty { diagnostics = dropWarnings(diagnostics, outside: Set(components)) }
        let specName = URL(fileURLWithPath: config.spec).lastPathComponent
        // The Swift code and the snippets (with the Postman examples they use) need only the model: they are made
        // side by side, and their diagnostics joined in the same order as one after the other.
        let ((files, types), (postman, snippets)) = try ParallelMap.both({
            SwiftTypesEmitter.emit(api, components: components, operations: operations, options: config.swift, specName: specName)
        }, { () throws(DiagnosticsError) -> (PostmanStage.Result?, [GeneratedFile]) in
            let postman = try inputs.postman.map { (document: JSONDocument) throws(DiagnosticsError) -> PostmanStage.Result in
                try PostmanStage.run(document, environment: inputs.postmanEnvironment, api: api)
            }
            return (postman, try SnippetStage.files(config, api: api, components: components, operations: operations, postman: postman))
        })
        diagnostics.append(contentsOf: types.diagnostics)
        diagnostics.append(contentsOf: postman?.diagnostics ?? [])
        var all = files + snippets
        let groups = config.groupFiles ?? PluginLayout.automaticGroupCount(all)
        if groups > 0 { all = PluginLayout.group(all, groups: groups) }
        return Output(files: all.sorted { $0.path < $1.path }, diagnostics: diagnostics, api: api, operations: operations)
    }

    /// The component schemas the Swift output declares: all of them, or those the selected operations reach.
    public static func components(_ config: SpecGenConfig, api: APIDocument, operations: [Operation]) -> [String] {
        config.operations.isEmpty ? api.schemas.map(\.name) : SchemaReachability.components(for: operations, in: api)
    }

    /// Reader warnings located inside component schemas the selected operations never reach describe code
    /// that is not generated; a run for one endpoint should not warn about the rest of the API.
    static func dropWarnings(_ diagnostics: [Diagnostic], outside reached: Set<String>) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            guard diagnostic.severity == .warning, let text = diagnostic.pointer, let tokens = JSONPointer(text)?.tokens,
                  tokens.count >= 3, tokens[0] == "components", tokens[1] == "schemas" else { return true }
            return reached.contains(tokens[2])
        }
    }
}
