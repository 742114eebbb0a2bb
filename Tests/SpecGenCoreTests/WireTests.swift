import Foundation
import XCTest
@testable import SpecGenCore

/// `Tests/Fixtures/wire/wire.openapi.json` has one operation per form of body, parameter style and security
/// scheme. The generated client is compiled with `wire/probe/main.swift`, which sends every operation to the
/// loopback echo server; this test compares what arrived byte for byte, and has Python's `email` parser (not
/// ours) read the multipart body.
final class WireTests: XCTestCase {
    func testEveryBodyStyleAndSchemeArrivesAsTheSpecDescribes() throws {
        let output = try temporaryFolder(self)
        let run = try runSpecgen(["generate", "--spec", "Tests/Fixtures/wire/wire.openapi.json", "--output", output.path, "--swift-only"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let responsesOutput = try temporaryFolder(self)
        let responsesRun = try runSpecgen(["generate", "--spec", "Tests/Fixtures/wire/responses.openapi.json", "--output", responsesOutput.path, "--swift-only"])
        XCTAssertEqual(responsesRun.status, 0, responsesRun.stdout + responsesRun.stderr)

        let package = packageRoot.appendingPathComponent(".build/wire-probe")
        let sources = package.appendingPathComponent("Sources")
        try? FileManager.default.removeItem(at: sources)
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("Probe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: output.appendingPathComponent("Swift"), to: sources.appendingPathComponent("WireAPI"))
        try FileManager.default.copyItem(at: fixtureURL("wire/probe/main.swift"), to: sources.appendingPathComponent("Probe/main.swift"))
        try FileManager.default.copyItem(at: responsesOutput.appendingPathComponent("Swift"), to: sources.appendingPathComponent("ResponsesAPI"))
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("ResponsesProbe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtureURL("wire/responses-probe/main.swift"), to: sources.appendingPathComponent("ResponsesProbe/main.swift"))
        try Data("""
        // swift-tools-version:6.0
        import PackageDescription
        let package = Package(name: "WireProbe", targets: [
            .target(name: "WireAPI"),
            .executableTarget(name: "Probe", dependencies: ["WireAPI"]),
            .target(name: "ResponsesAPI"),
            .executableTarget(name: "ResponsesProbe", dependencies: ["ResponsesAPI"]),
        ])

        """.utf8).write(to: package.appendingPathComponent("Package.swift"))
        let build = try runProgram("/usr/bin/env", ["swift", "build", "--package-path", package.path])
        XCTAssertEqual(build.status, 0, "the generated client does not compile:\n" + build.stdout + build.stderr)
        guard build.status == 0 else { return }
        let warnings = (build.stdout + build.stderr).split(separator: "\n").filter { $0.contains("warning:") && ($0.contains("WireAPI") || $0.contains("ResponsesAPI")) }
        XCTAssertEqual(warnings, [], "the generated client compiles with warnings")

        let server = try EchoServer()
        let probe = try runProgram(package.appendingPathComponent(".build/debug/Probe").path, [server.baseURL])
        XCTAssertEqual(probe.stdout, "done\n", probe.stdout + probe.stderr)
        let received = try server.requestsBlocking()
        XCTAssertEqual(received.map(\.path), [
            "/v1/customers", "/v1/customers", "/v1/files", "/v1/items/.3.4/;x=1;y=2/a%20b%2Fc", "/v1/keys/header", "/v1/keys/cookie",
            "/v1/public", "/v1/optional", "/v1/notes", "/v1/notes",
        ])
        guard received.count == 10 else { return }
        let (create, list, upload, items, header, cookie, open, optional, note, blob) =
            (received[0], received[1], received[2], received[3], received[4], received[5], received[6], received[7], received[8], received[9])

        // Form body: deepObject to any depth, Stripe's `expand[]`, an explicit null as an empty value, form non-exploded.
        XCTAssertEqual(create.header("content-type"), "application/x-www-form-urlencoded")
        XCTAssertEqual(create.header("authorization"), "Bearer only-bearer")
        XCTAssertEqual(String(decoding: create.body, as: UTF8.self),
                       "address%5Bcity%5D=Berlin&address%5Bline1%5D=Main%201&balance=5&description=&email=jane%2B1%40example.com"
                       + "&expand%5B%5D=sources&expand%5B%5D=tax&items%5B0%5D%5Bprice%5D=p_1&items%5B0%5D%5Bquantity%5D=2&metadata%5Bplan%5D=gold&tags=a,b")

        // Query styles in parameter order; the first satisfiable alternative (basic) is used.
        XCTAssertEqual(list.query, "created%5Bgt%5D=5&created%5Blte%5D=9&ids=a%7Cb&words=x%20y%20z&color=blue&color=black"
                       + "&filter=%7B%22a%22%3A1%7D&next=a/b?c%26d&limit=10")
        XCTAssertEqual(list.header("authorization"), "Basic c2tfdGVzdDo=")

        // Path label/matrix/simple, header array, cookie parameter, API key in the query.
        XCTAssertEqual(items.query, "api_key=q-key%26%3D")
        XCTAssertEqual(items.header("x-trace"), "t1,t2")
        XCTAssertEqual(items.header("cookie"), "session=s%3B1")
        XCTAssertNil(items.header("authorization"))

        XCTAssertEqual(header.header("x-api-key"), "h-key")
        XCTAssertEqual(cookie.header("x-api-key"), "h-key", "both schemes of one alternative are sent")
        XCTAssertEqual(cookie.header("cookie"), "key=c%20key")
        XCTAssertNil(open.header("authorization"), "security: [] sends no credentials")
        XCTAssertNil(optional.header("authorization"), "security: [{}] makes credentials optional")

        XCTAssertEqual(note.method, "PUT")
        XCTAssertEqual(note.header("content-type"), "text/plain")
        XCTAssertEqual(note.body, Data("héllo\n".utf8))
        XCTAssertEqual(blob.header("content-type"), "application/octet-stream")
        XCTAssertEqual(blob.body, Data([0, 1, 2, 255]))

        try assertMultipart(upload)

        // Every documented response decodes into its case of `Output`; the short call throws the documented error.
        let responses = try EchoServer()
        let decoded = try runProgram(package.appendingPathComponent(".build/debug/ResponsesProbe").path, [responses.baseURL])
        XCTAssertEqual(decoded.stdout.split(separator: "\n").map(String.init), [
            "send 200: ok t1 3",
            "send 201: created made",
            "send 204: noContent",
            "send 404: notFound 44 no such thing",
            "send 418: clientError 418 teapot",
            "send 503: serverError 503",
            "send 202: default 202 3",
            "short 200: Thing t2",
            "short 404: APIError 404  notFound 44 -",
            "short 200 undecodable: APIError 200 the 200 response does not decode: DecodingError.keyNotFound no output",
            "report 200: ok %PDF-1.7",
            "report 500: undocumented 500 boom",
            "report short: Data 4",
            "create as application/json: Thing t9",
            "create as application/x-www-form-urlencoded: Thing t9",
            "done",
        ], decoded.stderr)
        // One body, two media types: JSON by default, a form when the caller asks.
        let created = try responses.requestsBlocking().suffix(2).map { [$0.method, $0.path, $0.header("content-type") ?? "", String(decoding: $0.body, as: UTF8.self)] }
        XCTAssertEqual(created, [
            ["POST", "/v1/things", "application/json", #"{"id":"a b&c","size":2}"#],
            ["POST", "/v1/things", "application/x-www-form-urlencoded", "id=a%20b%26c&size=2"],
        ])
    }

    /// The multipart body as Python's `email` package reads it: name, file name, content type and bytes per part.
    func assertMultipart(_ upload: EchoedRequest) throws {
        XCTAssertEqual(upload.header("authorization"), "Bearer fresh")
        let contentType = try XCTUnwrap(upload.header("content-type"))
        XCTAssertTrue(contentType.hasPrefix("multipart/form-data; boundary=SpecGen-"), contentType)
        let file = try temporaryFolder(self).appendingPathComponent("body")
        try (Data("Content-Type: \(contentType)\r\n\r\n".utf8) + upload.body).write(to: file)
        let script = """
        import email, email.policy, json, sys
        message = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=email.policy.HTTP)
        parts = []
        for part in message.iter_parts():
            parts.append([part.get_param("name", header="content-disposition"), part.get_filename(),
                          part.get("content-type"), part.get_payload(decode=True).hex()])
        print(json.dumps({"defects": [str(d) for d in message.defects], "parts": parts}))
        """
        let parsed = try runProgram("/usr/bin/env", ["python3", "-c", script, file.path])
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let hex = { (text: String) in Data(text.utf8).map { String(format: "%02x", $0) }.joined() }
        let expected: [[String?]] = [
            ["file", "notes.txt", "text/plain", hex("line1\r\nline2\u{0}")],
            ["purpose", nil, nil, hex("fine-tune")],
            ["attachments", "a.bin", "application/octet-stream", "ff00"],
            ["attachments", "b.bin", "application/octet-stream", hex("b")],
            ["meta", nil, "application/json", hex(#"{"k":1}"#)],
            ["note", nil, "text/markdown", hex("# hi")],
        ]
        let object = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["defects"] as? [String], [])
        let parts = (object?["parts"] as? [[Any]])?.map { $0.map { $0 as? String } }
        XCTAssertEqual(parts, expected)
    }
}
