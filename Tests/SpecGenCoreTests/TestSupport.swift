import Foundation
import XCTest
@_exported import SpecGenTestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The package root, found from this file's path (tests read fixtures from the repo only).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixture file under `Tests/Fixtures`.
func fixtureURL(_ relativePath: String) -> URL {
    packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
}

/// The result of running the built `specgen` executable.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `specgen` binary built beside the test bundle (Linux puts the bundle in the products folder, macOS one level down).
let specgenExecutable: URL = {
    let bundle = Bundle(for: SpecgenBundleMarker.self).bundleURL
    for folder in [bundle, bundle.deletingLastPathComponent()] {
        let candidate = folder.appendingPathComponent("specgen")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return bundle.appendingPathComponent("specgen")
}()

/// Runs the `specgen` binary built beside the tests, in `directory`.
func runSpecgen(_ arguments: [String], in directory: URL = packageRoot, stdin: String? = nil) throws -> CommandResult {
    let process = Process()
    process.executableURL = specgenExecutable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}

/// A fresh temporary folder, removed at the end of the test.
func temporaryFolder(_ testCase: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// Every file below `folder` with its bytes, for "nothing changed" assertions.
func snapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return result }
    for case let url as URL in enumerator {
        if let data = try? Data(contentsOf: url), !url.hasDirectoryPath {
            result[String(url.path.dropFirst(folder.path.count))] = data
        }
    }
    return result
}

/// A class in this test bundle, to find the bundle.
final class SpecgenBundleMarker {}
