import Foundation
import SpecGenCore

let version = "0.1.0"

let mainHelp = """
specgen \(version) — Swift types, validators, request builders and docs snippets from OpenAPI and Postman.

USAGE: specgen <command> [options]

COMMANDS:
  generate         Generate (or --check) the output folder from specgen.json or flags.
  validate         Check a JSON request body against an operation's schema.
  snippet          Print a request as code in one of many languages (curl, Python, Go, …).
  list-operations  List the operation ids a spec defines.
  diff             What an API change does to the generated SDK: wire-breaking, source-breaking, additive.
  wire-harness     For tests: the wire conformance harness for a spec (scripts/wire-conformance).
  help [command]   Show help for a command.

Run `specgen help <command>` for its options. Exit codes: 0 ok, 1 findings (stale output,
invalid body), 2 usage or input errors.
"""

let generateHelp = """
USAGE: specgen generate [options]

Reads specgen.json in the current folder (or --config FILE) and writes the output folder. Only files
whose bytes changed are rewritten; files a previous run produced and this one does not are removed.
Flags override the config for one-off runs; with --spec and no config file every operation is generated.

OPTIONS:
  --config FILE          Config file (default: ./specgen.json when present).
  --spec FILE            OpenAPI description (JSON or YAML), instead of the config's.
  --operation ID         Generate this operation (repeatable; none means every operation).
  --output DIR           Output folder (default: the config's, else Generated).
  --overlay FILE         OpenAPI Overlay applied to the spec (repeatable).
  --postman FILE         Postman collection with example requests.
  --module NAME          Module name used in generated docs (default from config).
  --code-samples NAME    Also write NAME (inside the output folder): a copy of the spec with
                         x-codeSamples filled in for Redoc-style renderers.
  --swift-only           Swift (types, validators, request builders) and curl snippets only: no other
                         snippet languages, no docs pages (for whole documents).
  --check                Write nothing; list what would change and exit 1 if anything would.
  --shards N             Plugin layout: write only the Swift code, bundled into SpecGenSupport.swift,
                         SpecGenOperations.swift and SpecGenTypes0…SpecGenTypes{N-1}.swift (fixed names).
  --group-files N|auto   Bundle the Swift files into N files SpecGenGroup000… for compile speed (0: one
                         file per type). auto (default; config "swift": {"groupFiles": …}) groups outputs
                         of more than 400 Swift files into a power of two of ~80 KB files.
  --keep-identical-types One Swift type per component schema even when several generate the same type
                         (default: the first is a struct, the others typealiases of it; config
                         "swift": {"mergeIdenticalTypes": false}).
  --max-input-bytes N    Refuse inputs larger than N bytes (default 67108864).
  --max-depth N          Refuse JSON/YAML nested deeper than N levels (default 512).
  --quiet                Print errors only.
  -h, --help             Show this help.

EXAMPLES:
  specgen generate
  specgen generate --check
  specgen generate --spec Specs/openapi.json --operation getPet --output /tmp/out
"""

let validateHelp = """
USAGE: specgen validate --operation ID [options] BODY.json [BODY2.json ...]

Checks JSON (or YAML) request bodies against the operation's request-body schema (after overlays) and prints
one line per violation, e.g. `/given_name: maxLength: must be at most 150 characters long (found 151)`.
Every violation is reported, not just the first. Use - to read the body from standard input. With several
bodies, each line starts with the body's path, and the exit status is 1 when any body is invalid.

OPTIONS:
  --operation ID         The operation whose request body to check (required).
  --config FILE          Config file (default: ./specgen.json when present).
  --spec FILE            OpenAPI description, instead of the config's.
  --overlay FILE         OpenAPI Overlay applied to the spec (repeatable).
  -h, --help             Show this help.

EXIT STATUS: 0 valid, 1 violations found, 2 unusable input.

EXAMPLE:
  specgen validate --operation patch_users_by_id body.json
"""

let listHelp = """
USAGE: specgen list-operations [--config FILE | --spec FILE]

Prints every operation as `METHOD path  operationId  summary`.
"""

