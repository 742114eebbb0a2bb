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
