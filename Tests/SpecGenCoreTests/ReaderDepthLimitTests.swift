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

/// What is built from a document at the highest allowed depth can be written, compared and read as OpenAPI.
final class DeepDocumentConsumerTests: XCTestCase {
    func deepDocument(levels: Int) throws -> JSONDocument {
        var limits = ReaderLimits()
        limits.maxDepth = ReaderLimits.highestSafeDepth
        return try JSONReader(limits: limits).read(text: String(repeating: "[", count: levels) + String(repeating: "]", count: levels))
    }

    /// JSONWriter and `==` recurse per level (a debug build overflows the 8 MiB main stack before 10 000
    /// levels), so work on deep documents runs on a stack sized for the depth limit.
    func testWriterAndEqualityAtTheHighestSafeDepth() throws {
        let document = try deepDocument(levels: ReaderLimits.highestSafeDepth)
        let again = try deepDocument(levels: ReaderLimits.highestSafeDepth)
        let (count, equal) = LargeStack.run(stackSize: LargeStack.size(forDepth: ReaderLimits.highestSafeDepth)) {
            (JSONWriter().string(document.root.value).utf8.count, again.root.value == document.root.value)
        }
        XCTAssertEqual(count, 2 * ReaderLimits.highestSafeDepth)
        XCTAssertTrue(equal)
    }

    func testOpenAPIReaderWithDeeplyNestedSchemas() throws {
        let levels = ReaderLimits.highestSafeDepth / 4 - 10
        let schema = String(repeating: #"{"type": "object", "properties": {"a": "#, count: levels) + #"{"type": "string"}"# + String(repeating: "}}", count: levels)
        let text = #"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "components": {"schemas": {"Deep": \#(schema)}}}"#
        var limits = ReaderLimits()
        limits.maxDepth = ReaderLimits.highestSafeDepth
        let document = try JSONReader(limits: limits).read(text: text)
        // The OpenAPI reader recurses per schema level: on the 8 MiB main stack a debug build overflows at
        // about 2 500 nested schemas, so deep documents are read on a stack sized for the depth limit.
        let names = LargeStack.run(stackSize: LargeStack.size(forDepth: limits.maxDepth)) {
            (try? OpenAPIReader().read(document))?.0.schemas.map(\.name)
        }
        XCTAssertEqual(names, ["Deep"])
    }
}
