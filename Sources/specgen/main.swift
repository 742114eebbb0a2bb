import Foundation
import SpecGenCore

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
