import Foundation
import XCTest
@testable import SpecGenCore

/// `Tests/Fixtures/hostile/numbers.openapi.json` puts numbers no fixed-size type holds (`-9223372036854775808`,
/// `18446744073709551616`, `1e400`, `-0`, `0.1e-400`) in examples, parameters and constraints. The default
/// mode (Swift, every snippet client, docs) must finish, keep each number as the spec wrote it, and emit Swift
/// that compiles. (OpenAI's spec trapped here: `abs(Int.min)` in the JavaScript clients.)
final class ExtremeNumbersTests: XCTestCase {
    static let specPath = "Tests/Fixtures/hostile/numbers.openapi.json"
    static let numbers = ["-9223372036854775808", "18446744073709551616", "1e400", "0.1e-400"]

    func testDefaultModeFinishesAndEverySnippetKeepsTheNumbersAsWritten() throws {
        let output = try temporaryFolder(self)
        let run = try runSpecgen(["generate", "--spec", Self.specPath, "--output", output.path])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let folder = output.appendingPathComponent("Snippets/createThing")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        XCTAssertEqual(names.count, SnippetClients.all.count + 1)
        let page = try String(contentsOf: output.appendingPathComponent("Docs/createThing.md"), encoding: .utf8)
        // The Swift SDK's types (Int, Double) cannot hold them: its snippet's note names each number it could not pass.
        let sdkSection = page.components(separatedBy: "### Swift SDK\n").dropFirst().first ?? ""
        let sdkNote = sdkSection.split(separator: "\n").first { $0.hasPrefix("> Note: ") }.map(String.init) ?? ""
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for number in Self.numbers {
                let kept = text.contains(number) || (name == "swift-sdk.swift" && sdkNote.contains(number) && number != Self.numbers[0])
                XCTAssertTrue(kept, "\(name) lost \(number)")
            }
        }
        let sdk = try String(contentsOf: folder.appendingPathComponent("swift-sdk.swift"), encoding: .utf8)
        XCTAssertTrue(sdk.contains("count: -9223372036854775808"), "Int.min fits the SDK's Int: passed as written")
        for number in Self.numbers { XCTAssertTrue(page.contains(number), "the docs page lost \(number)") }
        let form = try String(contentsOf: output.appendingPathComponent("Snippets/formNumbers/shell-curl.sh"), encoding: .utf8)
        XCTAssertTrue(form.contains("n=-9223372036854775808"), form)
        XCTAssertTrue(form.contains("m=1e400"), form)
    }

    func testGeneratedSwiftWithInfiniteBoundsTypeChecks() throws {
        let output = try temporaryFolder(self)
        let run = try runSpecgen(["generate", "--spec", Self.specPath, "--output", output.path, "--swift-only"])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        let swift = output.appendingPathComponent("Swift")
        let bounds = try String(contentsOf: swift.appendingPathComponent("Types/Bounds.swift"), encoding: .utf8)
        XCTAssertTrue(bounds.contains("minimum: Double.infinity"), bounds)
        XCTAssertTrue(bounds.contains("minimum: -Double.infinity"), bounds)
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: swift, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "swift" { files.append(url.path) }
        }
        let check = try runProgram("/usr/bin/env", ["swiftc", "-typecheck", "-module-name", "Numbers"] + files.sorted())
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testNumbersADoubleCannotCarryAreTold() {
        let exact = ["0", "-0", "0.1", "1e21", "1.5e300", "-2.5", "9007199254740991", "5e-324", "100", "1E+2"]
        for text in exact { XCTAssertTrue(JSONNumber(text: text).isExactInDouble, text) }
        let inexact = ["1e400", "-1e400", "0.1e-400", "9007199254740993", "18446744073709551617", "0.10000000000000000001"]
        for text in inexact { XCTAssertFalse(JSONNumber(text: text).isExactInDouble, text) }
        XCTAssertEqual(JSONNumber.canonical("-12.50e1"), "-125e0")
        XCTAssertEqual(JSONNumber.canonical("-0.0"), "0")
        XCTAssertEqual(JSONNumber.canonical("1e99999999999999999999"), "1e99999999999999999999+0")
    }

    func testJavaScriptAndPythonSendUnsafeNumbersAsText() {
        let body: JSONValue = ["huge": .number(JSONNumber(text: "1e400")), "id": .number(JSONNumber(text: "-9223372036854775808"))]
        let example = RequestExample(method: "POST", url: "http://example.com/n", headers: [NameValue("Content-Type", "application/json")], body: .json(body))
        for id in ["javascript-fetch", "node-axios", "node-fetch", "python-requests", "python-http-client", "python-httpx"] {
            guard let client = SnippetClients.client(id: id) else { return XCTFail("no client \(id)") }
            let snippet = client.render(example, options: .default)
            XCTAssertTrue(snippet.contains(#"1e400,\"id\":-9223372036854775808}"#) || snippet.contains(#"1e400,"id":-9223372036854775808}'"#),
                          "\(id) does not send the JSON text:\n\(snippet)")
        }
    }
}
