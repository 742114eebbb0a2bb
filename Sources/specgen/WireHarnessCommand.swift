import Foundation
import SpecGenCore

let wireHarnessHelp = """
USAGE: specgen wire-harness --spec FILE --output DIR [--operation ID ...] [--module NAME] [--call output|short]

For tests (scripts/wire-conformance, docs/WIRE.md): writes DIR/main.swift, Support.swift and
Cases000.swift… (40 operations each), an executable that builds every
operation's typed input from a deterministic example (the spec's example when it satisfies its schema, else
one synthesized from the schema) and sends it with the client `specgen generate --swift-only` generates for the
same spec and operations, and DIR/wire-cases.json, the responses the loopback server answers with and the
operations excluded (with the reason). Not part of the SDK; its output format may change.

OPTIONS:
  --spec FILE            OpenAPI description (JSON or YAML).
  --config FILE          Config file instead of --spec (its overlays apply).
  --operation ID         Only this operation (repeatable; must match the generated SDK's selection).
  --output DIR           Folder for the Swift files and wire-cases.json (required; stale
                         Cases*.swift files of an earlier run are removed).
  --module NAME          The module the generated SDK is compiled as (default: WireAPI).
  --call output|short    Decode with `client.send(op)` into the `Output` enum, checking the documented case
                         (default), or with the short call (the success body; an error as `APIError`).
  -h, --help             Show this help.
"""

func runWireHarness(_ raw: [String]) -> Int32 {
    let arguments: Arguments
    do {
        arguments = try Arguments(raw, valued: ["--config", "--spec", "--operation", "--output", "--overlay", "--module", "--call"], flags: ["--help"])
    } catch {
        Console.err("error: \(error)\n\n\(wireHarnessHelp)")
        return ExitCode.failure
    }
    if arguments.has("--help") { Console.out(wireHarnessHelp); return ExitCode.success }
    guard let output = arguments.value("--output") else {
        Console.err("error: wire-harness needs --output DIR\n\n\(wireHarnessHelp)")
        return ExitCode.failure
    }
    let callStyle: WireHarness.CallStyle
    switch arguments.value("--call") ?? "output" {
    case "short": callStyle = .shortCall
    case "output": callStyle = .outputEnum
    case let other:
        Console.err("error: --call must be short or output, not \(other)\n\n\(wireHarnessHelp)")
        return ExitCode.failure
    }
    do {
        let (config, _) = try resolveConfig(arguments)
        let (api, _) = try Generator.readAPI(config)
        let operations = try Generator.selectOperations(config, in: api)
        let components = config.operations.isEmpty ? api.schemas.map(\.name) : SchemaReachability.components(for: operations, in: api)
        let files = WireHarness.files(api: api, operations: operations, components: components, moduleName: arguments.value("--module") ?? "WireAPI", callStyle: callStyle)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: output)
        let names = Set(files.swiftFiles.map(\.name))
        for stale in (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? [] where stale.hasPrefix("Cases") && stale.hasSuffix(".swift") && !names.contains(stale) {
            try FileManager.default.removeItem(at: folder.appendingPathComponent(stale))
        }
        for file in files.swiftFiles {
            try Data(file.text.utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent(file.name))
        }
        try Data(files.casesJSON.utf8).write(to: URL(fileURLWithPath: output).appendingPathComponent("wire-cases.json"))
        return ExitCode.success
    } catch let error as DiagnosticsError {
        Console.report(error.diagnostics)
        return ExitCode.failure
    } catch {
        Console.err("error: \(error)")
        return ExitCode.failure
    }
}
