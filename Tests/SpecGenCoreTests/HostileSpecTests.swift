import Foundation
import XCTest
@testable import SpecGenCore

/// `Tests/Fixtures/hostile/hostile.openapi.json` (written by `make_spec.py` there) is a spec whose names and
/// texts try to break what SpecGen emits. `specgen generate` must turn it into Swift that compiles and means
/// what the spec says (checked by compiling it with `probe/main.swift` and running that), a docs page whose
/// structure survives, and a curl snippet that sends exactly the described request.
final class HostileSpecTests: XCTestCase {
    static let specPath = "Tests/Fixtures/hostile/hostile.openapi.json"
    static let operationPath = "/paths/~1hé~1{item-id}~1it's \"q\"~1{class}/post"
    static let hostile = "/components/schemas/Hostile"
    static let quoteEnum = "/components/schemas/Quote\"Enum/enum"

    /// Every hostile case: a name, where it sits in the spec (JSON pointer) and, when several cases share
    /// a location, the text (or array element, or member name) that is the case. The first test checks
    /// each one is really in the spec, so the count below is honest.
    static let cases: [(name: String, pointer: String, needle: String?)] = [
        ("description closes a block comment", hostile + "/description", "*/"),
        ("description opens a block comment", hostile + "/description", "/*"),
        ("description has triple quotes", hostile + "/description", "\"\"\""),
        ("description has an interpolation", hostile + "/description", "\\(x)"),
        ("description has a raw-string delimiter", hostile + "/description", "#\""),
        ("description has a backtick fence", hostile + "/description", "```"),
        ("description has NUL, BEL and ESC", hostile + "/description", "\u{0}\u{7}\u{1B}[31m"),
        ("description has bidi override and isolate", hostile + "/description", "\u{202E}\u{2066}evil\u{2069}\u{202C}"),
        ("description has zero-width space and BOM", hostile + "/description", "\u{200B}\u{FEFF}"),
        ("description has line and paragraph separators", hostile + "/description", "\u{2028} paragraph \u{2029}"),
        ("description has CRLF then Swift code", hostile + "/description", "\r\nimport Foundation\nfatalError("),
        ("operation description leaves a code fence open", operationPath + "/description", "```\nunclosed fence"),
        ("summary with pipe, newline and backtick", operationPath + "/summary", "| summary\nwith newline `tick`"),
        ("API title with comment end, quote, newline and bidi", "/info/title", "*/ API \"\\(x)\" #\"\n\u{202E}"),
        ("API version with a quote", "/info/version", "\""),
        ("property named `class` (keyword)", hostile + "/properties/class", nil),
        ("property named `self`", hostile + "/properties/self", nil),
        ("property named `Type`", hostile + "/properties/Type", nil),
        ("property named `init`", hostile + "/properties/init", nil),
        ("property named `default`", hostile + "/properties/default", nil),
        ("property named `nil`", hostile + "/properties/nil", nil),
        ("property named `true` (boolean)", hostile + "/properties/true", nil),
        ("property with an empty name", hostile + "/properties/", nil),
        ("property named `123` (numeric)", hostile + "/properties/123", nil),
        ("property named `2fa` (leading digit)", hostile + "/properties/2fa", nil),
        ("properties equal after case-folding: userName", hostile + "/properties/userName", nil),
        ("properties equal after case-folding: username", hostile + "/properties/username", nil),
        ("properties equal after case-folding: USERNAME", hostile + "/properties/USERNAME", nil),
        ("properties equal after camel-casing: user_name", hostile + "/properties/user_name", nil),
        ("properties equal after camel-casing: user-name", hostile + "/properties/user-name", nil),
        ("property named with an emoji", hostile + "/properties/🔥", nil),
        ("property named with two emoji", hostile + "/properties/🔥🔥", nil),
        ("property named quote + \\(x)", hostile + "/properties/\"\\(x)", nil),
        ("property named with a backslash", hostile + "/properties/a\\b", nil),
        ("property named `*/`", hostile + "/properties/*~1", nil),
        ("property named `$ref`", hostile + "/properties/$ref", nil),
        ("property name with a line break", hostile + "/properties/line\nbreak", nil),
        ("property name with a bidi override", hostile + "/properties/admin\u{202E}", nil),
        ("property named `additionalProperties` (generated member)", hostile + "/properties/additionalProperties", nil),
        ("property named `rejectedNulls` (generated member)", hostile + "/properties/rejectedNulls", nil),
        ("property named `CodingKeys` (generated type)", hostile + "/properties/CodingKeys", nil),
        ("property named `validate` (generated method)", hostile + "/properties/validate", nil),
        ("struct that contains itself (parent: Node)", "/components/schemas/Node/properties/parent", nil),
        ("structs that contain each other (Node.meta.owner, Meta.next)", "/components/schemas/Meta/properties/owner", nil),
        ("property named `a/b~c` (JSON pointer escapes, with maxLength)", hostile + "/properties/a~1b~0c", nil),
        ("property named `_`", hostile + "/properties/_", nil),
        ("property named `$`", hostile + "/properties/$", nil),
        ("property named with non-ASCII letters", hostile + "/properties/größe", nil),
        ("property named `Protocol`", hostile + "/properties/Protocol", nil),
        ("property named like a raw string", hostile + "/properties/#\"raw\"#", nil),
        ("nested inline object member named `in`", hostile + "/properties/nested/properties/in", nil),
        ("nested inline object member named `\"`", hostile + "/properties/nested/properties/\"", nil),
        ("enum value with quotes", quoteEnum, "say \"hi\""),
        ("enum value \\(x)", quoteEnum, "\\(x)"),
        ("enum value empty", quoteEnum, ""),
        ("enum values differing only in case: A", quoteEnum, "A"),
        ("enum values differing only in case: a", quoteEnum, "a"),
        ("enum value `default`", quoteEnum, "default"),
        ("enum value `self`", quoteEnum, "self"),
        ("enum value `rawValue` (generated member)", quoteEnum, "rawValue"),
        ("enum values 1 and 01", quoteEnum, "01"),
        ("enum value emoji", quoteEnum, "😀"),
        ("enum value like a raw string", quoteEnum, "#\"x\"#"),
        ("enum value `*/`", quoteEnum, "*/"),
        ("enum value with a line break", quoteEnum, "line\nbreak"),
        ("schema name with a quote", "/components/schemas/Quote\"Enum", nil),
        ("integer enum with -1 and null", "/components/schemas/Mode/enum", nil),
        ("schema named String", "/components/schemas/String", nil),
        ("schema named Data", "/components/schemas/Data", nil),
        ("schema named Date", "/components/schemas/Date", nil),
        ("schema named URL", "/components/schemas/URL", nil),
        ("schemas differing only in case: Pet", "/components/schemas/Pet", nil),
        ("schemas differing only in case: pet", "/components/schemas/pet", nil),
        ("schema named `class`", "/components/schemas/class", nil),
        ("schema named Self", "/components/schemas/Self", nil),
        ("schema named JSONValue (support type)", "/components/schemas/JSONValue", nil),
        ("schema named Nullable (support type)", "/components/schemas/Nullable", nil),
        ("schemas equal after camel-casing: Foo.Bar-Baz", "/components/schemas/Foo.Bar-Baz", nil),
        ("schemas equal after camel-casing: Foo_Bar_Baz", "/components/schemas/Foo_Bar_Baz", nil),
        ("schema named emoji + word", "/components/schemas/😀Smile", nil),
        ("schema named emoji only", "/components/schemas/😀", nil),
        ("schema named 1Thing (leading digit)", "/components/schemas/1Thing", nil),
        ("schema named Operations (generated namespace)", "/components/schemas/Operations", nil),
        ("schema named APIClient (generated client)", "/components/schemas/APIClient", nil),
        ("schema named Type", "/components/schemas/Type", nil),
        ("operationId with slash, quotes, \\( and backticks", operationPath + "/operationId", "post/\"hostile\" \\(op) `x`"),
        ("operationIds equal after camel-casing: list-items", "/paths/~1list/get/operationId", "list-items"),
        ("operationIds equal after camel-casing: list_items", "/paths/~1list2/get/operationId", "list_items"),
        ("operationId `class`, also a schema name", "/paths/~1class/get/operationId", "class"),
        ("path with non-ASCII, apostrophe, quotes and a space", operationPath, nil),
        ("path parameter named `class`", operationPath + "/parameters/1/name", "class"),
        ("path parameter example with / ? & and quotes", operationPath + "/parameters/0/example", "id/with slash?&\"q\""),
        ("query parameter name with quote and \\(x)", operationPath + "/parameters/2/name", "q\"uote\\(x)"),
        ("query parameter example with shell metacharacters", operationPath + "/parameters/2/example", "$(echo pwned) `id` &a=b"),
        ("query parameter description with a pipe", operationPath + "/parameters/2/description", "|"),
        ("header parameter name with an apostrophe", operationPath + "/parameters/3/name", "X-It's-Header"),
        ("header example with quotes, $HOME and a backslash", operationPath + "/parameters/3/example", "v'\"$HOME\\"),
        ("query parameter named `self`", operationPath + "/parameters/4/name", "self"),
        ("server URL with apostrophe and quote", "/servers/0/url", "it's\"q"),
        ("server variable default with a quote", "/servers/0/variables/version/default", "1\"2"),
        ("server variable named `default`", "/servers/0/variables/default", nil),
        ("server description with quote and \\(x)", "/servers/0/description", "\"\\(x)\""),
        ("discriminator property name with a quote", "/components/schemas/Tagged/discriminator/propertyName", "kind\""),
        ("discriminator mapping value with a quote and \\(x)", "/components/schemas/Tagged/discriminator/mapping/c\"at\\(x)", nil),
        ("discriminator mapping value with */", "/components/schemas/Tagged/discriminator/mapping/dog *~1", nil),
        ("pattern with a quote, backslash and escaped parens", "/components/schemas/Rules/properties/a\"/pattern", "\"\\\\\\("),
        ("const with quotes, \\(x) and */", "/components/schemas/Rules/properties/b`/const", "say \"hi\" \\(x) */"),
        ("invalid pattern (unmatched parenthesis) is warned about, not compiled", "/components/schemas/Rules/properties/c/pattern", "^\\(x)$"),
        ("property named with a backtick", "/components/schemas/Rules/properties/b`", nil),
        ("dependentRequired between hostile names", "/components/schemas/Rules/dependentRequired/a\"", "b`"),
        ("not-required rule over hostile names", "/components/schemas/Rules/not/required", "a\""),
    ]

