import XCTest
@testable import SpecGenCore

/// The generated support file carries the text of `SpecGenIDNA` (the A-label rules `specgen validate` runs), so the
/// two validators decide host names alike; this keeps the embedded copy equal to the compiled one.
final class SupportHostnameRulesTests: XCTestCase {
    func testSupportFileEmbedsTheCompiledIDNARules() throws {
        let sourceURL = packageRoot.appendingPathComponent("Sources/SpecGenCore/Validation/IDNAHostname.swift")
        let compiled = try String(contentsOf: sourceURL, encoding: .utf8)
        let start = try XCTUnwrap(compiled.range(of: "/// A-labels of host names"))
        XCTAssertEqual(String(compiled[start.lowerBound...]), SupportHostnameRules.enumText + "\n",
                       "SupportHostnameRules.enumText is stale: copy the enum SpecGenIDNA from IDNAHostname.swift")
        XCTAssertTrue(SupportFile.source(access: "public").contains("nonisolated enum SpecGenIDNA {"))
    }

    func testALabels() {
        XCTAssertTrue(SpecGenIDNA.aLabelsAreValid("xn--bcher-kva.example"))  // bücher
        XCTAssertEqual(SpecGenIDNA.punycodeDecode(Array("bcher-kva".unicodeScalars)).map { String(String.UnicodeScalarView($0)) }, "bücher")
        XCTAssertFalse(SpecGenIDNA.aLabelsAreValid("xn--X.example"))  // not Punycode
        XCTAssertFalse(SpecGenIDNA.aLabelsAreValid("xn--zz-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"))  // overflows
        XCTAssertTrue(SpecGenIDNA.aLabelsAreValid("plain.example.com"))
    }
}
