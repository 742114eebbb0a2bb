import Foundation
import XCTest
@testable import SpecGenCore

/// `FormatRules` against the JSON Schema Test Suite's `optional/format` cases (Tests/Fixtures, not ours), and
/// the calendar rules a pattern cannot express.
final class FormatRulesTests: XCTestCase {
    func testEveryStringCaseOfTheSuitesFormatFiles() throws {
        var checked = 0
        for draft in ["draft2020-12", "draft4"] {
            let folder = fixtureURL("JSON-Schema-Test-Suite/tests/\(draft)/optional/format")
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".json") {
                let format = String(name.dropLast(".json".count))
                XCTAssertTrue(FormatRules.isChecked(format), "\(format) is in the fixtures but not checked")
                let document = try DocumentLoader.load(path: folder.appendingPathComponent(name).path)
                for group in document.root.value.arrayValue ?? [] {
                    XCTAssertEqual(group["schema"]?["format"]?.value.stringValue, format, "\(draft)/\(name)")
                    for test in group["tests"]?.value.arrayValue ?? [] {
                        // Formats apply to strings only; other types are valid whatever the format.
                        guard let data = test["data"]?.value.stringValue, let valid = test["valid"]?.value.boolValue else { continue }
                        let description = test["description"]?.value.stringValue ?? ""
                        XCTAssertEqual(FormatRules.matches(format, data), valid, "\(draft) \(format): \(description): \(data.debugDescription)")
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 300, "the fixtures hold hundreds of string cases")
    }

    func testCalendarRulesBeyondThePattern() {
        XCTAssertTrue(FormatRules.matches("date", "2024-02-29"), "2024 is a leap year")
        XCTAssertFalse(FormatRules.matches("date", "2023-02-29"))
        XCTAssertFalse(FormatRules.matches("date", "1900-02-29"), "a century is not a leap year")
        XCTAssertTrue(FormatRules.matches("date", "2000-02-29"), "unless divisible by 400")
        XCTAssertFalse(FormatRules.matches("date", "2024-04-31"))
        XCTAssertTrue(FormatRules.matches("date-time", "1998-12-31T23:59:60Z"), "a leap second at 23:59 UTC")
        XCTAssertTrue(FormatRules.matches("date-time", "1998-12-31T15:59:60-08:00"), "the same second in another offset")
        XCTAssertFalse(FormatRules.matches("date-time", "1998-12-31T22:59:60Z"))
        XCTAssertTrue(FormatRules.matches("time", "23:59:60Z"))
        XCTAssertFalse(FormatRules.matches("time", "12:00:60Z"))
    }

    func testUncheckedFormatsAcceptAnythingAndMessagesNameTheFormat() {
        XCTAssertFalse(FormatRules.isChecked("color"))
        XCTAssertTrue(FormatRules.matches("color", "not a colour at all"))
        XCTAssertEqual(FormatRules.noun("email"), "email address")
        XCTAssertEqual(FormatRules.noun("strict-uri"), "absolute http(s) URL")
        XCTAssertEqual(FormatRules.noun("color"), "color")
        XCTAssertTrue(FormatRules.matches("strict-uri", "https://example.com/a?b#c"))
        XCTAssertFalse(FormatRules.matches("strict-uri", "ftp://example.com"), "Auth0's strict-uri is http(s) only")
        XCTAssertFalse(FormatRules.matches("strict-uri", "https://"), "a host is required")
    }
}
