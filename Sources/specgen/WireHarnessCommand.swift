import Foundation
import SpecGenCore

/// `specgen wire-harness`: the wire conformance harness for a spec (for tests).
let wireHarnessCommand = CommandSpec(
    name: "wire-harness",
    usage: "specgen wire-harness --spec FILE --output DIR [--operation ID ...] [--module NAME] [--call output|short]",
    abstract: "For tests: the wire conformance harness for a spec (scripts/wire-conformance).",
    discussion: """
    For tests (scripts/wire-conformance, docs/WIRE.md): writes DIR/main.swift, Support.swift and
    Cases000.swift… (40 operations each), an executable that builds every
    operation's typed input from a deterministic example (the spec's example when it satisfies its schema, else
    one synthesized from the schema) and sends it with the client `specgen generate --swift-only` generates for the
    same spec and operations, and DIR/wire-cases.json, the responses the loopback server answers with and the
    operations excluded (with the reason). Not part of the SDK; its output format may change.
    """,
    options: [
        .value("--spec", "FILE", "OpenAPI description (JSON or YAML)."),
        .value("--config", "FILE", "Config file instead of --spec (its overlays apply)."),
        SharedOptions.overlay,
        .value("--operation", "ID", repeatable: true, "Only this operation (repeatable; must match the generated SDK's selection)."),
        .value("--output", "DIR", "Folder for the Swift files and wire-cases.json (required; stale Cases*.swift files of an earlier run are removed)."),
        .value("--module", "NAME", .moduleName, "The module the generated SDK is compiled as (default: WireAPI)."),
        .value("--call", "STYLE", .choice(["output", "short"]), "output: decode with `client.send(op)` into the `Output` enum, checking the documented case (default); short: the short call (the success body; an error as `APIError`)."),
    ]
)

func runWireHarness(_ raw: [String]) -> Int32 {
    execute(wireHarnessCommand, raw) { arguments in
        guard let output = arguments.value("--output") else { throw UsageError("wire-harness needs --output DIR") }
        let callStyle: WireHarness.CallStyle = arguments.value("--call") == "short" ? .shortCall : .outputEnum
        return try writeWireHarness(arguments, output: output, callStyle: callStyle)
    }
}

/// Generates the harness and writes it into `output`.
func writeWireHarness(_ arguments: ParsedOptions, output: String, callStyle: WireHarness.CallStyle) throws -> Int32 {
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
}