/// Resolves the config from `--config`, `./specgen.json` or `--spec`, applying flag overrides.
func resolveConfig(_ arguments: Arguments) throws(DiagnosticsError) -> (SpecGenConfig, [Diagnostic]) {
    var warnings: [Diagnostic] = []
    var config: SpecGenConfig
    if let path = arguments.value("--config") {
        (config, warnings) = try SpecGenConfig.load(path: path)
    } else if arguments.value("--spec") == nil, let found = ["specgen.json", "specgen.yaml", "specgen.yml"].first(where: FileManager.default.fileExists(atPath:)) {
        (config, warnings) = try SpecGenConfig.load(path: found)
    } else if let spec = arguments.value("--spec") {
        config = SpecGenConfig(spec: spec)
    } else {
        throw DiagnosticsError(.error("no specgen.json (or specgen.yaml) in this folder and no --spec given", hint: "run specgen from the package root, or pass --spec FILE (see `specgen help generate`)"))
    }
    if let spec = arguments.value("--spec") {
        config.spec = spec
        if arguments.values("--operation").isEmpty, arguments.value("--config") == nil { config.operations = [] }
    }
    if !arguments.values("--operation").isEmpty { config.operations = arguments.values("--operation") }
    if let output = arguments.value("--output") { config.output = output }
    if !arguments.values("--overlay").isEmpty { config.overlays = arguments.values("--overlay") }
    if let postman = arguments.value("--postman") { config.postman = postman }
    if let module = arguments.value("--module") { config.swift.moduleName = module }
    if let samples = arguments.value("--code-samples") { config.codeSamplesSpec = samples }
    return (config, warnings)
}

func limits(_ arguments: Arguments) throws -> ReaderLimits {
    var limits = ReaderLimits.default
    if let bytes = try arguments.integer("--max-input-bytes") { limits.maxBytes = bytes }
    if let depth = try arguments.integer("--max-depth") {
        guard depth <= ReaderLimits.highestSafeDepth else {
            throw Arguments.UsageError(description: "--max-depth can be at most \(ReaderLimits.highestSafeDepth): deeper trees would overflow the stack when freed or walked")
        }
        limits.maxDepth = depth
    }
    return limits
}

func runGenerate(_ raw: [String]) -> Int32 {
    let arguments: Arguments
    let readerLimits: ReaderLimits
    var groupFiles: String?
    do {
        arguments = try Arguments(raw, valued: ["--config", "--spec", "--operation", "--output", "--overlay", "--postman", "--module", "--code-samples", "--max-input-bytes", "--max-depth", "--shards", "--group-files"], flags: ["--check", "--quiet", "--help", "--swift-only", "--keep-identical-types"])
        readerLimits = try limits(arguments)
        if let group = arguments.value("--group-files") {
            guard group == "auto" || (Int(group).map { $0 >= 0 && $0 <= PluginLayout.maximumShards } ?? false) else {
                throw Arguments.UsageError(description: "--group-files must be auto or an integer from 0 to \(PluginLayout.maximumShards), not \(group)")
            }
            groupFiles = group
        }
        if let shards = try arguments.integer("--shards"), shards > PluginLayout.maximumShards {
            throw Arguments.UsageError(description: "--shards must be at most \(PluginLayout.maximumShards), not \(shards)")
        }
    } catch {
        Console.err("error: \(error)\n\n\(generateHelp)")
        return ExitCode.failure
    }
    if arguments.has("--help") { Console.out(generateHelp); return ExitCode.success }
    let quiet = arguments.has("--quiet")
    let start = Date()
    do {
        let (resolved, configWarnings) = try resolveConfig(arguments)
        var config = resolved
        if arguments.has("--swift-only") { config.swiftOnly = true }
        if arguments.has("--keep-identical-types") { config.swift.mergeIdenticalTypes = false }
        if let group = groupFiles { config.groupFiles = Int(group) }  // "auto" → nil
        // The plugin layout bundles the per-type files itself.
        if arguments.value("--shards") != nil { config.groupFiles = 0 }
        Console.report(configWarnings, quiet: quiet)
        var output = try Generator.run(config, limits: readerLimits)
        // The model and the output (hundreds of thousands of objects for a whole API) live until the process
        // exits; freeing them one by one would take a third of the run.
        ProcessLifetime.keep(output)
        Console.report(output.diagnostics, quiet: quiet)
        if let shards = try? arguments.integer("--shards") { output.files = PluginLayout.shard(output.files, shards: shards) }
        if arguments.has("--check") {
            let report = OutputWriter.check(output.files, in: config.output)
            if report.isClean {
                if !quiet { Console.out("\(config.output)/ is up to date (\(output.files.count) files)") }
                return ExitCode.success
            }
            for path in report.created { Console.out("would create \(config.output)/\(path)") }
            for path in report.updated { Console.out("would update \(config.output)/\(path)") }
            for path in report.removed { Console.out("would remove \(config.output)/\(path)") }
            Console.err("error: \(config.output)/ is stale: \(report.created.count + report.updated.count + report.removed.count) file(s) differ\n  hint: run `swift run specgen generate` and commit the result")
            return ExitCode.findings
        }
        let report = try OutputWriter.write(output.files, to: config.output)
        if !quiet {
            let warnings = (configWarnings + output.diagnostics).filter { $0.severity == .warning }.count
            Console.out("generated \(output.files.count) files for \(output.operations.count) operation(s) into \(config.output)/: \(report.created.count) created, \(report.updated.count) updated, \(report.removed.count) removed, \(report.unchanged.count) unchanged; \(warnings) warning(s); \(Console.elapsed(since: start))")
        }
        return ExitCode.success
    } catch {
        Console.report(error.diagnostics)
        Console.err("specgen: nothing was written")
        return ExitCode.failure
    }
}

