import Foundation
import XCTest
@testable import SpecGenCore

final class YAMLReaderTests: XCTestCase {
    func read(_ text: String, path: String = "t.yaml", limits: ReaderLimits = .default) throws(DiagnosticsError) -> JSONDocument {
        try YAMLReader(limits: limits).read(text: text, path: path)
    }

    func error(_ text: String, path: String = "t.yaml", limits: ReaderLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            let document = try read(text, path: path, limits: limits)
            XCTFail("expected an error, got \(JSONWriter().string(document.root.value))", file: file, line: line)
            return nil
        } catch {
            return error.diagnostics.first
        }
    }

    func testKeepsKeyOrderAndLocations() throws {
        let text = "openapi: 3.1.0\npaths:\n  /users/{id}:\n    patch:\n      summary: Update\n      tags: [users, \"admin\"]\nzeta: 1\nalpha: 2\n"
        let document = try read(text)
        XCTAssertEqual(document.root.value.objectValue?.keys, ["openapi", "paths", "zeta", "alpha"])
        XCTAssertEqual(document.root["openapi"]?.value, "3.1.0")
        let tag = try XCTUnwrap(document.node(at: JSONPointer("/paths/~1users~1{id}/patch/tags/1")!))
        XCTAssertEqual(tag.value, "admin")
        XCTAssertEqual(document.location(of: tag), SourceLocation(file: "t.yaml", line: 6, column: 21))
        let patch = try XCTUnwrap(document.root["paths"]?["/users/{id}"]?.value.objectValue?.entry("patch"))
        XCTAssertEqual(document.location(ofOffset: patch.keyOffset), SourceLocation(file: "t.yaml", line: 4, column: 5))
        XCTAssertEqual(document.location(of: patch.value), SourceLocation(file: "t.yaml", line: 5, column: 7))
    }

    func testErrorIsLocatedWithPointerAndHint() throws {
        let text = "paths:\n  /users:\n    get:\n      tags: [a, b\n    put: {}\n"
        let diagnostic = try XCTUnwrap(error(text, path: "bad.yaml"))
        XCTAssertEqual(diagnostic.description.components(separatedBy: "\n").first,
                       "bad.yaml:5:5: error: this line of a flow collection must be indented more than its parent (6 spaces) (at /paths/~1users/get/tags)")
        XCTAssertNotNil(diagnostic.hint)

        let wrongIndent = try XCTUnwrap(error("a:\n  b: 1\n c: 2\n"))
        XCTAssertEqual(wrongIndent.location, SourceLocation(file: "t.yaml", line: 3, column: 2))
        XCTAssertEqual(wrongIndent.pointer, "")
        XCTAssertEqual(wrongIndent.hint, "check the indentation of this line")

        let valueInPlain = try XCTUnwrap(error("key: a: b\n"))
        XCTAssertEqual(valueInPlain.location, SourceLocation(file: "t.yaml", line: 1, column: 7))
        XCTAssertEqual(error(",a: 1\n")?.message, "',' cannot start a plain scalar")
        XCTAssertEqual(error("a: [-]\n")?.message, "'-' cannot start a plain scalar here")
        XCTAssertTrue(valueInPlain.message.contains("mapping value is not allowed here"), valueInPlain.message)
    }

    func testColumnsCountScalarsNotBytes() throws {
        let diagnostic = try XCTUnwrap(error("é😀: \"x\n"))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.yaml", line: 1, column: 5))
        XCTAssertEqual(diagnostic.message, "this quoted scalar is never closed")
    }

    func testCoreSchemaScalars() throws {
        let text = """
        values: [null, Null, ~, true, False, TRUE, 12, -0, +12, 0o17, 0x1F, 0xffffffffffffffffff, 1.5, .5, -1., 2.5e-3, 1E+3]
        strings: [nul, yes, no, on, off, 1_000, 0b101, 1:20, 2001-12-14, 0x, 1.2.3, "12", '~', !!str 7, ! true, 0123, -089]
        tagged: [!!int "42", !!float '1', !!bool "false", !!null '', !!int 012]
        empty:
        """
        let document = try read(text)
        XCTAssertEqual(JSONWriter().string(document.root["values"]!.value),
                       "[null,null,null,true,false,true,12,-0,12,15,31,4722366482869645213695,1.5,0.5,-1.0,2.5e-3,1E+3]")
        XCTAssertEqual(document.root["strings"]?.value,
                       ["nul", "yes", "no", "on", "off", "1_000", "0b101", "1:20", "2001-12-14", "0x", "1.2.3", "12", "~", "7", "true", "0123", "-089"])
        XCTAssertEqual(JSONWriter().string(document.root["tagged"]!.value), "[42,1,false,null,12]")
        XCTAssertEqual(document.root["empty"]?.value, .null)
        // YAML 1.1 readers (PyYAML) type these differently: each gets a located warning.
        let warned = document.warnings.map { $0.message.components(separatedBy: "'")[1] }
        XCTAssertEqual(warned, ["0o17", "1E+3", "yes", "no", "on", "off", "1_000", "0b101", "1:20", "2001-12-14", "0123"])
        XCTAssertEqual(document.warnings.first?.location, SourceLocation(file: "t.yaml", line: 1, column: 57))
        XCTAssertEqual(try read("n: 0777").warnings.first?.message,
                       "plain '0777' is read as the string \"0777\" by SpecGen (YAML 1.2); YAML 1.1 readers such as PyYAML read it as an octal integer")
    }

    func testInfinityAndNaNAreRefused() throws {
        for text in ["x: .inf", "x: -.Inf", "x: .NaN", "x: [1, +.INF]"] {
            let diagnostic = try XCTUnwrap(error(text), text)
            XCTAssertTrue(diagnostic.message.contains("which JSON cannot represent"), diagnostic.message)
            XCTAssertEqual(diagnostic.hint, "quote it to keep it as a string")
        }
        XCTAssertEqual(try read("x: '.inf'").root["x"]?.value, ".inf")
        XCTAssertEqual(try read("x: .infinity").root["x"]?.value, ".infinity")
    }

    func testNonStringKeysBecomeTheirJSONSpelling() throws {
        let document = try read("200: ok\ntrue: t\n~: n\n1.50: f\n0x10: h\n\"201\": q\n1e3: e\n.5: h\n")
        XCTAssertEqual(document.root.value.objectValue?.keys, ["200", "true", "null", "1.5", "16", "201", "1e3", "0.5"])
    }

    func testCollectionKeysAreRefused() throws {
        let diagnostic = try XCTUnwrap(error("a:\n  ? [x, y]\n  : z\n"))
        XCTAssertEqual(diagnostic.message, "a mapping key must be a scalar, not a sequence")
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.yaml", line: 2, column: 5))
        XCTAssertEqual(diagnostic.pointer, "/a")
    }

    func testAnchorsAliasesAndMergeKeys() throws {
        let text = """
        base: &base {type: object, required: [id]}
        list: &items [1, 2]
        copy: *base
        merged:
          <<: *base
          type: string
          extra: *items
        many:
          <<: [{a: 1, b: 1}, {b: 2, c: 2}]
          c: 3
        """
        let document = try read(text)
        XCTAssertEqual(document.root["copy"]?.value, ["type": "object", "required": ["id"]])
        XCTAssertEqual(document.root["merged"]?.value.objectValue?.keys, ["type", "required", "extra"])
        XCTAssertEqual(document.root["merged"]?["type"]?.value, "string")
        XCTAssertEqual(document.root["merged"]?["extra"]?.value, [1, 2])
        // Earlier mappings in a merge list win; the mapping's own keys win over all.
        let many = try XCTUnwrap(document.root["many"]?.value.objectValue)
        XCTAssertEqual(many.keys, ["b", "c", "a"])
        XCTAssertEqual(document.root["many"]?.value, ["a": 1, "b": 1, "c": 3])
        // An alias node is located where the alias is written.
        let copy = try XCTUnwrap(document.root["copy"])
        XCTAssertEqual(document.location(of: copy), SourceLocation(file: "t.yaml", line: 3, column: 7))

        let badMerge = try XCTUnwrap(error("a:\n  <<: [1]\n"))
        XCTAssertEqual(badMerge.message, "a merge key '<<' needs a mapping or a list of mappings")
        XCTAssertEqual(try read("'<<': 1").root["<<"]?.value, 1, "a quoted << is an ordinary key")
    }

    func testAliasBombIsStopped() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let diagnostic = try XCTUnwrap(error(text))
        XCTAssertEqual(diagnostic.message, "aliases expand to more than 100000 nodes")
        XCTAssertEqual(diagnostic.location?.line, 5)
        XCTAssertNotNil(diagnostic.hint)
        // A small budget applies to ordinary documents too.
        let small = ReaderLimits(maxAliasExpansions: 5)
        XCTAssertNoThrow(try read("a: &a [1, 2]\nb: *a\n", limits: small))
        XCTAssertNotNil(error("a: &a [1, 2]\nb: *a\nc: *a\n", limits: small))
    }

    func testUnknownAndRecursiveAliasesAreRefused() throws {
        XCTAssertEqual(error("a: *nope\n")?.message, "unknown alias '*nope'")
        let recursive = try XCTUnwrap(error("a: &r\n  b: *r\n"))
        XCTAssertTrue(recursive.message.contains("recursive alias"), recursive.message)
        XCTAssertEqual(recursive.pointer, "/a/b")
    }

    func testDocumentsAndStreams() throws {
        XCTAssertEqual(error("")?.message, "the document is empty")
        XCTAssertEqual(error("# only a comment\n")?.message, "the document is empty")
        XCTAssertEqual(try read("---\n").root.value, .null)
        XCTAssertEqual(try read("%YAML 1.2\n--- a\n...\n").root.value, "a")
        let two = try XCTUnwrap(error("a: 1\n---\nb: 2\n"))
        XCTAssertEqual(two.message, "the file holds 2 YAML documents; one was expected")
        XCTAssertEqual(two.location, SourceLocation(file: "t.yaml", line: 2, column: 1))
        let stream = try YAMLReader().readStream(SourceFile(path: "s.yaml", text: "a: 1\n---\nb: 2\n...\n--- c\n"))
        XCTAssertEqual(stream.map(\.root.value), [["a": 1], ["b": 2], "c"])
        XCTAssertEqual(error("%YAML 2.0\n--- a\n")?.message, "unsupported %YAML directive '2.0'")
    }

    func testTagsOutsideTheJSONSetAreRefused() throws {
        let diagnostic = try XCTUnwrap(error("a:\n  b: !Ref other\n"))
        XCTAssertEqual(diagnostic.message, "unsupported tag '!Ref'")
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.yaml", line: 2, column: 6))
        XCTAssertEqual(diagnostic.pointer, "/a/b")
        XCTAssertEqual(error("d: !!timestamp 2001-12-14")?.message, "unsupported tag 'tag:yaml.org,2002:timestamp'")
        XCTAssertEqual(error("d: !!binary aGk=")?.message, "unsupported tag 'tag:yaml.org,2002:binary'")
        XCTAssertEqual(error("n: !!int 1.5")?.message, "'1.5' is not a valid !!int")
    }

    func testBlockScalars() throws {
        let text = "clip: |\n  a\n  b\n\nstrip: |-\n  a\n\nkeep: |+\n  a\n\n\nfolded: >\n  one\n  two\n\n  three\n    indented\n  four\nexplicit: |2\n    x\n  y\nlast: >-\n  end"
        let document = try read(text)
        XCTAssertEqual(document.root["clip"]?.value, "a\nb\n")
        XCTAssertEqual(document.root["strip"]?.value, "a")
        XCTAssertEqual(document.root["keep"]?.value, "a\n\n\n")
        XCTAssertEqual(document.root["folded"]?.value, "one two\nthree\n  indented\nfour\n")
        XCTAssertEqual(document.root["explicit"]?.value, "  x\ny\n")
        XCTAssertEqual(document.root["last"]?.value, "end")
        XCTAssertEqual(error("a: |0\n  x\n")?.message, "the indentation indicator of a block scalar must be 1 to 9")
    }

    func testQuotedScalarsAndEscapes() throws {
        let document = try read(#"""
        d: "tab\there \"q\" \\ \/ \x41\u00e9\U0001F600 \N\_\L\P end"
        s: 'it''s \n literal'
        folded: "one
          two

          three"
        joined: "ab\
          cd"
        """#)
        XCTAssertEqual(document.root["d"]?.value, .string("tab\there \"q\" \\ / Aé😀 \u{85}\u{A0}\u{2028}\u{2029} end"))
        XCTAssertEqual(document.root["s"]?.value, "it's \\n literal")
        XCTAssertEqual(document.root["folded"]?.value, "one two\nthree")
        XCTAssertEqual(document.root["joined"]?.value, "abcd")
        XCTAssertEqual(error(#"x: "\q""#)?.location, SourceLocation(file: "t.yaml", line: 1, column: 5))
        XCTAssertNotNil(error(#"x: "\uD800""#))
    }

    func testPlainMultiLineScalars() throws {
        let document = try read("a: one\n  two\n\n  three # comment\nb: http://x.io/a#frag\nc: [x y,\n  z]\n")
        XCTAssertEqual(document.root["a"]?.value, "one two\nthree")
        XCTAssertEqual(document.root["b"]?.value, "http://x.io/a#frag")
        XCTAssertEqual(document.root["c"]?.value, ["x y", "z"])
    }

    func testTabsCannotIndent() throws {
        let diagnostic = try XCTUnwrap(error("a:\n\tb: 1\n"))
        XCTAssertTrue(diagnostic.message.contains("tab"), diagnostic.message)
        XCTAssertEqual(diagnostic.location?.line, 2)
        XCTAssertEqual(try read("a:\t1\nb: [\t2 ]\n").root.value, ["a": 1, "b": [2]])
    }

    func testDuplicateKeysWarnAndLastWins() throws {
        let document = try read("a: 1\nb: 0\na: 2\n")
        XCTAssertEqual(document.root["a"]?.value, 2)
        XCTAssertEqual(document.warnings.map(\.description), ["t.yaml:3:1: warning: duplicate key \"a\"; the last occurrence wins (at /a)"])
    }

    func testDepthLimit() throws {
        XCTAssertTrue(error(String(repeating: "[", count: 100_000))?.message.contains("nesting is deeper than 512 levels") ?? false)
        var block = ""
        for level in 0..<600 { block += String(repeating: " ", count: level) + "k:\n" }
        XCTAssertTrue(error(block)?.message.contains("nesting is deeper than 512 levels") ?? false)
    }

    func testInvalidBytesAreLocated() throws {
        let invalid = try XCTUnwrap(error("a: b\nc: \u{1}\n"))
        XCTAssertEqual(invalid.location, SourceLocation(file: "t.yaml", line: 2, column: 4))
        let source = SourceFile(path: "u.yaml", bytes: Array("a: ".utf8) + [0xC3, 0x28])
        XCTAssertThrowsError(try YAMLReader().read(source)) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.diagnostics.first?.message, "the file is not valid UTF-8")
        }
        XCTAssertEqual(try YAMLReader().read(SourceFile(path: "bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: 1".utf8))).root.value, ["a": 1])
    }

    func testCRLFLineEndingsReadLikeLF() throws {
        let text = try String(contentsOf: fixtureURL("yaml/pyyaml/features.yaml"), encoding: .utf8)
        let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
        let unix = try read(text), windows = try read(crlf)
        XCTAssertTrue(windows.root.value.isIdentical(to: unix.root.value))
        let node = try XCTUnwrap(windows.node(at: JSONPointer("/paths/~1pets~1{id}/get/operationId")!))
        XCTAssertEqual(windows.location(of: node), unix.location(of: try XCTUnwrap(unix.node(at: JSONPointer("/paths/~1pets~1{id}/get/operationId")!))))
    }

    func testDocumentLoaderChoosesTheReaderByExtension() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-loader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["spec.yaml", "spec.YML"] {
            let url = folder.appendingPathComponent(name)
            try "openapi: 3.0.0\ninfo: {title: T}\n".write(to: url, atomically: true, encoding: .utf8)
            let document = try DocumentLoader.load(path: url.path)
            XCTAssertEqual(document.root["info"]?["title"]?.value, "T", name)
        }
        let json = folder.appendingPathComponent("spec.json")
        try "openapi: 3.0.0\n".write(to: json, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DocumentLoader.load(path: json.path), "a .json file is still read as JSON")
    }
}
