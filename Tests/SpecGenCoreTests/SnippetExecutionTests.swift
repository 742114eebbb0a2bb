import Foundation
import XCTest
@testable import SpecGenCore

/// Renders every snippet client for every request fixture, then has `scripts/snippet-suite/run_suite.py`
/// build each language once, run every program against the loopback echo server and compare what arrived
/// with the described request. Prints the client × fixture table.
///
/// A runtime that is not installed is reported as skipped with the install hint; with `CI=true` it fails.
/// `SNIPPET_SUITE_CLIENTS=go-native,php-curl` limits a local run to some clients, `SNIPPET_SUITE_FIXTURES=url/,openapi/`
/// to the fixtures whose ids start so.
final class SnippetExecutionTests: XCTestCase {
    func testEveryClientRunsEveryFixtureAgainstTheEchoServer() throws {
        // Two echo servers, so two cases can run at once (each server sees one case at a time).
        let servers = [try EchoServer(), try EchoServer()]
        var fixtures = try SnippetSuiteFixtures.all()
        if let only = ProcessInfo.processInfo.environment["SNIPPET_SUITE_FIXTURES"] {
            let prefixes = only.split(separator: ",").map(String.init)
            fixtures = fixtures.filter { fixture in prefixes.contains { fixture.id.hasPrefix($0) } }
        }
        let outDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-snippets-\(UUID().uuidString)")
        let cacheDirectory = packageRoot.appendingPathComponent(".build/snippet-suite-cache")
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)

        var fixtureEntries: [JSONValue] = []
        var cases: [JSONValue] = []
        for (fixtureIndex, fixture) in fixtures.enumerated() {
            let example = fixture.retargeted(to: servers[0].baseURL)
            fixtureEntries.append(.object(JSONObject([
                entry("id", .string(fixture.id)),
                entry("files", .object(JSONObject(fixture.files.map { entry($0.key, .string(Data($0.value).base64EncodedString())) }))),
                entry("expected", SnippetSuiteFixtures.expected(for: example, files: fixture.files)),
            ])))
            for (clientIndex, client) in SnippetClients.all.enumerated() {
                let server = servers[(fixtureIndex + clientIndex) % servers.count]
                let example = fixture.retargeted(to: server.baseURL)
                let slug = fixture.id.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "-", with: "_")
                let relative = "work/\(client.info.id)/\(slug)/main.\(client.info.fileExtension)"
                let file = outDirectory.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(client.render(example, options: fixture.options).utf8).write(to: file)
                cases.append(.object(JSONObject([
                    entry("client", .string(client.info.id)),
                    entry("fixture", .string(fixture.id)),
                    entry("file", .string(relative)),
                    entry("echo_url", .string(server.baseURL)),
                    entry("limitation", client.limitation(for: example).map(JSONValue.string) ?? .null),
                ])))
            }
        }
        let fixtureIDs = Set(fixtures.map(\.id))
        cases = try swiftSDKCases(fixtureIDs: fixtureIDs, servers: servers, outDirectory: outDirectory) + cases
        let ci = ProcessInfo.processInfo.environment["CI"] == "true"
        let manifest: JSONValue = .object(JSONObject([
            entry("out_dir", .string(outDirectory.path)),
            entry("cache_dir", .string(cacheDirectory.path)),
            entry("ci", .bool(ci)),
            entry("fixtures", .array(fixtureEntries.map { JSONNode($0) })),
            entry("cases", .array(cases.map { JSONNode($0) })),
        ]))
        let manifestURL = outDirectory.appendingPathComponent("manifest.json")
        try Data(JSONWriter().string(manifest).utf8).write(to: manifestURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/snippet-suite/run_suite.py").path, manifestURL.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        print(String(decoding: output, as: UTF8.self))
        XCTAssertEqual(process.terminationStatus, 0, "snippet suite reported mismatches, errors or (in CI) missing runtimes; see the table above")
        if process.terminationStatus == 0 { try? FileManager.default.removeItem(at: outDirectory) }
    }

    /// The `swift-sdk` cases: per spec, the generated module's sources (`swift-sdk/modules/<Module>/`, built once
    /// by `run_suite.py` with every snippet of the spec as an executable) and each operation's snippet with its
    /// server pointed at an echo server.
    private func swiftSDKCases(fixtureIDs: Set<String>, servers: [EchoServer], outDirectory: URL) throws -> [JSONValue] {
        var cases: [JSONValue] = []
        for spec in try SwiftSDKSuiteSpec.all() {
            let built = try spec.build()
            let wanted = built.cases.filter { fixtureIDs.contains($0.fixtureID) }
            guard !wanted.isEmpty else { continue }
            let moduleDirectory = "swift-sdk/modules/" + built.moduleName
            for file in built.swiftFiles {
                let url = outDirectory.appendingPathComponent(moduleDirectory + "/" + file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            for (index, item) in wanted.enumerated() {
                let server = servers[index % servers.count]
                let snippet = built.sdk.render(item.operation, serverURL: SwiftSDKSuiteSpec.retarget(built.sdk.serverURL, to: server.baseURL))
                let slug = item.fixtureID.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "-", with: "_")
                let relative = "work/swift-sdk/\(slug)/main.swift"
                let file = outDirectory.appendingPathComponent(relative)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(snippet.text.utf8).write(to: file)
                cases.append(.object(JSONObject([
                    entry("client", .string(SwiftSDKSnippet.info.id)),
                    entry("fixture", .string(item.fixtureID)),
                    entry("file", .string(relative)),
                    entry("echo_url", .string(server.baseURL)),
                    entry("limitation", snippet.limitation.map(JSONValue.string) ?? .null),
                    entry("module", .string(built.moduleName)),
                    entry("module_dir", .string(moduleDirectory)),
                ])))
            }
        }
        return cases
    }

    private func entry(_ key: String, _ value: JSONValue) -> JSONObject.Entry {
        JSONObject.Entry(key: key, value: JSONNode(value))
    }
}

