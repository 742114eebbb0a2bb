import XCTest
@testable import SpecGenCore

final class JSONReaderTests: XCTestCase {
    func testKeepsKeyOrderAndLocations() throws {
        let text = "{\n  \"b\": 1,\n  \"a\": [true, null, \"x\"]\n}"
        let document = try JSONReader().read(text: text, path: "t.json")
        XCTAssertEqual(document.root.value.objectValue?.keys, ["b", "a"])
        let node = try XCTUnwrap(document.node(at: JSONPointer("/a/2")!))
        XCTAssertEqual(node.value, .string("x"))
        XCTAssertEqual(document.location(of: node), SourceLocation(file: "t.json", line: 3, column: 21))
    }

    func testErrorIsLocatedWithPointer() {
        let text = "{\n  \"paths\": {\n    \"/users\": [1, 2,]\n  }\n}"
        XCTAssertThrowsError(try JSONReader().read(text: text, path: "bad.json")) { error in
            let message = (error as? DiagnosticsError)?.description ?? ""
            XCTAssertTrue(message.hasPrefix("bad.json:3:21: error: expected a value, found ']' (at /paths/~1users/2)"), message)
            XCTAssertTrue(message.contains("hint: remove the trailing comma"), message)
        }
    }

    func testColumnsCountScalarsNotBytes() throws {
        let text = "{\"é😀\": tru}"
        XCTAssertThrowsError(try JSONReader().read(text: text, path: "u.json")) { error in
            XCTAssertEqual((error as? DiagnosticsError)?.diagnostics.first?.location?.column, 8)
        }
    }

    func testDuplicateKeysWarnAndLastWins() throws {
        let document = try JSONReader().read(text: "{\"a\": 1, \"a\": 2}")
        XCTAssertEqual(document.root["a"]?.value, 2)
        XCTAssertEqual(document.warnings.count, 1)
        XCTAssertTrue(document.warnings[0].description.contains("duplicate key \"a\""))
    }

    func testDepthLimit() {
        let text = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try JSONReader().read(text: text)) { error in
            XCTAssertTrue("\(error)".contains("nesting is deeper than 512 levels"), "\(error)")
        }
    }

    func testWriterRoundTripsOrderEscapesAndNumbers() throws {
        let text = #"{"z":"a\"b\\c\nd\u0001é","n":1.50e300,"arr":[null,false,{}]}"#
        let document = try JSONReader().read(text: text)
        XCTAssertEqual(JSONWriter().string(document.root.value), #"{"z":"a\"b\\c\nd\u0001é","n":1.50e300,"arr":[null,false,{}]}"#)
        XCTAssertEqual(JSONWriter(style: .pretty(indent: 2)).string(["a": [1]]), "{\n  \"a\": [\n    1\n  ]\n}")
    }

    func testSurrogatePairsAndLoneSurrogates() throws {
        XCTAssertEqual(try JSONReader().read(text: #""\ud83d\ude00""#).root.value, .string("😀"))
        XCTAssertEqual(try JSONReader().read(text: #""\ud800x""#).root.value, .string("\u{FFFD}x"))
    }
}
