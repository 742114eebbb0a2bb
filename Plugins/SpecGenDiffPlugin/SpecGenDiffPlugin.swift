import Foundation
import PackagePlugin

/// `swift package specgen-diff OLD NEW [options]` runs `specgen diff OLD NEW [options]` in the package
/// directory (so `git:REV` and the package's `specgen.json` work as on the command line). It reads only:
/// the report goes to standard output, and the command fails when `specgen diff` exits 1 (a change with the
/// `--fail-on` verdict) or 2 (usage or input errors).
@main
struct SpecGenDiffPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "specgen").url
        let process = Process()
        process.executableURL = tool
        process.arguments = ["diff"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let command = (["specgen", "diff"] + arguments).joined(separator: " ")
            if process.terminationStatus == 1 {
                Diagnostics.error("`\(command)` found changes with the --fail-on verdict (exit status 1)")
            } else {
                Diagnostics.error("`\(command)` failed with status \(process.terminationStatus)")
            }
            throw DiffFailed(status: process.terminationStatus)
        }
    }
}

struct DiffFailed: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "specgen-diff failed (status \(status))" }
}
