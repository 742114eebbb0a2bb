import Foundation
import XCTest
@testable import SpecGenCore

/// A run that fails or is killed leaves the output folder exactly as it was.
final class SafeWriteTests: XCTestCase {
    /// A copy of the repo's config and specs in a temporary folder, generated once.
    func preparedProject() throws -> URL {
        let folder = try temporaryFolder(self)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Specs"), to: folder.appendingPathComponent("Specs"))
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("specgen.json"), to: folder.appendingPathComponent("specgen.json"))
        let first = try runSpecgen(["generate", "--quiet"], in: folder)
        XCTAssertEqual(first.status, 0, first.stderr)
        return folder
    }

    /// Changes one description the generated Swift shows, so the next run would rewrite files.
    func editSpec(in folder: URL) throws {
        let url = folder.appendingPathComponent("Specs/auth0-management-v2.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        let original = "Given name/first name/forename of this user."
        XCTAssertTrue(text.contains(original))
        text = text.replacingOccurrences(of: original, with: "Given name (edited for the kill test).")
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func testKilledRunLeavesGeneratedUntouched() throws {
        let folder = try preparedProject()
        let before = snapshot(folder.appendingPathComponent("Generated"))
        try editSpec(in: folder)
        for delay in [0.05, 0.15, 0.3] {
            let process = Process()
            process.executableURL = specgenExecutable
            process.arguments = ["generate", "--quiet"]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = snapshot(folder.appendingPathComponent("Generated"))
            // Either the run was killed before renaming anything, or (on a very fast machine) it finished.
            let finished = process.terminationReason == .exit
            if !finished {
                XCTAssertEqual(after.filter { !$0.key.contains(OutputWriter.temporaryMarker) }, before, "killed after \(delay) s")
            }
        }
        // The next complete run applies the change and leaves no temporary files behind.
        let result = try runSpecgen(["generate", "--quiet"], in: folder)
        XCTAssertEqual(result.status, 0, result.stderr)
        let final = snapshot(folder.appendingPathComponent("Generated"))
        XCTAssertFalse(final.keys.contains { $0.contains(OutputWriter.temporaryMarker) })
        XCTAssertTrue(String(decoding: final["/Swift/Types/UpdateUserRequestContent.swift"] ?? Data(), as: UTF8.self).contains("Given name (edited for the kill test)."))
    }

    func testFailingInputLeavesGeneratedUntouched() throws {
        let folder = try preparedProject()
        let before = snapshot(folder.appendingPathComponent("Generated"))
        // A broken overlay: the run fails after reading the spec, before anything is written.
        try "{ \"overlay\": \"1.0.0\", \"actions\": [ }".write(to: folder.appendingPathComponent("Specs/auth0-rules.overlay.json"), atomically: true, encoding: .utf8)
        let result = try runSpecgen(["generate"], in: folder)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("Specs/auth0-rules.overlay.json:1:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was written"))
        XCTAssertEqual(snapshot(folder.appendingPathComponent("Generated")), before)
    }

    func testLeftoverTemporariesAreCleanedUp() throws {
        let folder = try temporaryFolder(self)
        let output = folder.appendingPathComponent("out").path
        let file = GeneratedFile(path: "Swift/A.swift", contents: "let a = 1\n")
        _ = try OutputWriter.write([file], to: output)
        let leftover = output + "/Swift/.A.swift\(OutputWriter.temporaryMarker)999"
        try "partial".write(toFile: leftover, atomically: false, encoding: .utf8)
        let report = try OutputWriter.write([file], to: output)
        XCTAssertEqual(report.unchanged, ["Swift/A.swift"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover))
    }
}
