import Foundation
import SpecGenCore

/// `specgen generate`: the output folder from specgen.json or flags.
let generateCommand = CommandSpec(
    name: "generate",
    usage: "specgen generate [options]",
    abstract: "Generate (or --check) the output folder from specgen.json or flags.",
    discussion: """
    Reads specgen.json in the current folder (or --config FILE) and writes the output folder. Only files
    whose bytes changed are rewritten; files a previous run produced and this one does not are removed.
    Flags override the config for one-off runs; with --spec and no config file every operation is generated.
    """,
    options: [
        SharedOptions.config,
        SharedOptions.spec,
        .value("--operation", "ID", repeatable: true, "Generate this operation (repeatable; none means every operation)."),
        .value("--output", "DIR", "Output folder (default: the config's, else Generated)."),
        SharedOptions.overlay,
        .value("--postman", "FILE", "Postman collection with example requests."),
        .value("--module", "NAME", .moduleName, "The module the generated Swift is compiled as: the `import` line of the swift-sdk snippets and docs pages (default: the config's \"swift\": {\"module\": …}, else API)."),
        .value("--code-samples", "NAME", "Also write NAME (inside the output folder): a copy of the spec with x-codeSamples filled in for Redoc-style renderers."),
        .flag("--swift-only", "Swift (types, validators, request builders) and curl snippets only: no other snippet languages, no docs pages (for whole documents)."),
        .flag("--check", "Write nothing; list what would change and exit 1 if anything would."),
        .value("--shards", "N", .integer(PluginLayout.shardRange), "Plugin layout: write only the Swift code, bundled into SpecGenSupport.swift, SpecGenOperations.swift and SpecGenTypes0…SpecGenTypes{N-1}.swift (fixed names; N from \(PluginLayout.shardRange.lowerBound) to \(PluginLayout.shardRange.upperBound); the build-tool plugin uses \(PluginLayout.defaultShards) unless \"plugin\": {\"shards\": N})."),
        .value("--group-files", "N|auto", .integer(0...PluginLayout.maximumShards, words: ["auto"]), "Bundle the Swift files into N files SpecGenGroup000… for compile speed (0: one file per type). auto (default; config \"swift\": {\"groupFiles\": …}) groups outputs of more than 400 Swift files into a power of two of ~80 KB files."),
        .flag("--keep-identical-types", "One Swift type per component schema even when several generate the same type (default: the first is a struct, the others typealiases of it; config \"swift\": {\"mergeIdenticalTypes\": false})."),
        SharedOptions.maxInputBytes,
        SharedOptions.maxDepth,
        SharedOptions.quiet,
    ],
    footer: """
    EXIT STATUS: 0 written or up to date, 1 --check found stale output, 2 usage or input errors (nothing is written).

    EXAMPLES:
      specgen generate
      specgen generate --check
      specgen generate --spec Specs/openapi.json --operation getPet --output /tmp/out
    """
)

func runGenerate(_ raw: [String]) -> Int32 {
    execute(generateCommand, raw) { options in
        let quiet = options.has("--quiet")
        let start = Date()
        do throws(DiagnosticsError) {
            let (resolved, configWarnings) = try resolveConfig(options)
            var config = resolved
            if options.has("--swift-only") { config.swiftOnly = true }
            if options.has("--keep-identical-types") { config.swift.mergeIdenticalTypes = false }
            if let group = options.value("--group-files") { config.groupFiles = Int(group) }  // "auto" → nil
            // The plugin layout bundles the per-type files itself.
            if options.value("--shards") != nil { config.groupFiles = 0 }
            Console.report(configWarnings, quiet: quiet)
            var output = try Generator.run(config, limits: readerLimits(options))
            // The model and the output (hundreds of thousands of objects for a whole API) live until the process
            // exits; freeing them one by one would take a third of the run.
            ProcessLifetime.keep(output)
            Console.report(output.diagnostics, quiet: quiet)
            if let shards = options.integer("--shards") { output.files = PluginLayout.shard(output.files, shards: shards) }
            if options.has("--check") { return check(output.files, in: config.output, quiet: quiet) }
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
}

/// `--check`: what would change, exit 1 when anything would.
func check(_ files: [GeneratedFile], in output: String, quiet: Bool) -> Int32 {
    let report = OutputWriter.check(files, in: output)
    if report.isClean {
        if !quiet { Console.out("\(output)/ is up to date (\(files.count) files)") }
        return ExitCode.success
    }
    for path in report.created { Console.out("would create \(output)/\(path)") }
    for path in report.updated { Console.out("would update \(output)/\(path)") }
    for path in report.removed { Console.out("would remove \(output)/\(path)") }
    Console.err("error: \(output)/ is stale: \(report.created.count + report.updated.count + report.removed.count) file(s) differ\n  hint: run `swift run specgen generate` and commit the result")
    return ExitCode.findings
}

/// Values the CLI deliberately never frees: the process exits right after using them.
enum ProcessLifetime {
    nonisolated(unsafe) private static var kept: [Any] = []
    static func keep(_ value: Any) { kept.append(value) }
}
