import Foundation
import SpecGenCore

let diffHelp = """
USAGE: specgen diff OLD NEW [options]

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

OPTIONS:
  --config FILE          Config file (default: ./specgen.json, .yaml or .yml when present): spec, overlays,
                         operations (the scope; all operations when it lists none).
  --operation ID         Only this operation and the schemas it reaches (repeatable).
  --format FORMAT        text (default, compiler style), markdown (a changelog section), json (one object:
                         {"semver", "changes": [{"rule", "operation", "wire", "swift", "message", "old",
                         "new", "pointer"}]}) or github (workflow annotations).
  --fail-on VERDICT      Exit 1 when a change is wire (wire-breaking), source (source-breaking), any
                         (either; the default) or none (never).
  --keep-identical-types Compare SDKs generated without merging identical types.
  --max-input-bytes N    Refuse inputs larger than N bytes (default 67108864).
  -h, --help             Show this help.

EXIT STATUS: 0 no change with the --fail-on verdict, 1 such a change, 2 usage or input errors (a syntax or
model error in a document is reported as file:line:column: error: … with its JSON pointer and a hint; nothing
is printed on standard output then).

EXAMPLES:
  specgen diff Specs/api-v1.json Specs/api-v2.yaml
  specgen diff git:origin/main Specs/api.json --format markdown --fail-on source
  specgen diff old.json new.json --operation getUser --format json
"""

func runDiff(_ raw: [String]) -> Int32 {
    let arguments: Arguments
    let readerLimits: ReaderLimits
    let format: ChangeReportFormat
    let failOn: ChangeReport.FailOn
    do {
        arguments = try Arguments(raw, valued: ["--config", "--operation", "--format", "--fail-on", "--max-input-bytes"], flags: ["--help", "--keep-identical-types"])
        if arguments.has("--help") { Console.out(diffHelp); return ExitCode.success }
        readerLimits = try limits(arguments)
        guard let chosen = ChangeReportFormat(rawValue: arguments.value("--format") ?? "text") else {
            throw Arguments.UsageError(description: "--format must be text, markdown, json or github, not \(arguments.value("--format")!)")
        }
        guard let verdict = ChangeReport.FailOn(rawValue: arguments.value("--fail-on") ?? "any") else {
            throw Arguments.UsageError(description: "--fail-on must be wire, source, any or none, not \(arguments.value("--fail-on")!)")
        }
        guard arguments.positionals.count == 2 else {
            throw Arguments.UsageError(description: "diff needs exactly two documents, OLD and NEW (got \(arguments.positionals.count))")
        }
        (format, failOn) = (chosen, verdict)
    } catch {
        Console.err("error: \(error)\n\n\(diffHelp)")
        return ExitCode.failure
    }
    do {
        var config: SpecGenConfig?
        if let path = arguments.value("--config") ?? ["specgen.json", "specgen.yaml", "specgen.yml"].first(where: FileManager.default.fileExists(atPath:)) {
            config = try SpecGenConfig.load(path: path).0
        }
        var scope = DiffEngine.Scope(operations: config?.operations ?? [], swift: config?.swift ?? SwiftOptions())
        if !arguments.values("--operation").isEmpty { scope.operations = arguments.values("--operation") }
        if arguments.has("--keep-identical-types") { scope.swift.mergeIdenticalTypes = false }
        let sources = arguments.positionals.map(DiffInputs.Source.init(argument:))
        let (old, new) = try DiffInputs.loadBoth(sources[0], sources[1], spec: config?.spec, overlays: config?.overlays ?? [], limits: readerLimits)
        let report = try DiffEngine.run(old: old, new: new, scope: scope)
        FileHandle.standardOutput.write(Data(report.rendered(format).utf8))
        return report.fails(on: failOn) ? ExitCode.findings : ExitCode.success
    } catch {
        Console.report(error.diagnostics)
        return ExitCode.failure
    }
}
