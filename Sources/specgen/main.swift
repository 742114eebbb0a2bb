import Foundation
import SpecGenCore

var arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.isEmpty ? "help" : arguments.removeFirst()
let status: Int32
switch command {
case "generate": status = runGenerate(arguments)
case "validate": status = runValidate(arguments)
case "list-operations": status = runListOperations(arguments)
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
    case "snippet": Console.out(SnippetCLI.help)
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
exit(status)
