import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The package root, found from this file's path.
public let supportPackageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A running `Tests/Support/echo_server.py` on 127.0.0.1, stopped on deinit.
public final class EchoServer {
    let process = Process()
    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init(file: StaticString = #filePath, line: UInt = #line) throws {
        let portFile = FileManager.default.temporaryDirectory.appendingPathComponent("echo-port-\(UUID().uuidString)")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", supportPackageRoot.appendingPathComponent("Tests/Support/echo_server.py").path,
                             "--port-file", portFile.path, "--max-seconds", "3600"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
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
    public func requestsBlocking() throws -> [EchoedRequest] {
        let data = try Data(contentsOf: URL(string: "\(baseURL)/__requests")!)
        return try JSONDecoder().decode([EchoedRequest].self, from: data)
    }

    /// Queues the response the next request receives (for async tests: never blocks a concurrency thread).
    public func queueResponse(status: Int, headers: [[String]] = [], body: String) async throws {
        var request = URLRequest(url: URL(string: "\(baseURL)/__next")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["status": status, "headers": headers, "body": body])
        _ = try await URLSession.shared.data(for: request)
    }

    /// Every request recorded so far (async form).
    public func requests() async throws -> [EchoedRequest] {
        let (data, _) = try await URLSession.shared.data(from: URL(string: "\(baseURL)/__requests")!)
        return try JSONDecoder().decode([EchoedRequest].self, from: data)
    }

    /// Queues the response the next request receives.
    public func queueResponseBlocking(status: Int, headers: [[String]] = [], body: String) throws {
        var request = URLRequest(url: URL(string: "\(baseURL)/__next")!)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["status": status, "headers": headers, "body": body])
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { _, _, _ in done.signal() }.resume()
        done.wait()
    }
}

/// One request as the echo server recorded it.
public struct EchoedRequest: Decodable, Sendable {
    public let method: String
    public let path: String
    public let query: String
    public let headers: [[String]]
    public let body_base64: String

    public var body: Data { Data(base64Encoded: body_base64) ?? Data() }
    /// The first header value with this name, case-insensitively.
    public func header(_ name: String) -> String? { headers.first { $0[0].lowercased() == name.lowercased() }?[1] }
}


/// Runs a program to completion, capturing its output (for running generated snippets).
public func runProgram(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
