import Foundation
import SpecGenCore

let version = "0.1.0"

/// Every command: its table (parser and help) and what runs it.
let commands: [(spec: CommandSpec, run: @Sendable ([String]) -> Int32)] = [
    (generateCommand, runGenerate),
    (validateCommand, runValidate),
    (snippetCommand, { runSnippet($0) }),
    (listOperationsCommand, runListOperations),
    (diffCommand, runDiff),
    (wireHarnessCommand, runWireHarness),
]

/// `specgen help`: the commands and their one-line summaries.
var mainHelp: String {
    let width = commands.map(\.spec.name.count).max()! + 3
    let lines = commands.map { "  " + $0.spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + $0.spec.abstract }
    return """
    specgen \(version) — Swift types, validators, request builders and docs snippets from OpenAPI and Postman.

    USAGE: specgen <command> [options]

    COMMANDS:
    \(lines.joined(separator: "\n"))
      \("help [command]".padding(toLength: width, withPad: " ", startingAt: 0))Show help for a command.
      \("version".padding(toLength: width, withPad: " ", startingAt: 0))Print the version.

    Run `specgen help <command>` for its options. Exit codes: 0 ok, 1 findings (stale output,
    invalid body), 2 usage or input errors.
    """
}

/// Runs one command; returns its exit status.
func dispatch(_ command: String, _ arguments: [String]) -> Int32 {
    if let entry = commands.first(where: { $0.spec.name == command }) { return entry.run(arguments) }
    switch command {
    case "help", "--help", "-h":
        guard let name = arguments.first else {
            Console.out(mainHelp)
            return ExitCode.success
        }
        guard arguments.count == 1, let entry = commands.first(where: { $0.spec.name == name }) else {
            Console.err("error: unknown command '\(name)'\nUSAGE: specgen help [command]\nSee `specgen help` for the commands.")
            return ExitCode.failure
        }
        Console.out(entry.spec.help)
        return ExitCode.success
    case "--version", "version":
        Console.out("specgen \(version)")
        return ExitCode.success
    default:
        let names = commands.map(\.spec.name)
        let close = names.filter { editDistance($0, command) <= 2 }.first.map { " (did you mean \($0)?)" } ?? ""
        Console.err("error: unknown command '\(command)'\(close)\nUSAGE: specgen <command> [options]\nSee `specgen help` for the commands.")
        return ExitCode.failure
    }
}
