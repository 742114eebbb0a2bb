import Foundation
import XCTest
@testable import SpecGenCore

/// Compares SpecGen's YAML reader with PyYAML (through scripts/yaml_to_json.py) on real and converted
/// documents: the trees must be identical, key order included.
final class YAMLPyYAMLComparisonTests: XCTestCase {
    /// PyYAML's tree of a YAML file, as JSON read by our JSON reader. Skips when python3 or PyYAML is
    /// missing, except under CI=true, where that is a failure.
    func pyyamlTree(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", packageRoot.appendingPathComponent("scripts/yaml_to_json.py").path, url.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let missing = "python3 with PyYAML is needed for this comparison: apt-get install python3-yaml (or pip install pyyaml)"
        do {
            try process.run()
        } catch {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(missing, file: file, line: line) }
            throw XCTSkip(missing)
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 4 || process.terminationStatus == 127 {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail(missing, file: file, line: line) }
            throw XCTSkip(missing)
        }
        guard process.terminationStatus == 0 else {
            XCTFail("yaml_to_json.py failed (\(process.terminationStatus)): \(message)", file: file, line: line)
            throw XCTSkip("no reference tree")
        }
        return try JSONReader().read(SourceFile(path: "pyyaml.json", bytes: [UInt8](data))).root.value
    }

    /// The first place two trees differ (with key order), or nil.
    static func firstDifference(_ ours: JSONValue, _ theirs: JSONValue, at pointer: JSONPointer = .root) -> String? {
        switch (ours, theirs) {
        case let (.object(a), .object(b)):
            if a.keys != b.keys { return "\(pointer): keys \(a.keys.prefix(8)) vs \(b.keys.prefix(8))" }
            for (left, right) in zip(a.entries, b.entries) {
                if let difference = firstDifference(left.value.value, right.value.value, at: pointer.appending(left.key)) { return difference }
            }
            return nil
        case let (.array(a), .array(b)):
            if a.count != b.count { return "\(pointer): \(a.count) items vs \(b.count)" }
            for (position, (left, right)) in zip(a, b).enumerated() {
                if let difference = firstDifference(left.value, right.value, at: pointer.appending(position)) { return difference }
            }
            return nil
        default:
            return ours.isIdentical(to: theirs) ? nil : "\(pointer): \(JSONWriter().string(ours).prefix(200)) vs \(JSONWriter().string(theirs).prefix(200))"
        }
    }

    func assertMatchesPyYAML(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> JSONDocument {
        let document = try DocumentLoader.load(path: url.path)
        let reference = try pyyamlTree(url, file: file, line: line)
        XCTAssertNil(Self.firstDifference(document.root.value, reference), "\(url.lastPathComponent) differs from PyYAML", file: file, line: line)
        return document
    }

    func testStripeSpecMatchesPyYAMLExactly() throws {
        let url = fixtureURL("yaml/stripe/stripe-spec3-2023-09.yaml")
        let document = try assertMatchesPyYAML(url)
        XCTAssertEqual(document.warnings, [], "the Stripe spec has nothing YAML 1.1 and 1.2 read differently")
        XCTAssertEqual(document.root["openapi"]?.value, "3.0.0")
        XCTAssertEqual(document.root["paths"]?.value.objectValue?.count, 318)
        XCTAssertEqual(document.root["components"]?["schemas"]?.value.objectValue?.count, 819)
        // Locations point into the YAML: the first schema key sits on line 3, column 5.
        let account = try XCTUnwrap(document.root["components"]?["schemas"]?.value.objectValue?.entry("account"))
        XCTAssertEqual(document.location(ofOffset: account.keyOffset), SourceLocation(file: url.path, line: 3, column: 5))
        let description = try XCTUnwrap(document.node(at: JSONPointer("/components/schemas/account/description")!))
        XCTAssertEqual(document.location(of: description)?.line, 4)
    }

    func testConvertedOAIExamplesMatchPyYAMLAndTheirJSON() throws {
        let folder = fixtureURL("yaml/oai")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertEqual(names.count, 10)
        for name in names {
            let url = folder.appendingPathComponent(name)
            let document = try assertMatchesPyYAML(url)
            let twin = try DocumentLoader.load(path: url.deletingPathExtension().appendingPathExtension("json").path)
            XCTAssertNil(Self.firstDifference(document.root.value, twin.root.value), "\(name) differs from its JSON twin")
            XCTAssertEqual(document.warnings, [], name)
        }
    }

    func testFeatureTourMatchesPyYAML() throws {
        let document = try assertMatchesPyYAML(fixtureURL("yaml/pyyaml/features.yaml"))
        XCTAssertEqual(document.root["components"]?["schemas"]?["Cat"]?["description"]?.value, "own value wins")
        XCTAssertEqual(document.root["paths"]?["/pets/{id}"]?["get"]?["responses"]?.value.objectValue?.keys, ["200", "404", "default"])
    }
}
