import Foundation
import SpecGenCore

/// Options several commands share, declared once.
enum SharedOptions {
    static let config = Option.value("--config", "FILE", "Config file (default: ./specgen.json, .yaml or .yml when present).")
    static let spec = Option.value("--spec", "FILE", "OpenAPI description (JSON or YAML), instead of the config's.")
    static let overlay = Option.value("--overlay", "FILE", repeatable: true, "OpenAPI Overlay applied to the spec (repeatable).")
    static let maxInputBytes = Option.value("--max-input-bytes", "N", .integer(1...Int.max), "Refuse inputs larger than N bytes (default \(ReaderLimits.default.maxBytes)).")
    static let maxDepth = Option.value("--max-depth", "N", .integer(1...ReaderLimits.highestSafeDepth), "Refuse JSON/YAML nested deeper than N levels (default \(ReaderLimits.default.maxDepth); at most \(ReaderLimits.highestSafeDepth): deeper trees would overflow the stack when freed or walked).")
    static let quiet = Option.flag("--quiet", "Print errors only.")
}

/// Parses `raw` with `command`'s table and runs `body`: `--help` prints the help, a usage error prints the
/// usage line (exit 2), input errors print their diagnostics (exit 2). `out` and `err` take whole lines.
func execute(_ command: CommandSpec, _ raw: [String], out: (String) -> Void = Console.out, err: (String) -> Void = Console.err,
             _ body: (ParsedOptions) throws -> Int32) -> Int32 {
    do {
        let options = try ParsedOptions(raw, for: command)
        if options.has("--help") {
            out(command.help)
            return ExitCode.success
        }
        return try body(options)
    } catch let error as UsageError {
        err(command.usageErrorText(error))
    } catch let error as DiagnosticsError {
        for diagnostic in error.diagnostics { err(diagnostic.description) }
    } catch {
        err("error: \(error)")
    }
    return ExitCode.failure
}

/// Resolves the config from `--config`, `./specgen.json` or `--spec`, applying flag overrides.
func resolveConfig(_ options: ParsedOptions) throws(DiagnosticsError) -> (SpecGenConfig, [Diagnostic]) {
    var warnings: [Diagnostic] = []
    var config: SpecGenConfig
    if let path = options.value("--config") {
        (config, warnings) = try SpecGenConfig.load(path: path)
    } else if options.value("--spec") == nil, let found = ["specgen.json", "specgen.yaml", "specgen.yml"].first(where: FileManager.default.fileExists(atPath:)) {
        (config, warnings) = try SpecGenConfig.load(path: found)
    } else if let spec = options.value("--spec") {
        config = SpecGenConfig(spec: spec)
    } else {
        throw DiagnosticsError(.error("no specgen.json (or specgen.yaml) in this folder and no --spec given", hint: "run specgen from the package root, or pass --spec FILE (see `specgen help generate`)"))
    }
    if let spec = options.value("--spec") {
        config.spec = spec
        if options.values("--operation").isEmpty, options.value("--config") == nil { config.operations = [] }
    }
    if !options.values("--operation").isEmpty { config.operations = options.values("--operation") }
    if let output = options.value("--output") { config.output = output }
    if !options.values("--overlay").isEmpty { config.overlays = options.values("--overlay") }
    if let postman = options.value("--postman") { config.postman = postman }
    if let module = options.value("--module") { config.swift.moduleName = module }
    if let samples = options.value("--code-samples") { config.codeSamplesSpec = samples }
    return (config, warnings)
}

/// The reader limits `--max-input-bytes` and `--max-depth` ask for (their ranges are checked by the table).
func readerLimits(_ options: ParsedOptions) -> ReaderLimits {
    var limits = ReaderLimits.default
    if let bytes = options.integer("--max-input-bytes") { limits.maxBytes = bytes }
    if let depth = options.integer("--max-depth") { limits.maxDepth = depth }
    return limits
}
