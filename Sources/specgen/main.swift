import Foundation
import SpecGenCore

/// Runs one command; returns its exit status.
func dispatch(_ command: String, _ arguments: [String]) -> Int32 {
let status: Int32
switch command {
case "generate": status = runGenerate(arguments)
case "validate": status = runValidate(arguments)
case "list-operations": status = runListOperations(arguments)
case "diff": status = runDiff(arguments)
case "wire-harness": status = runWireHarness(arguments)
case "snippet":
    status = SnippetCLI.run(arguments, readFile: { path in
        guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        return String(decoding: data, as: UTF8.self)
    }, write: { FileHandle.standardOutput.write(Data($0.utf8)) }, writeError: { FileHandle.standardError.write(Data($0.utf8)) })
case "help", "--help", "-h":
    switch arguments.first {
    case "generate": Console.out(generateHelp)
    case "validate": Console.out(validateHelp)
    case "list-operations": Console.out(listHelp)
    case "diff": Console.out(diffHelp)
    case "snippet": Console.out(SnippetCLI.help)
    case "wire-harness": Console.out(wireHarnessHelp)
    default: Console.out(mainHelp)
    }
    status = ExitCode.success
case "--version", "version":
    Console.out("specgen \(version)")
    status = ExitCode.success
default:
    Console.err("error: unknown command '\(command)'\n\n\(mainHelp)")
    status = ExitCode.failure
}
return status
}

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.isEmpty ? "help" : arguments.removeFirst()
let commandArguments = arguments
// Documents nested deeper than the default limit are read, walked and freed on a thread whose stack fits them.
let requestedDepth = zip(arguments, arguments.dropFirst()).first { $0.0 == "--max-depth" }.flatMap { Int($0.1) }
    ?? arguments.first { $0.hasPrefix("--max-depth=") }.flatMap { Int($0.dropFirst("--max-depth=".count)) }
if let depth = requestedDepth, depth > ReaderLimits.default.maxDepth, depth <= ReaderLimits.highestSafeDepth {
    exit(LargeStack.run(stackSize: LargeStack.size(forDepth: depth)) { dispatch(command, commandArguments) })
}
exit(dispatch(command, commandArguments))
