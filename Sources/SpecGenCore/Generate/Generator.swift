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

    /// Reads the spec named by the config and applies its overlays.
    public static func loadSpec(_ config: SpecGenConfig, limits: ReaderLimits = .default) throws(DiagnosticsError) -> (JSONDocument, [Diagnostic]) {
        var document = try DocumentLoader.load(path: config.spec, limits: limits)
        var diagnostics = document.warnings
        for path in config.overlays {
            let overlay = try DocumentLoader.load(path: path, limits: limits)
            diagnostics.append(contentsOf: overlay.warnings)
            let (applied, warnings) = try OverlayEngine().apply(overlay, to: document)
            document = applied
            diagnostics.append(contentsOf: warnings)
        }
        return (document, diagnostics)
    }

    /// Reads the model from the config's inputs.
    public static func readAPI(_ config: SpecGenConfig, limits: ReaderLimits = .default) throws(DiagnosticsError) -> (APIDocument, [Diagnostic]) {
        let (document, warnings) = try loadSpec(config, limits: limits)
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

    /// Runs every stage in memory; nothing is written.
    public static func run(_ config: SpecGenConfig, limits: ReaderLimits = .default) throws(DiagnosticsError) -> Output {
        let (api, diagnostics0) = try readAPI(config, limits: limits)
        var diagnostics = diagnostics0
        let operations = try selectOperations(config, in: api)
        let components = config.operations.isEmpty ? api.schemas.map(\.name) : SchemaReachability.components(for: operations, in: api)
        if !config.operations.isEmpty { diagnostics = dropWarnings(diagnostics, outside: Set(components)) }
        let specName = URL(fileURLWithPath: config.spec).lastPathComponent
        let (files, types) = SwiftTypesEmitter.emit(api, components: components, operations: operations, options: config.swift, specName: specName)
        diagnostics.append(contentsOf: types.diagnostics)
        let postman = try PostmanStage.run(config, api: api, limits: limits)
        diagnostics.append(contentsOf: postman?.diagnostics ?? [])
        let snippets = try SnippetStage.files(config, api: api, operations: operations, postman: postman)
        var all = files + snippets
        let groups = config.groupFiles ?? PluginLayout.automaticGroupCount(all)
        if groups > 0 { all = PluginLayout.group(all, groups: groups) }
        return Output(files: all.sorted { $0.path < $1.path }, diagnostics: diagnostics, api: api, operations: operations)
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