/// The request fixtures the execution suite runs: the httpsnippet HARs, the hostile cases, Auth0's request (as a
/// HAR and as the docs build it from the spec), a generated 1 MB body, and one run with non-default options.
struct SnippetSuiteFixture {
    var id: String
    var example: RequestExample
    var options: SnippetOptions = .default
    /// Files the request uploads, by the path the snippet reads them from.
    var files: [String: [UInt8]] = [:]

    /// The same request sent to the echo server: scheme and host (placeholder hosts included) replaced.
    func retargeted(to base: String) -> RequestExample {
        var copy = example
        var rest = Substring(example.url)
        if let range = example.url.range(of: "://") { rest = example.url[range.upperBound...] }
        let end = rest.firstIndex(of: "/") ?? rest.endIndex
        copy.url = base + rest[end...]
        return copy
    }
}

enum SnippetSuiteFixtures {
    static func all() throws -> [SnippetSuiteFixture] {
        let hello = try [UInt8](Data(contentsOf: fixtureURL("snippets/httpsnippet/files/hello.txt")))
        var fixtures: [SnippetSuiteFixture] = []
        for folder in ["httpsnippet/requests", "hostile", "auth0", "url"] {
            let directory = fixtureURL("snippets/" + folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
            for name in names {
                let document = try DocumentLoader.load(path: directory.appendingPathComponent(name).path)
                let examples = try HARReader().read(document)
                let stem = name.replacingOccurrences(of: ".har.json", with: "").replacingOccurrences(of: ".json", with: "")
                let group = folder.split(separator: "/").first.map(String.init) ?? folder
                for (index, example) in examples.enumerated() {
                    let id = group + "/" + stem + (examples.count > 1 ? "-\(index + 1)" : "")
                    fixtures.append(SnippetSuiteFixture(id: id, example: example, files: files(for: example, hello: hello)))
                }
            }
        }
        fixtures += try postmanFixtures()
        fixtures += try openAPIFixtures()
        // Auth0's update-user as the docs show it (the checked-in config): every client, and the swift-sdk snippet.
        fixtures += try SwiftSDKSuiteSpec.auth0().build().cases.map { SnippetSuiteFixture(id: $0.fixtureID, example: $0.example) }
        if let auth0 = fixtures.first(where: { $0.id == "auth0/update-user" }) {
            var variant = auth0
            variant.id = "auth0/update-user-options"
            variant.options = SnippetOptions(indent: 4, longFlags: false, prettyJSON: true, timeoutSeconds: 30, multilineShell: false)
            fixtures.append(variant)
        }
        fixtures.append(SnippetSuiteFixture(id: "hostile/large-1mb", example: largeBody()))
        // Random bodies (SnippetPropertyTests' generator, fixed seed): extreme numbers, every Unicode plane,
        // empty and repeated keys, nesting 3, 12 and 40 levels deep.
        var random = RandomJSON(seed: 2026)
        for (index, depth) in [3, 12, 40].enumerated() {
            let body = random.body(depth: depth)
            fixtures.append(SnippetSuiteFixture(id: "property/json-\(index + 1)", example: RequestExample(
                method: "POST", url: "http://example.com/property", headers: [NameValue("Content-Type", "application/json")], body: .json(body))))
        }
        return fixtures
    }

    /// Every request of the postman-code-generators newman collections (read by `PostmanCollectionReader`,
    /// variables resolved). File parts point at machine-specific absolute paths upstream; they are read from
    /// the case's folder under their base name instead.
    static func postmanFixtures() throws -> [SnippetSuiteFixture] {
        let directory = fixtureURL("postman/newman-fixtures")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var fixtures: [SnippetSuiteFixture] = []
        for name in names {
            let document = try DocumentLoader.load(path: directory.appendingPathComponent(name).path)
            let collection = try PostmanCollectionReader().read(document, environment: nil)
            let stem = name.replacingOccurrences(of: ".json", with: "").replacingOccurrences(of: "Collection", with: "")
            for (index, item) in collection.requests.enumerated() {
                var example = item.requestExample(resolveVariables: true)
                var files: [String: [UInt8]] = [:]
                if case .multipart(let parts)? = example.body {
                    example.body = .multipart(parts.map { part in
                        guard let fileName = part.fileName else { return part }
                        var copy = part
                        let base = String(fileName.split(separator: "/").last ?? "file")
                        copy.fileName = base
                        files[base] = Array("contents of \(base)\n".utf8)
                        return copy
                    })
                }
                fixtures.append(SnippetSuiteFixture(id: "postman/\(stem)-\(index + 1)", example: example, files: files))
            }
        }
        return fixtures
    }

    /// Files a multipart request reads: the part's own text when the HAR gives one, every byte value for a
    /// `.png` (after a PNG signature: NUL, CR, LF, 0xFF and invalid UTF-8 included), else `hello.txt`.
    static func files(for example: RequestExample, hello: [UInt8]) -> [String: [UInt8]] {
        guard case .multipart(let parts)? = example.body else { return [:] }
        var files: [String: [UInt8]] = [:]
        for part in parts {
            guard let fileName = part.fileName else { continue }
            if fileName.hasSuffix(".png") {
                files[fileName] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0...255).map { UInt8($0) } + (0...255).reversed().map { UInt8($0) }
            } else {
                files[fileName] = part.value.map { Array($0.utf8) } ?? hello
            }
        }
        return files
    }

