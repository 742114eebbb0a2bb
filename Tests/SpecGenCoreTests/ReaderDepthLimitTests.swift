import XCTest
@testable import SpecGenCore

/// Every reader honours `maxDepth` with a located error, and survives the highest depth a front end allows.
final class ReaderDepthLimitTests: XCTestCase {
    func testYAMLFlowAndBlockNestingHitTheDefaultLimit() {
        for text in [String(repeating: "[", count: 100_000), String(repeating: "- ", count: 100_000) + "x", String(repeating: "{a: ", count: 100_000)] {
            XCTAssertThrowsError(try YAMLReader().read(text: text, path: "deep.yaml")) { error in
                let diagnostic = (error as? DiagnosticsError)?.diagnostics.first
                XCTAssertEqual(diagnostic?.message, "nesting is deeper than 512 levels", "\(text.prefix(8))")
                XCTAssertEqual(diagnostic?.location?.file, "deep.yaml")
                XCTAssertNotNil(diagnostic?.hint)
            }
        }
    }

    func testYAMLAtTheHighestSafeDepth() throws {
        let depth = ReaderLimits.highestSafeDepth
        var limits = ReaderLimits()
        limits.maxDepth = depth
        let flow = try YAMLReader(limits: limits).read(text: String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
        let block = try YAMLReader(limits: limits).read(text: String(repeating: "- ", count: depth) + "x")
        for document in [flow, block] {
            var node = document.root
            var levels = 0
            while let first = node.value.arrayValue?.first { node = first; levels += 1 }
            XCTAssertEqual(levels, node.value.arrayValue == nil && node.value.stringValue == "x" ? depth : depth - 1)
        }
    }
}
