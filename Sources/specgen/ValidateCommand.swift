import Foundation
import SpecGenCore

/// `specgen validate`: request bodies against an operation's schema.
let validateCommand = CommandSpec(
    name: "validate",
    usage: "specgen validate --operation ID [options] BODY.json [BODY2.json ...]",
    abstract: "Check a JSON request body against an operation's schema.",
    discussion: """
    Checks JSON (or YAML) request bodies against the operation's request-body schema (after overlays) and prints
    one line per violation, e.g. `/given_name: maxLength: must be at most 150 characters long (found 151)`.
    Every violation is reported, not just the first. Use - to read the body from standard input. With several
    bodies, each line starts with the body's path, and the exit status is 1 when any body is invalid.
    """,
    options: [
        .value("--operation", "ID", "The operation whose request body to check (required)."),
        SharedOptions.config,
        SharedOptions.spec,
        SharedOptions.overlay,
        SharedOptions.maxInputBytes,
        SharedOptions.maxDepth,
        .flag("--quiet", "Print violations and errors only (no line for a valid body)."),
    ],
    positionals: 1...Int.max,
    positionalName: "body file",
    footer: """
    EXIT STATUS: 0 valid, 1 violations found, 2 unusable input.

    EXAMPLE:
      specgen validate --operation patch_users_by_id body.json
    """
)

func runValidate(_ raw: [String]) -> Int32 {
    execute(validateCommand, raw) { options in
        guard let operationId = options.value("--operation") else {
            throw UsageError("validate needs --operation ID", hint: "run `specgen list-operations` to see the operation ids")
        }
        var (config, warnings) = try resolveConfig(options)
        config.operations = [operationId]
        let limits = readerLimits(options)
        let (api, diagnostics) = try Generator.readAPI(config, limits: limits)
        Console.report((warnings + diagnostics).filter { $0.severity == .error })
        let operation = try Generator.selectOperations(config, in: api)[0]
        guard let schema = operation.requestBody?.json?.schema else {
            Console.err("error: operation '\(operationId)' has no JSON request body to validate")
            return ExitCode.failure
        }
        var invalid = false
        for path in options.positionals {
            let findings = try validateBody(path, readerLimits: limits, api: api, schema: schema)
            for finding in findings { Console.out(options.positionals.count > 1 ? "\(path): \(finding)" : finding.description) }
            if findings.isEmpty {
                if !options.has("--quiet") { Console.out("\(path): valid for \(operationId)") }
            } else {
                invalid = true
                Console.err("\(path): \(findings.count) violation(s) of \(operationId)'s request body schema")
            }
        }
        return invalid ? ExitCode.findings : ExitCode.success
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

/// `specgen list-operations`.
let listOperationsCommand = CommandSpec(
    name: "list-operations",
    usage: "specgen list-operations [--config FILE | --spec FILE] [--overlay FILE ...]",
    abstract: "List the operation ids a spec defines.",
    discussion: "Prints every operation as `METHOD path  operationId  summary`.",
    options: [SharedOptions.config, SharedOptions.spec, SharedOptions.overlay, SharedOptions.maxInputBytes, SharedOptions.maxDepth]
)

func runListOperations(_ raw: [String]) -> Int32 {
    execute(listOperationsCommand, raw) { options in
        var (config, _) = try resolveConfig(options)
        config.operations = []
        let (api, _) = try Generator.readAPI(config, limits: readerLimits(options))
        for operation in api.operations {
            Console.out("\(operation.method) \(operation.path)  \(operation.id)\(operation.summary.map { "  " + $0 } ?? "")")
        }
        return ExitCode.success
    }
}
