import Foundation
import XCTest
@testable import SpecGenCore

/// Hostile and broken JSON: each case asserts the exact located message and its hint.
final class JSONHostileInputTests: XCTestCase {
    /// The rendered diagnostic of a document that must be rejected.
    func rejection(_ bytes: [UInt8], path: String = "bad.json", limits: ReaderLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let document = try JSONReader(limits: limits).read(SourceFile(path: path, bytes: bytes))
            XCTFail("accepted: \(JSONWriter().string(document.root.value).prefix(100))", file: file, line: line)
            return ""
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, file: file, line: line)
            XCTAssertNotNil(error.diagnostics.first?.hint, "every error carries a hint", file: file, line: line)
            return error.description
        }
    }

    func rejection(_ text: String, path: String = "bad.json", limits: ReaderLimits = .default, file: StaticString = #filePath, line: UInt = #line) -> String {
        rejection(Array(text.utf8), path: path, limits: limits, file: file, line: line)
    }

    // MARK: Depth

    func testHundredThousandNestedArraysHitTheDepthLimit() {
        let message = rejection(String(repeating: "[", count: 100_000), path: "deep.json")
        XCTAssertEqual(message, "deep.json:1:513: error: nesting is deeper than 512 levels (at \(String(repeating: "/0", count: 512)))\n  hint: raise the limit with --max-depth if this document is trusted")
    }

    func testHundredThousandNestedObjectsHitTheDepthLimit() {
        let message = rejection(String(repeating: #"{"a":"#, count: 100_000), path: "deep.json")
        XCTAssertEqual(message, "deep.json:1:\(512 * 5 + 1): error: nesting is deeper than 512 levels (at \(String(repeating: "/a", count: 512)))\n  hint: raise the limit with --max-depth if this document is trusted")
    }

    func testDepthLimitIsExact() throws {
        var limits = ReaderLimits()
        limits.maxDepth = 3
        XCTAssertNoThrow(try JSONReader(limits: limits).read(text: #"[{"a": [1]}]"#))
        XCTAssertEqual(rejection(#"[{"a": [[1]]}]"#, limits: limits), "bad.json:1:9: error: nesting is deeper than 3 levels (at /0/a/0)\n  hint: raise the limit with --max-depth if this document is trusted")
        XCTAssertEqual(rejection(#"{"a": {"b": {"c": {}}}}"#, limits: limits), "bad.json:1:19: error: nesting is deeper than 3 levels (at /a/b/c)\n  hint: raise the limit with --max-depth if this document is trusted")
        limits.maxDepth = 0
        XCTAssertNoThrow(try JSONReader(limits: limits).read(text: "42"))
        XCTAssertEqual(rejection("[]", limits: limits), "bad.json:1:1: error: nesting is deeper than 0 levels (at /)\n  hint: raise the limit with --max-depth if this document is trusted")
    }

    /// With the limit raised far past any call stack, the reader still cannot overflow: it keeps open
    /// containers on an explicit stack. (An unclosed document builds no deep tree, so only the reader runs.)
    func testRaisedDepthLimitNeverRecurses() {
        var limits = ReaderLimits()
        limits.maxDepth = 2_000_000
        let message = rejection(String(repeating: "[", count: 1_000_000), path: "deep.json", limits: limits)
        XCTAssertEqual(message, "deep.json:1:1000001: error: unexpected end of input; a value was expected (at \(String(repeating: "/0", count: 1_000_000)))\n  hint: add the missing ']'")
    }

    /// The highest depth a front end allows parses, and the tree it builds is walked and freed safely.
    func testTenThousandLevelsParseWhenTheLimitIsRaised() throws {
        XCTAssertEqual(ReaderLimits.highestSafeDepth, 10_000)
        var limits = ReaderLimits()
        limits.maxDepth = ReaderLimits.highestSafeDepth
        let text = String(repeating: #"{"k":["#, count: 5_000) + "null" + String(repeating: "]}", count: 5_000)
        let document = try JSONReader(limits: limits).read(text: text)
        var node = document.root
        var depth = 0
        while true {
            if let member = node["k"] { node = member } else if let first = node.value.arrayValue?.first { node = first } else { break }
            depth += 1
        }
        XCTAssertEqual(depth, 10_000)
        XCTAssertTrue(node.value.isNull)
        XCTAssertEqual(node.offset, 5_000 * 6)
        limits.maxDepth = 9_999
        XCTAssertTrue(rejection(text, limits: limits).hasPrefix("bad.json:1:\(5_000 * 6): error: nesting is deeper than 9999 levels (at /k/0/k/0/"))
    }

    // MARK: Size and number limits

    func testInputSizeLimit() throws {
        var limits = ReaderLimits()
        limits.maxBytes = 10
        XCTAssertNoThrow(try JSONReader(limits: limits).read(text: "[1,2,3,45]"))
        XCTAssertEqual(rejection("[1,2,3,456]", path: "big.json", limits: limits), "big.json:1:1: error: input is 11 bytes, more than the limit of 10 (at /)\n  hint: raise the limit with --max-input-bytes if this document is trusted")
    }

    func testDocumentLoaderRefusesLargeFilesBeforeReadingThem() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-big-\(UUID().uuidString).json")
        try Data(("[" + String(repeating: "1,", count: 50) + "1]").utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var limits = ReaderLimits()
        limits.maxBytes = 64
        XCTAssertThrowsError(try DocumentLoader.load(path: url.path, limits: limits)) { error in
            XCTAssertEqual("\(error)", "\(url.path):1:1: error: '\(url.path)' is 103 bytes, more than the limit of 64\n  hint: raise the limit with --max-input-bytes if this document is trusted")
        }
        limits.maxBytes = 103
        XCTAssertEqual(try DocumentLoader.load(path: url.path, limits: limits).root.value.arrayValue?.count, 51)
    }

    func testNumberLengthLimit() throws {
        var limits = ReaderLimits()
        limits.maxNumberLength = 6
        XCTAssertEqual(try JSONReader(limits: limits).read(text: "[-1.5e3]").root.value, [-1500])
        XCTAssertEqual(try JSONReader(limits: limits).read(text: "[123456]").root.value, [123456])
        XCTAssertEqual(rejection("[1, 1234567]", limits: limits), "bad.json:1:5: error: number is 7 characters long, more than the limit of 6 (at /1)\n  hint: quote the value if it is an identifier; the limit is ReaderLimits.maxNumberLength")
        XCTAssertTrue(rejection("-0.000001", limits: limits).hasPrefix("bad.json:1:1: error: number is 9 characters long"))
    }

    // MARK: Numbers

    func testHugeNumbersAreKeptExactly() throws {
        let huge = "-237462374673276894279832749832423479823246327846"
        let precise = "0.10000000000000000000000000000000000000001"
        let text = #"{"big": \#(huge), "precise": \#(precise), "overflow": 1.5e+9999, "underflow": 123e-10000000}"#
        let document = try JSONReader().read(text: text)
        XCTAssertEqual(document.root["big"]?.value.numberValue?.text, huge)
        XCTAssertNil(document.root["big"]?.value.numberValue?.int)
        XCTAssertEqual(document.root["precise"]?.value.numberValue?.text, precise)
        XCTAssertEqual(document.root["overflow"]?.value.numberValue?.double, .infinity)
        XCTAssertEqual(document.root["underflow"]?.value.numberValue?.double, 0)
        XCTAssertEqual(JSONWriter().string(document.root.value), text.replacingOccurrences(of: ": ", with: ":").replacingOccurrences(of: ", ", with: ","))
        XCTAssertTrue(document.warnings.isEmpty)
    }

    func testNumberSyntaxErrors() {
        XCTAssertEqual(rejection(#"{"id": 007}"#), "bad.json:1:8: error: numbers cannot have leading zeros (at /id)\n  hint: remove the leading zeros, or quote the value if it is an identifier")
        XCTAssertEqual(rejection("[1.]"), "bad.json:1:2: error: a number needs a digit after '.' (at /0)\n  hint: numbers look like -12, 0.5 or 1.5e10")
        XCTAssertEqual(rejection("[NaN]"), "bad.json:1:2: error: unexpected 'N'; a value was expected (at /0)\n  hint: a value is an object, array, string, number, true, false or null")
    }

    // MARK: Encoding

    func testInvalidUTF8IsLocatedAtTheBadByte() {
        var bytes = Array("{\n  \"name\": \"caf".utf8)
        bytes.append(0xE9)
        bytes += Array(" au lait\"\n}".utf8)
        XCTAssertEqual(rejection(bytes, path: "latin1.json"), "latin1.json:2:15: error: invalid UTF-8 byte 0xE9 in a string (at /name)\n  hint: save the file as UTF-8, or write the character as a \\u escape")
    }

    func testInvalidUTF8AfterAnEscapeAndAfterMultibyteCharacters() {
        // "é😀\n" then a lone continuation byte: columns count scalars, the pointer names the element.
        var bytes = Array("[\"ok\", \"é😀\\n".utf8)
        bytes.append(0x80)
        bytes += Array("\"]".utf8)
        XCTAssertEqual(rejection(bytes), "bad.json:1:13: error: invalid UTF-8 byte 0x80 in a string (at /1)\n  hint: save the file as UTF-8, or write the character as a \\u escape")
        // A truncated sequence at the end of a key.
        XCTAssertEqual(rejection([0x7B, 0x22, 0x61, 0xE2, 0x82, 0x22, 0x3A, 0x31, 0x7D]), "bad.json:1:4: error: invalid UTF-8 byte 0xE2 in a string (at /)\n  hint: save the file as UTF-8, or write the character as a \\u escape")
    }

    func testUTF16IsRecognised() {
        let utf16 = Array("{\"a\": 1}".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertEqual(rejection([0xFF, 0xFE] + utf16), "bad.json:1:1: error: the document is UTF-16 encoded; JSON text must be UTF-8 (at /)\n  hint: save the file as UTF-8")
        XCTAssertEqual(rejection(utf16), "bad.json:1:1: error: the document is UTF-16 encoded; JSON text must be UTF-8 (at /)\n  hint: save the file as UTF-8")
    }

    func testByteOrderMarkIsSkippedAndNotCountedInColumns() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let document = try JSONReader().read(SourceFile(path: "bom.json", bytes: bom + Array(#"{"a": [1]}"#.utf8)))
        XCTAssertEqual(document.root.value, ["a": [1]])
        XCTAssertEqual(document.location(of: document.root), SourceLocation(file: "bom.json", line: 1, column: 1))
        XCTAssertEqual(document.location(of: document.root["a"]!), SourceLocation(file: "bom.json", line: 1, column: 7))
        XCTAssertEqual(rejection(bom + Array(#"{"a": x}"#.utf8)), "bad.json:1:7: error: unexpected 'x'; a value was expected (at /a)\n  hint: a value is an object, array, string, number, true, false or null")
        XCTAssertEqual(rejection(bom), "bad.json:1:1: error: the document is empty (at /)\n  hint: a JSON document holds one value, such as {}")
        // A BOM anywhere else is not whitespace.
        XCTAssertEqual(rejection([0x20] + bom + Array("1".utf8)), "bad.json:1:2: error: unexpected byte 0xEF; a value was expected (at /)\n  hint: a value is an object, array, string, number, true, false or null")
    }

    func testLoneSurrogateEscapeWarns() throws {
        let document = try JSONReader().read(text: "{\n  \"k\": \"a\\uD800b\"\n}", path: "s.json")
        XCTAssertEqual(document.root["k"]?.value, .string("a\u{FFFD}b"))
        XCTAssertEqual(document.warnings.map(\.description), ["s.json:2:10: warning: lone UTF-16 surrogate \\uD800 replaced by U+FFFD (at /k)\n  hint: a surrogate escape needs its pair: \\uD83D\\uDE00 is one character"])
    }

    // MARK: Duplicates

    func testDuplicateKeysWarnAtTheSecondKeyAndTheLastWins() throws {
        let text = "{\n  \"user\": {\n    \"name\": \"a\",\n    \"name\": \"b\"\n  }\n}"
        let document = try JSONReader().read(text: text, path: "dup.json")
        XCTAssertEqual(document.root["user"]?["name"]?.value, "b")
        XCTAssertEqual(document.root["user"]?.value.objectValue?.entries.map(\.value.value), ["a", "b"])
        XCTAssertEqual(document.warnings.map(\.description), ["dup.json:4:5: warning: duplicate key \"name\"; the last occurrence wins (at /user/name)\n  hint: remove one of the members named \"name\""])
    }

    // MARK: Truncation

    func testTruncatedInputNamesTheOpenContainer() {
        XCTAssertEqual(rejection("{\"paths\": {\"/users\": [1, 2"), "bad.json:1:27: error: unexpected end of input inside the array that starts at 1:22 (at /paths/~1users)\n  hint: add the missing ']'")
        XCTAssertEqual(rejection("{\n  \"a\": 1,\n  \"b\": {}\n"), "bad.json:4:1: error: unexpected end of input inside the object that starts at 1:1 (at /)\n  hint: add the missing '}'")
        XCTAssertEqual(rejection(#"{"a": "abc"#), "bad.json:1:7: error: unterminated string (at /a)\n  hint: add the closing '\"'")
        XCTAssertEqual(rejection("[tru"), "bad.json:1:2: error: invalid literal; expected 'true' (at /0)\n  hint: the literals are true, false and null, in lower case")
        XCTAssertEqual(rejection(#"["\u12"#), "bad.json:1:3: error: incomplete \\u escape (at /0)\n  hint: write \\u followed by four hex digits, e.g. \\u00E9")
        XCTAssertEqual(rejection(#"{"a""#), "bad.json:1:5: error: expected ':' after the member name \"a\" (at /)\n  hint: write members as \"name\": value")
        XCTAssertEqual(rejection(#"{"a":"#), "bad.json:1:6: error: unexpected end of input; a value was expected (at /a)\n  hint: add the missing '}'")
        XCTAssertEqual(rejection(""), "bad.json:1:1: error: the document is empty (at /)\n  hint: a JSON document holds one value, such as {}")
    }

    // MARK: Control characters

    func testControlCharactersInStrings() {
        XCTAssertEqual(rejection("{\"a\": \"line1\nline2\"}"), "bad.json:1:13: error: control character byte 0x0A inside a string (at /a)\n  hint: a string ends on the line it starts; write a line break as \\n, or add the missing closing '\"'")
        XCTAssertEqual(rejection("[\"a\tb\"]"), "bad.json:1:4: error: control character byte 0x09 inside a string (at /0)\n  hint: write it as \\t")
        XCTAssertEqual(rejection("[\"a\\n\u{0}\"]"), "bad.json:1:6: error: control character byte 0x00 inside a string (at /0)\n  hint: write it as \\u0000")
        XCTAssertEqual(rejection("[\"\u{1F}\"]"), "bad.json:1:3: error: control character byte 0x1F inside a string (at /0)\n  hint: write it as \\u001F")
        XCTAssertEqual(rejection("[1,\u{0C}2]"), "bad.json:1:4: error: unexpected byte 0x0C; a value was expected (at /1)\n  hint: a value is an object, array, string, number, true, false or null")
    }
}
