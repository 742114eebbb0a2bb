import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory specgen-generate [options]` runs
/// `specgen generate [options]` in the package directory: it refreshes the checked-in output named by the
/// package's `specgen.json`. `specgen-generate --check` writes nothing and fails when the output is stale.
@main
struct SpecGenCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "specgen").url
        let process = Process()
        process.executableURL = tool
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let command = (["specgen", "generate"] + arguments).joined(separator: " ")
            if arguments.contains("--check"), process.terminationStatus == 1 {
                Diagnostics.error("generated output is stale (`\(command)` exited with status 1); run `swift package --allow-writing-to-package-directory specgen-generate`")
            } else {
                Diagnostics.error("`\(command)` failed with status \(process.terminationStatus)")
            }
            throw CommandFailed()
        }
    }
}

struct CommandFailed: Error, CustomStringConvertible {
    var description: String { "specgen-generate failed" }
}