    static func specObject() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent(specPath)), options: [.fragmentsAllowed])
    }

    static func value(at pointer: String, in root: Any) -> Any? {
        var current: Any? = root
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            let token = raw.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let object = current as? [String: Any] { current = object[token] }
            else if let array = current as? [Any], let index = Int(token), array.indices.contains(index) { current = array[index] }
            else { return nil }
        }
        return current
    }

    func testEveryHostileCaseIsInTheSpec() throws {
        let root = try Self.specObject()
        XCTAssertGreaterThanOrEqual(Self.cases.count, 50)
        XCTAssertEqual(Set(Self.cases.map(\.name)).count, Self.cases.count, "case names are unique")
        for entry in Self.cases {
            let found = Self.value(at: entry.pointer, in: root)
            XCTAssertNotNil(found, "\(entry.name): nothing at \(entry.pointer)")
            guard let needle = entry.needle else { continue }
            switch found {
            case let text as String: XCTAssertTrue(text.contains(needle), "\(entry.name): \(entry.pointer) lacks \(needle.debugDescription)")
            case let array as [Any]: XCTAssertTrue(array.contains { ($0 as? String) == needle }, "\(entry.name): \(needle.debugDescription) not listed")
            default: XCTFail("\(entry.name): unexpected value at \(entry.pointer)")
            }
        }
        print("hostile spec cases: \(Self.cases.count)")
    }

    // MARK: Generated Swift, compiled and run

    /// The body members of `Hostile` with test values: strings are `v:` + their name.
    static func probeInput(_ root: Any) -> [String: Any] {
        let properties = value(at: hostile + "/properties", in: root) as! [String: Any]
        var input: [String: Any] = [:]
        for key in properties.keys {
            switch key {
            case "true": input[key] = true
            case "123": input[key] = 123
            case "quote": input[key] = "say \"hi\""
            case "mode": input[key] = -1
            case "nested": input[key] = ["in": "i", "\"": "q"]
            default: input[key] = "v:" + key
            }
        }
        return input
    }

    /// Parses the probe's `name: "json string"` lines.
    static func probeLines(_ output: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let range = line.range(of: ": \"") else { continue }
            let literal = line[line.index(range.lowerBound, offsetBy: 2)...]
            result[String(line[..<range.lowerBound])] = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: [.fragmentsAllowed]) as? String
        }
        return result
    }

    func testGeneratedSwiftCompilesRoundTripsEveryHostileNameAndSendsTheRequest() throws {
        let root = try Self.specObject()
        let output = try temporaryFolder(self)
        let run = try runSpecgen(["generate", "--spec", Self.specPath, "--output", output.path, "--module", "HostileAPI"])
        XCTAssertEqual(run.status, 0, run.stderr)
        // The one warning: a pattern ICU cannot compile is not turned into a validator that passes everything.
        XCTAssertTrue(run.stdout.contains(" 1 warning(s)"), run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("warning: pattern '^\\(x)$' uses syntax SpecGen cannot check; it is not validated (at /components/schemas/Rules/properties/c/pattern)"), run.stderr)

        // One scratch package, kept under .build so the second run is incremental.
        let package = packageRoot.appendingPathComponent(".build/hostile-probe")
        let sources = package.appendingPathComponent("Sources")
        try? FileManager.default.removeItem(at: sources)
        try FileManager.default.createDirectory(at: sources.appendingPathComponent("Probe"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: output.appendingPathComponent("Swift"), to: sources.appendingPathComponent("HostileAPI"))
        try FileManager.default.copyItem(at: fixtureURL("hostile/probe/main.swift"), to: sources.appendingPathComponent("Probe/main.swift"))
        // Every operation's swift-sdk snippet (hostile labels, values and URLs) as an executable: it must compile cleanly.
        let snippets = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("Snippets").path).sorted()
        for (index, folder) in snippets.enumerated() {
            try FileManager.default.createDirectory(at: sources.appendingPathComponent("Snippet\(index)"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: output.appendingPathComponent("Snippets/\(folder)/swift-sdk.swift"), to: sources.appendingPathComponent("Snippet\(index)/main.swift"))
        }
        XCTAssertEqual(snippets.count, 4)
        let snippetTargets = snippets.indices.map { "    .executableTarget(name: \"Snippet\($0)\", dependencies: [\"HostileAPI\"]),\n" }.joined()
        try Data("""
        // swift-tools-version:6.0
        import PackageDescription
        let package = Package(name: "HostileProbe", targets: [
            .target(name: "HostileAPI"),
            .executableTarget(name: "Probe", dependencies: ["HostileAPI"]),
        \(snippetTargets)])

        """.utf8).write(to: package.appendingPathComponent("Package.swift"))
        let input = Self.probeInput(root)
        let inputURL = output.appendingPathComponent("input.json")
        try JSONSerialization.data(withJSONObject: input, options: [.sortedKeys]).write(to: inputURL)

        let build = try runProgram("/usr/bin/env", ["swift", "build", "--package-path", package.path])
        XCTAssertEqual(build.status, 0, "the generated Swift does not compile:\n" + build.stdout + build.stderr)
        guard build.status == 0 else { return }
        let warnings = (build.stdout + build.stderr).split(separator: "\n").filter { $0.contains("warning:") && ($0.contains("HostileAPI") || $0.contains("/Snippet")) }
        XCTAssertEqual(warnings, [], "the generated Swift or a swift-sdk snippet compiles with warnings")

        let server = try EchoServer()
        let probe = try runProgram(package.appendingPathComponent(".build/debug/Probe").path, [inputURL.path, server.baseURL])
        XCTAssertEqual(probe.status, 0, probe.stderr)
        let lines = try Self.probeLines(probe.stdout)

        // Decoding then encoding gives back exactly the input: every member found its property and its key.
        let roundTrip = try JSONSerialization.jsonObject(with: Data((lines["roundtrip"] ?? "").utf8))
        XCTAssertEqual(roundTrip as? NSDictionary, input as NSDictionary)
        let byProbeName = [
            "class": "class", "self": "self", "Type": "Type", "init": "init", "default": "default", "nil": "nil",
            "empty": "", "2fa": "2fa", "userName": "userName", "username": "username", "USERNAME": "USERNAME",
            "user_name": "user_name", "user-name": "user-name", "fire": "🔥", "fire2": "🔥🔥", "quote-interpolation": "\"\\(x)",
            "backslash": "a\\b", "comment-close": "*/", "dollar-ref": "$ref", "line-break": "line\nbreak", "bidi": "admin\u{202E}",
            "additionalProperties": "additionalProperties", "rejectedNulls": "rejectedNulls", "CodingKeys": "CodingKeys",
            "validate": "validate", "slash-tilde": "a/b~c", "underscore": "_", "dollar": "$", "umlaut": "größe",
            "Protocol": "Protocol", "raw-string": "#\"raw\"#",
        ]
        for (probeName, jsonName) in byProbeName {
            XCTAssertEqual(lines[probeName], "v:" + jsonName, "the Swift property for \(jsonName.debugDescription) holds another member")
        }
        XCTAssertEqual(lines["true"], "true")
        XCTAssertEqual(lines["123"], "123")
        XCTAssertEqual(lines["quote-enum"], "say \"hi\"")
        XCTAssertEqual(lines["quote-enum-known"], "true")
        XCTAssertEqual(lines["nested-in"], "i")
        XCTAssertEqual(lines["nested-quote"], "q")
        XCTAssertEqual(lines["minimal"], #"{"\"\\(x)":"q","class":"c"}"#)
        XCTAssertEqual(lines["with-null-and-enum"], #"{"\"\\(x)":"q","class":"c","mode":null,"quote":"\\(x)"}"#)
        XCTAssertEqual(lines["issues"], "/a~1b~0c maxLength")
        // Row i compares value i with the constants in order; only the diagonal is true, the last value is unknown.
        let expectedEnums = (0..<9).map { row in (0..<8).map { String($0 == row) }.joined() + String(row < 8) }.joined(separator: ",")
        XCTAssertEqual(lines["enums"], expectedEnums)
        XCTAssertEqual(lines["enum-count"], "14")
        XCTAssertEqual(lines["enum-unknown-issue"], "/quote enum: zzz is not one of the allowed values")
        XCTAssertEqual(lines["mode-minus-one"], "true")
        XCTAssertTrue(lines["modes"]?.hasSuffix(",null,absent") ?? false, lines["modes"] ?? "")
        XCTAssertEqual(lines["string-schema"], #"{"value":"v"}"#)
        XCTAssertEqual(lines["pets"], #"{"upper":"U"} {"lower":"l"}"#)
        XCTAssertEqual(lines["class-schema"], #"{"self":"s"}"#)
        XCTAssertEqual(lines["foo-bar-baz"], #"{"dot":"d"} {"underscore":"u"}"#)
        XCTAssertEqual(lines["aliases"], "String Int Bool String Date")
        XCTAssertEqual(lines["tagged"], "cat:c\"at\\(x),dog:2")
        XCTAssertEqual(lines["recursive-roundtrip"], "true")
        XCTAssertEqual(lines["recursive-value-semantics"], "r changed false true")
        XCTAssertEqual(lines["rules"], "/b` dependentRequired")
        XCTAssertEqual(lines["rules-broken"], "/a\" pattern; /b` not")
        XCTAssertTrue(["nil", "http://api.example.com/v1%222/it's%22q"].contains(lines["server-url"] ?? ""), lines["server-url"] ?? "")

        let path = "/h%C3%A9/id%2Fwith%20slash%3F%26%22q%22/it's%20%22q%22/k"
        let query = "q%22uote%5C%28x%29=it%27s%20%22v%22%20%24%28echo%20pwned%29%20%60id%60%20%26a%3Db&self=7"
        XCTAssertEqual(lines["url"], server.baseURL + path + "?" + query)
        XCTAssertEqual(lines["status"], "200")
        let received = try XCTUnwrap(server.requestsBlocking().last)
        XCTAssertEqual(received.method, "POST")
        XCTAssertEqual(received.path, path)
        XCTAssertEqual(received.query, query)
        XCTAssertEqual(received.header("X-It's-Header"), "v'\"$HOME\\")
        XCTAssertEqual(received.header("Authorization"), "Bearer t")
        let body = try JSONSerialization.jsonObject(with: received.body) as? NSDictionary
        XCTAssertEqual(body, ["\"\\(x)": "q", "class": "c", "mode": NSNull(), "quote": "\\(x)", "a/b~c": "too long"] as NSDictionary)
    }

    // MARK: Docs page and curl snippet

    /// Lines of a Markdown page outside fenced code blocks (CommonMark fences of ``` or ~~~).
    static func linesOutsideFences(_ page: String) -> [String] {
        var outside: [String] = []
        var open: (Character, Int)?
        for line in page.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let first = trimmed.first, first == "`" || first == "~", line.count - trimmed.count <= 3 {
                let run = trimmed.prefix { $0 == first }.count
                if run >= 3 {
                    if let (character, count) = open {
                        if character == first, run >= count, trimmed.dropFirst(run).allSatisfy({ $0 == " " }) { open = nil; continue }
                    } else if first == "~" || !trimmed.dropFirst(run).contains("`") {
                        open = (first, run); continue
                    }
                }
            }
            if open == nil { outside.append(String(line)) }
        }
        return outside
    }

    func testDocsPageKeepsItsStructureAndTheCurlSnippetSendsTheDescribedRequest() throws {
        let output = try temporaryFolder(self)
        let run = try runSpecgen(["generate", "--spec", Self.specPath, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stderr)

        // No generated file (Swift, docs, any snippet) carries a raw control, bidi or zero-width character.
        for (path, data) in snapshot(output) {
            let text = String(decoding: data, as: UTF8.self)
            let hidden = text.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && SwiftSource.isInvisibleOrControl($0) }
            XCTAssertEqual(hidden.map { String($0.value, radix: 16) }, [], "\(path) holds invisible characters raw")
        }

        let folder = SnippetStage.folderName("post/\"hostile\" \\(op) `x`")
        let page = try String(contentsOf: output.appendingPathComponent("Docs/\(folder).md"), encoding: .utf8)
        let outside = Self.linesOutsideFences(page)
        XCTAssertTrue(outside.contains("## Parameters"), "the description's open fence swallowed the page")
        XCTAssertTrue(outside.contains("## Examples"))
        XCTAssertTrue(outside.contains("### curl"))
        XCTAssertTrue(outside.contains("### Swift SDK"))
        XCTAssertEqual(outside.filter { $0.hasPrefix("### ") }.count, SnippetClients.all.count + 1, "every snippet heading (the Swift SDK and every client) sits outside code")
        XCTAssertTrue(page.contains("operation `` post/\"hostile\" \\(op) `x` ``"), "the operation id is one code span")
        XCTAssertTrue(page.contains("bidi \\u{202E}\\u{2066}evil\\u{2069}\\u{202C}"))
        XCTAssertTrue(page.contains("| `q\"uote\\(x)` | query | yes | query \\| with pipe */ |"))
        XCTAssertTrue(page.hasPrefix("# Hostile \\| summary with newline `tick` */\n"))

        // The curl snippet (and Python's stdlib one), host swapped for the echo server, send exactly the
        // request the spec describes.
        let curl = try String(contentsOf: output.appendingPathComponent("Snippets/\(folder)/shell-curl.sh"), encoding: .utf8)
        XCTAssertTrue(page.contains(curl.trimmingCharacters(in: .newlines)), "the page shows the snippet file")
        let properties = try XCTUnwrap(Self.value(at: Self.hostile + "/properties", in: try Self.specObject()) as? [String: Any])
        for (file, interpreter) in [("shell-curl.sh", "/bin/sh"), ("python-http-client.py", "/usr/bin/python3")] {
            let snippet = try String(contentsOf: output.appendingPathComponent("Snippets/\(folder)/\(file)"), encoding: .utf8)
            let server = try EchoServer()
            let script = output.appendingPathComponent(file)
            XCTAssertTrue(snippet.contains("api.example.com"), file)
            try Data(snippet.replacingOccurrences(of: "http://api.example.com", with: server.baseURL)
                .replacingOccurrences(of: "api.example.com", with: "127.0.0.1:\(server.port)").utf8).write(to: script)
            let result = try runProgram(interpreter, [script.path])
            XCTAssertEqual(result.status, 0, "\(file): \(result.stderr)")
            let received = try XCTUnwrap(server.requestsBlocking().last, file)
            XCTAssertEqual(received.method, "POST", file)
            XCTAssertEqual(received.path, "/v1%222/it's%22q/h%C3%A9/id%2Fwith%20slash%3F%26%22q%22/it's%20%22q%22/k", file)
            XCTAssertEqual(received.query, "q%22uote%5C%28x%29=it%27s%20%22v%22%20%24%28echo%20pwned%29%20%60id%60%20%26a%3Db", file)
            XCTAssertEqual(received.header("X-It's-Header"), "v'\"$HOME\\", file)
            XCTAssertEqual(received.header("Content-Type"), "application/json", file)
            let body = try XCTUnwrap(JSONSerialization.jsonObject(with: received.body) as? [String: Any], file)
            XCTAssertEqual(Set(body.keys), Set(properties.keys), "\(file): the body sends every member under its exact name")
            XCTAssertEqual(body["quote"] as? String, "say \"hi\"", file)
            XCTAssertEqual(body["admin\u{202E}"] as? String, "string", file)
        }
    }

    // MARK: Determinism

    /// Runs `specgen generate` in a fresh folder under an environment and returns every file's bytes.
    func generate(_ arguments: [String], environment overrides: [String: String]) throws -> [String: Data] {
        let output = try temporaryFolder(self)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in overrides { environment[key] = value }
        // Each process gets its own hash seed, so Dictionary/Set iteration order differs between runs
        // unless this is set; it must not be, or order-dependent output would go unnoticed.
        environment.removeValue(forKey: "SWIFT_DETERMINISTIC_HASHING")
        let result = try runProgram(specgenExecutable.path, arguments + ["--output", output.path], in: packageRoot, environment: environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        return snapshot(output)
    }

    func testGenerateIsByteIdenticalAcrossLocalesTimeZonesAndRuns() throws {
        let turkish = ["LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8", "TZ": "Pacific/Chatham"]
        let plain = ["LC_ALL": "C", "LANG": "C", "TZ": "UTC"]
        for arguments in [["generate", "--spec", Self.specPath], ["generate", "--config", "specgen.json"]] {
            let first = try generate(arguments, environment: turkish)
            let second = try generate(arguments, environment: plain)
            XCTAssertGreaterThan(first.count, 10)
            XCTAssertEqual(Set(first.keys), Set(second.keys), "\(arguments): different file sets")
            for (path, bytes) in first where second[path] != bytes {
                XCTFail("\(arguments): \(path) differs between LC_ALL=tr_TR.UTF-8/TZ=Pacific/Chatham and LC_ALL=C/TZ=UTC")
            }
        }
    }
}