    /// The example request of every operation in `Tests/Fixtures/snippets/openapi/*.openapi.json`, as the
    /// docs pages show it (`OperationExampleBuilder`: path examples percent-encoded, placeholders kept).
    static func openAPIFixtures() throws -> [SnippetSuiteFixture] {
        let directory = fixtureURL("snippets/openapi")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        var fixtures: [SnippetSuiteFixture] = []
        for name in names {
            let document = try DocumentLoader.load(path: directory.appendingPathComponent(name).path)
            let (api, _) = try OpenAPIReader().read(document)
            let builder = OperationExampleBuilder(api: api)
            for operation in api.operations {
                fixtures.append(SnippetSuiteFixture(id: "openapi/" + operation.id, example: builder.request(for: operation)))
            }
        }
        return fixtures
    }

    /// A POST with a JSON body of about 1 MiB mixing ASCII, quotes, backslashes, `$`, non-ASCII and newlines.
    static func largeBody() -> RequestExample {
        let unit = "0123456789 abcdefghij 'single' \"double\" \\back\\ $HOME ${x} \\(y) #{z} %s caf\u{E9} \u{1F600} \u{645}\u{631}\n"
        var text = ""
        while text.utf8.count < 1_048_576 { text += unit }
        let body: JSONValue = ["description": "one mebibyte", "data": .string(text), "items": .array((0..<2000).map { JSONNode(.number(JSONNumber($0))) })]
        return RequestExample(method: "POST", url: "http://example.com/large", headers: [NameValue("Content-Type", "application/json")], body: .json(body))
    }

    /// The request the echo server must receive, in the form `run_suite.py` compares.
    static func expected(for example: RequestExample, files: [String: [UInt8]]) -> JSONValue {
        func pairs(_ items: [NameValue]) -> JSONValue { .array(items.map { JSONNode(.array([JSONNode(.string($0.name)), JSONNode(.string($0.value))])) }) }
        func object(_ entries: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(entries.map { JSONObject.Entry(key: $0.0, value: JSONNode($0.1)) })) }
        var rest = Substring(example.url)
        if let range = example.url.range(of: "://") { rest = example.url[range.upperBound...] }
        let path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        var headers = example.headers
        let hasType = headers.contains { $0.name.lowercased() == "content-type" }
        let body: JSONValue
        switch example.body {
        case nil:
            body = object([("kind", "none")])
        case .json(let value, let type)?:
            if !hasType { headers.append(NameValue("Content-Type", type)) }
            body = object([("kind", "json"), ("value", value)])
        case .text(let text, let type)?:
            if !hasType, let type { headers.append(NameValue("Content-Type", type)) }
            body = object([("kind", "text"), ("base64", .string(Data(text.utf8).base64EncodedString()))])
        case .urlEncoded(let fields)?:
            if !hasType { headers.append(NameValue("Content-Type", "application/x-www-form-urlencoded")) }
            body = object([("kind", "urlencoded"), ("pairs", pairs(fields))])
        case .multipart(let parts)?:
            if parts.isEmpty {
                if !hasType { headers.append(NameValue("Content-Type", "multipart/form-data")) }
                body = object([("kind", "none")])
            } else {
                headers.removeAll { $0.name.lowercased() == "content-type" }
                body = object([("kind", "multipart"), ("parts", .array(parts.map { part in
                    let content: [UInt8] = part.fileName.flatMap { files[$0] } ?? Array((part.value ?? "").utf8)
                    let fileName: JSONValue = part.fileName.map { .string(String($0.split(separator: "/").last ?? "")) } ?? .null
                    return JSONNode(object([("name", .string(part.name)), ("filename", fileName),
                                            ("content_type", part.contentType.map(JSONValue.string) ?? .null),
                                            ("base64", .string(Data(content).base64EncodedString()))]))
                }))])
            }
        }
        return object([("method", .string(example.method.uppercased())), ("path", .string(path)), ("query", pairs(example.query)),
                       ("headers", pairs(headers)), ("body", body)])
    }
}
