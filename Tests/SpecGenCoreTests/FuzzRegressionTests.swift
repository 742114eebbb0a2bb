import Foundation
import XCTest
@testable import SpecGenCore

/// Inputs the fuzzers found (Tests/Fixtures/fuzz/<target>/), kept as regression tests.
final class FuzzRegressionTests: XCTestCase {
    func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = fixtureURL("fuzz/\(target)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted().map {
            ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0))))
        }
    }

    /// The properties Fuzz/json checks: accepted documents round-trip unchanged; every diagnostic is
    /// located inside the input, has a pointer and a hint.
    func testJSONInputsKeepTheFuzzTargetsProperties() throws {
        let all = try inputs("json")
        XCTAssertFalse(all.isEmpty)
        for (name, bytes) in all {
            let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            do {
                let document = try JSONReader().read(SourceFile(path: name, bytes: bytes))
                for warning in document.warnings { assertLocated(warning, name: name, lineCount: lineCount) }
                let again = try JSONReader().read(text: JSONWriter().string(document.root.value))
                XCTAssertTrue(again.root.value.isIdentical(to: document.root.value), name)
            } catch {
                XCTAssertEqual(error.diagnostics.count, 1, name)
                for diagnostic in error.diagnostics { assertLocated(diagnostic, name: name, lineCount: lineCount) }
            }
        }
    }

    /// The properties Fuzz/pipeline checks on a whole default run (every snippet client, docs, code samples):
    /// no trap, one file per path, every diagnostic located in the input.
    func testPipelineInputsGenerateOneFilePerPath() throws {
        let all = try inputs("pipeline-json")
        XCTAssertFalse(all.isEmpty)
        for (name, bytes) in all {
            let document = try JSONReader().read(SourceFile(path: name, bytes: bytes))
            var config = SpecGenConfig(spec: name)
            config.codeSamplesSpec = "samples.json"
            let output = try Generator.run(Generator.Inputs(spec: document), config)
            let paths = output.files.map(\.path)
            XCTAssertEqual(paths.count, Set(paths).count, "\(name): two generated files share a path")
            for diagnostic in output.diagnostics { XCTAssertEqual(diagnostic.location?.file, name, "\(diagnostic)") }
        }
        // A duplicated definition: the last occurrence wins, as the reader's warning says, and one type is generated.
        let document = try JSONReader().read(SourceFile(path: "d.json", bytes: try inputs("pipeline-json").first { $0.name == "duplicate-definition.json" }!.bytes))
        let output = try Generator.run(Generator.Inputs(spec: document), SpecGenConfig(spec: "d.json"))
        let b = try XCTUnwrap(output.files.first { $0.path == "Swift/Types/B.swift" })
        XCTAssertTrue(b.contents.contains("var y: Int?"), b.contents)
        XCTAssertFalse(output.files.contains { $0.path.hasPrefix("Swift/Types/B2") })
    }

    func assertLocated(_ diagnostic: Diagnostic, name: String, lineCount: Int) {
        XCTAssertEqual(diagnostic.location?.file, name)
        XCTAssertTrue((1...lineCount).contains(diagnostic.location?.line ?? 0), "\(name): \(diagnostic)")
        XCTAssertGreaterThanOrEqual(diagnostic.location?.column ?? 0, 1, name)
        let pointer = diagnostic.pointer
        XCTAssertTrue(pointer?.isEmpty == true || pointer?.utf8.first == UInt8(ascii: "/"), "\(name): \(diagnostic)")
        XCTAssertNotNil(diagnostic.hint, name)
    }

    /// A key made of a combining mark renders a pointer whose first character is "/" + the mark (one
    /// grapheme): the pointer is still well-formed; it must be checked by bytes, not by Character.
    func testCombiningMarkKeyPointer() throws {
        let bytes = [UInt8](try Data(contentsOf: fixtureURL("fuzz/json/combining-mark-in-key.json")))
        XCTAssertThrowsError(try JSONReader().read(SourceFile(path: "f.json", bytes: bytes))) { error in
            XCTAssertEqual("\(error)", "f.json:1:7: error: unterminated string (at /\u{652})\n  hint: add the closing '\"'")
            XCTAssertEqual((error as? DiagnosticsError)?.diagnostics.first?.pointer?.unicodeScalars.first, "/")
        }
    }

    /// Parsing splits on the `/` code point too: a token that starts with a combining mark is its own token,
    /// and the pointer round-trips through its description.
    func testPointerTokenStartingWithCombiningMark() throws {
        let text = "/a/\u{301}b/c~1d/e~0f"
        let pointer = try XCTUnwrap(JSONPointer(text))
        XCTAssertEqual(pointer.tokens, ["a", "\u{301}b", "c/d", "e~f"])
        XCTAssertEqual(pointer.description, text)
        XCTAssertEqual(JSONPointer("#/a%2Fb/%CC%81")?.tokens, ["a", "b", "\u{301}"])
        XCTAssertNil(JSONPointer("#/bad%zz"))
    }
}
