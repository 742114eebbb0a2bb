import Foundation
import XCTest
@testable import SpecGenCore

/// Runs the yaml-test-suite copy in Tests/Fixtures/yaml/yaml-test-suite.
///
/// Claimed cases: every case not listed in `outOfScope`. A claimed case with `in.json` must read to exactly
/// that tree (every document, key order included); a claimed case with `error` must be rejected with a
/// located diagnostic. Out-of-scope cases are still run: they must be rejected with a located error and
/// never yield a tree that differs from `in.json`.
final class YAMLConformanceTests: XCTestCase {
    /// Cases we do not claim, with the reason (mirrored in docs/YAML.md).
    static let outOfScope: [String: String] = YAMLSuiteScope.outOfScope

    struct Case {
        var id: String
        var name: String
        var yaml: URL
        var json: URL?
        var isError: Bool
    }

    static func cases() throws -> [Case] {
        let root = fixtureURL("yaml/yaml-test-suite")
        let manager = FileManager.default
        var found: [Case] = []
        for entry in try manager.contentsOfDirectory(atPath: root.path).sorted() {
            let folder = root.appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            var folders = [(entry, folder)]
            if !manager.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                folders = try manager.contentsOfDirectory(atPath: folder.path).sorted().map { ("\(entry)/\($0)", folder.appendingPathComponent($0)) }
            }
            for (id, caseFolder) in folders {
                let yaml = caseFolder.appendingPathComponent("in.yaml")
                guard manager.fileExists(atPath: yaml.path) else { continue }
                let json = caseFolder.appendingPathComponent("in.json")
                let name = (try? String(contentsOf: caseFolder.appendingPathComponent("==="), encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                found.append(Case(id: id, name: name, yaml: yaml, json: manager.fileExists(atPath: json.path) ? json : nil,
                                  isError: manager.fileExists(atPath: caseFolder.appendingPathComponent("error").path)))
            }
        }
        return found
    }

    /// Outcome of one case: nil when it behaved as required, else why not.
    static func check(_ testCase: Case, claimed: Bool) throws -> String? {
        let bytes = [UInt8](try Data(contentsOf: testCase.yaml))
        let source = SourceFile(path: "in.yaml", bytes: bytes)
        let documents: [JSONDocument]
        do {
            documents = try YAMLReader().readStream(source)
        } catch {
            guard let first = error.diagnostics.first, first.location != nil else { return "rejected without a location: \(error)" }
            if testCase.isError || !claimed { return nil }
            if testCase.json == nil { return nil }  // not representable as JSON: a located refusal is the claim
            return "rejected: \(error.description)"
        }
        if testCase.isError { return "accepted an invalid document" }
        guard let json = testCase.json else {
            return claimed ? "accepted a document that has no JSON form" : nil
        }
        let expected = try splitJSONStream(try Data(contentsOf: json))
        guard expected.count == documents.count else {
            return "read \(documents.count) documents, expected \(expected.count)"
        }
        let ordered = !YAMLSuiteScope.inJSONKeyOrderDiffers.contains(testCase.id)
        for (position, (ours, theirs)) in zip(documents, expected).enumerated()
        where ordered ? !ours.root.value.isIdentical(to: theirs) : ours.root.value != theirs {
            return "document \(position + 1) differs: got \(JSONWriter().string(ours.root.value)) expected \(JSONWriter().string(theirs))"
        }
        return nil
    }

    /// Splits a file of whitespace-separated JSON values (the suite's multi-document `in.json`).
    static func splitJSONStream(_ data: Data) throws -> [JSONValue] {
        let bytes = [UInt8](data)
        var values: [JSONValue] = []
        var index = 0
        func skipSpace() { while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 } }
        skipSpace()
        while index < bytes.count {
            let start = index
            var depth = 0
            var inString = false
            repeat {
                let c = bytes[index]
                if inString {
                    if c == 0x5C { index += 1 } else if c == 0x22 { inString = false }
                } else if c == 0x22 {
                    inString = true
                } else if c == 0x5B || c == 0x7B {
                    depth += 1
                } else if c == 0x5D || c == 0x7D {
                    depth -= 1
                } else if depth == 0, [0x20, 0x0A, 0x0D, 0x09].contains(c) {
                    break
                }
                index += 1
            } while index < bytes.count && (depth > 0 || inString || ![0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]))
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            values.append(try JSONReader().read(text: text).root.value)
            skipSpace()
        }
        return values
    }

    func testYAMLTestSuite() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThan(cases.count, 300, "the yaml-test-suite fixtures are missing")
        var passed = 0, claimed = 0
        var failures: [String] = []
        for testCase in cases {
            let isClaimed = Self.outOfScope[testCase.id] == nil
            if isClaimed { claimed += 1 }
            if let problem = try Self.check(testCase, claimed: isClaimed) {
                failures.append("\(testCase.id) (\(testCase.name)): \(problem)")
            } else if isClaimed {
                passed += 1
            }
        }
        for id in Self.outOfScope.keys where !cases.contains(where: { $0.id == id }) {
            failures.append("\(id): listed as out of scope but not in the fixtures")
        }
        print("yaml-test-suite: \(passed) passed / \(claimed) claimed / \(cases.count) total")
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }
}
