import Foundation
import SpecGenCore

/// `specgen diff`: what an API change does to the generated SDK.
let diffCommand = CommandSpec(
    name: "diff",
    usage: "specgen diff OLD NEW [options]",
    abstract: "What an API change does to the generated SDK: wire-breaking, source-breaking, additive.",
    discussion: """
    Reports what changed between two versions of the API description, for the operations the SDK generates
    (the config's operations and the schemas they reach; every operation without a config), with two verdicts
    per change:
      wire   breaking when a client generated from OLD fails against a server implementing NEW, else compatible
      swift  source-breaking when code written against the SDK generated from OLD no longer compiles against
             the SDK generated from NEW; additive when it compiles and something is new; none otherwise
    and a semver bump (major, minor, patch, none).

    OLD and NEW are files (JSON, YAML, Swagger 2.0) or git:REV: the config's spec as it was at that revision
    (git show). The config's overlays are applied to both sides. An operation in scope whose operationId was
    renamed is found again by method and path. Every change has a rule id (docs/DIFF.md lists them), the
    operation, and its file:line:column in OLD and NEW.
    """,
    options: [
        .value("--config", "FILE", "Config file (default: ./specgen.json, .yaml or .yml when present): spec, overlays, operations (the scope; all operations when it lists none)."),
        .value("--operation", "ID", repeatable: true, "Only this operation and the schemas it reaches (repeatable)."),
        .value("--format", "FORMAT", .choice(ChangeReportFormat.allCases.map(\.rawValue)), "text (default, compiler style), markdown (a changelog section), json (one object: {\"semver\", \"changes\": [{\"rule\", \"operation\", \"wire\", \"swift\", \"message\", \"old\", \"new\", \"pointer\"}]}) or github (workflow annotations)."),
        .value("--fail-on", "VERDICT", .choice(ChangeReport.FailOn.allCases.map(\.rawValue)), "Exit 1 when a change is wire (wire-breaking), source (source-breaking), any (either; the default) or none (never)."),
        .flag("--keep-identical-types", "Compare SDKs generated without merging identical types."),
        SharedOptions.maxInputBytes,
    ],
    positionals: 2...2,
    positionalName: "document",
    footer: """
    EXIT STATUS: 0 no change with the --fail-on verdict, 1 such a change, 2 usage or input errors (a syntax or
    model error in a document is reported as file:line:column: error: … with its JSON pointer and a hint; nothing
    is printed on standard output then).

    EXAMPLES:
      specgen diff Specs/api-v1.json Specs/api-v2.yaml
      specgen diff git:origin/main Specs/api.json --format markdown --fail-on source
      specgen diff old.json new.json --operation getUser --format json
    """
)

func runDiff(_ raw: [String]) -> Int32 {
    execute(diffCommand, raw) { options in
        let format = ChangeReportFormat(rawValue: options.value("--format") ?? "text")!
        let failOn = ChangeReport.FailOn(rawValue: options.value("--fail-on") ?? "any")!
        var config: SpecGenConfig?
        if let path = options.value("--config") ?? ["specgen.json", "specgen.yaml", "specgen.yml"].first(where: FileManager.default.fileExists(atPath:)) {
            config = try SpecGenConfig.load(path: path).0
        }
        var scope = DiffEngine.Scope(operations: config?.operations ?? [], swift: config?.swift ?? SwiftOptions())
        if !options.values("--operation").isEmpty { scope.operations = options.values("--operation") }
        if options.has("--keep-identical-types") { scope.swift.mergeIdenticalTypes = false }
        let sources = options.positionals.map(DiffInputs.Source.init(argument:))
        let (old, new) = try DiffInputs.loadBoth(sources[0], sources[1], spec: config?.spec, overlays: config?.overlays ?? [], limits: readerLimits(options))
        let report = try DiffEngine.run(old: old, new: new, scope: scope)
        FileHandle.standardOutput.write(Data(report.rendered(format).utf8))
        // Both documents, both SDKs and the report are still in memory: the process ends here instead of
        // freeing them one object at a time (the tool's only work after this is exiting).
        exit(report.fails(on: failOn) ? ExitCode.findings : ExitCode.success)
    }
}
