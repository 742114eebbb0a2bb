import Foundation
import XCTest
@testable import SpecGenCore

/// `ECMARegex` against the ECMA-262 engine the patterns are written for: Node.js's `RegExp` decides every input
/// of `Tests/Fixtures/regex/ecma-patterns.json` (search semantics, as JSON Schema's `pattern`), and the translated
/// pattern run by `NSRegularExpression` must decide the same.
final class ECMARegexTests: XCTestCase {
    struct Case: Decodable {
        var pattern: String
        var inputs: [String]
    }

    private func ours(_ pattern: String, _ input: String) throws -> Bool {
        let translated = try XCTUnwrap(ECMARegex.translate(pattern), "not translated: \(pattern.prefix(80))")
        let expression = try NSRegularExpression(pattern: translated)
        return expression.firstMatch(in: input, range: NSRange(input.startIndex..<input.endIndex, in: input)) != nil
    }

    func testVerdictsEqualNodeRegExp() throws {
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: fixtureURL("regex/ecma-patterns.json")))
        guard let node = ["/usr/bin/node", "/usr/local/bin/node"].first(where: FileManager.default.isExecutableFile) else {
            throw XCTSkip("Node.js is not installed (.ci/run installs it)")
        }
        let script = """
        const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
        process.stdout.write(JSON.stringify(cases.map(c => c.inputs.map(i => new RegExp(c.pattern).test(i)))));
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try Data(contentsOf: fixtureURL("regex/ecma-patterns.json")))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let expected = try JSONDecoder().decode([[Bool]].self, from: data)
        XCTAssertEqual(expected.count, cases.count)
        var compared = 0
        for (item, verdicts) in zip(cases, expected) {
            for (text, verdict) in zip(item.inputs, verdicts) {
                XCTAssertEqual(try ours(item.pattern, text), verdict, "pattern \(item.pattern.prefix(60)) on \(text.debugDescription)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 50)
    }

    /// The Annex B rules the translation needs, independent of Node.
    func testAnnexBLiterals() throws {
        XCTAssertTrue(try ours(#"^\+[0-9]{8, 20}"#, "+0{8, 20}"), "{8, 20} is text")
        XCTAssertFalse(try ours(#"^\+[0-9]{8, 20}"#, "+12345678"))
        XCTAssertTrue(try ours(#"^[\w-.]+$"#, "a-b.c"), "a - after a class escape is a literal")
        XCTAssertFalse(try ours(#"^[\w-.]+$"#, "a/b"), "not a range from _ to .")
        XCTAssertTrue(try ours("^a{2,3}$", "aaa"))
        XCTAssertNil(ECMARegex.translate(#"\cJ"#), "control escapes are refused, not mistranslated")
        // JSON Schema reads patterns in unicode mode for property escapes (the Test Suite's "pattern with Unicode
        // property escape requires unicode mode"), which Node's RegExp without the u flag would not.
        XCTAssertTrue(try ours(#"^\p{Letter}+$"#, "π"))
        XCTAssertFalse(try ours(#"^\p{Letter}+$"#, "123"))
        XCTAssertTrue(try ours(#"^\P{Letter}{2}$"#, "12"))
    }
}
