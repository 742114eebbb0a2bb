import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The package root, found from this file's path (tests read fixtures from the repo only).
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fixture file under `Tests/Fixtures`.
func fixtureURL(_ relativePath: String) -> URL {
    packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
}

/// A running `Tests/Support/echo_server.py` on 127.0.0.1, stopped on deinit.
final class EchoServer {
    let process = Process()
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }

    init(file: StaticString = #filePath, line: UInt = #line) throws {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("echo-port-\(UUID().uuidString)")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("Tests/Support/echo_server.py").path,
                             "--port-file", portFile.path, "--max-seconds", "900"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var found: Int?
        for _ in 0..<200 {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let value = Int(text) { found = value; break }
            Thread.sleep(forTimeInterval: 0.025)
        }
        try? FileManager.default.removeItem(at: portFile)
        guard let found else {
            process.terminate()
            throw XCTSkip("echo server did not start")
        }
        port = found
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Every request recorded so far.
    func requests() throws -> [EchoedRequest] {
        let data = try Data(contentsOf: URL(string: "\(baseURL)/__requests")!)
        return try JSONDecoder().decode([EchoedRequest].self, from: data)
    }

    /// Queues the response the next request receives.
    func queueResponse(status: Int, headers: [[String]] = [], body: String) throws {
        var request = URLRequest(url: URL(string: "\(baseURL)/__next")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["status": status, "headers": headers, "body": body])
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, _, _ in done.signal() }.resume()
        done.wait()
    }
}

/// One request as the echo server recorded it.
struct EchoedRequest: Decodable {
    let method: String
    let path: String
    let query: String
    let headers: [[String]]
    let body_base64: String

    var body: Data { Data(base64Encoded: body_base64) ?? Data() }
    /// The first header value with this name, case-insensitively.
    func header(_ name: String) -> String? { headers.first { $0[0].lowercased() == name.lowercased() }?[1] }
}

/// The result of running the built `specgen` executable.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `specgen` binary built beside the test bundle (Linux puts the bundle in the products folder, macOS one level down).
let specgenExecutable: URL = {
    let bundle = Bundle(for: EchoServer.self).bundleURL
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