func runValidate(_ raw: [String]) -> Int32 {
    let arguments: Arguments
    do {
        arguments = try Arguments(raw, valued: ["--config", "--spec", "--operation", "--overlay", "--max-input-bytes", "--max-depth"], flags: ["--help", "--quiet"])
    } catch {
        Console.err("error: \(error)\n\n\(validateHelp)")
        return ExitCode.failure
    }
    if arguments.has("--help") { Console.out(validateHelp); return ExitCode.success }
    guard let operationId = arguments.value("--operation"), !arguments.positionals.isEmpty else {
        Console.err("error: validate needs --operation ID and a body file\n\n\(validateHelp)")
        return ExitCode.failure
    }
    do {
        var (config, warnings) = try resolveConfig(arguments)
        config.operations = [operationId]
        let readerLimits = (try? limits(arguments)) ?? .default
        let (api, diagnostics) = try Generator.readAPI(config, limits: readerLimits)
        Console.report((warnings + diagnostics).filter { $0.severity == .error })
        let operation = try Generator.selectOperations(config, in: api)[0]
        guard let schema = operation.requestBody?.json?.schema else {
            Console.err("error: operation '\(operationId)' has no JSON request body to validate")
            return ExitCode.failure
        }
        var invalid = false
        for path in arguments.positionals {
            let findings = try validateBody(path, readerLimits: readerLimits, api: api, schema: schema)
            for finding in findings { Console.out(arguments.positionals.count > 1 ? "\(path): \(finding)" : finding.description) }
            if findings.isEmpty {
                if !arguments.has("--quiet") { Console.out("\(path): valid for \(operationId)") }
            } else {
                invalid = true
                Console.err("\(path): \(findings.count) violation(s) of \(operationId)'s request body schema")
            }
        }
        return invalid ? ExitCode.findings : ExitCode.success
    } catch {
        Console.report(error.diagnostics)
        return ExitCode.failure
    }
}

/// Reads one body (a file, or standard input for `-`) and validates it against `schema`.
func validateBody(_ path: String, readerLimits: ReaderLimits, api: APIDocument, schema: Schema) throws(DiagnosticsError) -> [ValidationFinding] {
    let source: SourceFile
    if path == "-" {
        source = SourceFile(path: "<stdin>", bytes: [UInt8](FileHandle.standardInput.readDataToEndOfFile()))
    } else {
        source = try DocumentLoader.readSource(path: path, limits: readerLimits)
    }
    let body = try DocumentLoader.read(source, limits: readerLimits)
    Console.report(body.warnings)
    return SchemaValidator(api: api).validate(body.root, against: schema)
}

func runListOperations(_ raw: [String]) -> Int32 {
    do {
        let arguments = try Arguments(raw, valued: ["--config", "--spec"], flags: ["--help"])
        if arguments.has("--help") { Console.out(listHelp); return ExitCode.success }
        var (config, _) = try resolveConfig(arguments)
        config.operations = []
        let (api, _) = try Generator.readAPI(config)
        for operation in api.operations {
            Console.out("\(operation.method) \(operation.path)  \(operation.id)\(operation.summary.map { "  " + $0 } ?? "")")
        }
        return ExitCode.success
    } catch let error as DiagnosticsError {
        Console.report(error.diagnostics)
        return ExitCode.failure
    } catch {
        Console.err("error: \(error)\n\n\(listHelp)")
        return ExitCode.failure
    }
}

/// Values the CLI deliberately never frees: the process exits right after using them.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    static func keep(_ value: Any) { kept.append(value) }
}
