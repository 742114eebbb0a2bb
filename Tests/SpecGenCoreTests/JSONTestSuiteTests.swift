import Foundation
import XCTest
@testable import SpecGenCore

/// Runs JSONTestSuite's 318 parsing cases (Tests/Fixtures/JSONTestSuite) through `JSONReader`.
///
/// `y_` files must parse to the value Python's json module decodes (expected_values.txt, written by
/// scripts/jsontestsuite-expected.py); `n_` files must fail with a located error; `i_` files must do
/// what docs/JSON.md's table says.
final class JSONTestSuiteTests: XCTestCase {
    let folder = fixtureURL("JSONTestSuite/test_parsing")

    func caseNames(prefix: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(prefix) }.sorted()
    }

    func source(_ name: String) throws -> SourceFile {
        SourceFile(path: name, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
    }

    func testAcceptsEveryYFileWithPythonsValue() throws {
        let expected = try ExpectedValues.load(fixtureURL("JSONTestSuite/expected_values.txt"))
        let names = try caseNames(prefix: "y_")
        XCTAssertEqual(names.count, 95)
        XCTAssertEqual(Set(expected.keys), Set(names), "expected_values.txt is stale; run scripts/jsontestsuite-expected.py")
        var passed = 0
        for name in names {
            let file = try source(name)
            do {
                let document = try JSONReader().read(file)
                var tokens = expected[name, default: []][...]
                if let mismatch = ExpectedValues.match(document.root.value, &tokens) ?? (tokens.isEmpty ? nil : "extra expected tokens \(Array(tokens))") {
                    XCTFail("\(name): \(mismatch)")
                } else {
                    passed += 1
                }
            } catch {
                XCTFail("\(name) was rejected: \(error)")
            }
        }
        print("JSONTestSuite y_ (must accept, value equal to Python's json): \(passed)/\(names.count) passed")
        XCTAssertEqual(passed, names.count)
    }

    func testRejectsEveryNFileWithALocatedError() throws {
        let names = try caseNames(prefix: "n_")
        XCTAssertEqual(names.count, 188)
        var passed = 0
        for name in names {
            let file = try source(name)
            do {
                let document = try JSONReader().read(file)
                XCTFail("\(name) was accepted as \(JSONWriter().string(document.root.value).prefix(80))")
            } catch {
                let lineCount = file.bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                guard let diagnostic = error.diagnostics.first, error.diagnostics.count == 1 else {
                    XCTFail("\(name): expected one diagnostic, got \(error.diagnostics)"); continue
                }
                guard diagnostic.severity == .error, let location = diagnostic.location, location.file == name,
                      (1...lineCount).contains(location.line), location.column >= 1,
                      let pointer = diagnostic.pointer, pointer.isEmpty || pointer.utf8.first == UInt8(ascii: "/"),
                      diagnostic.hint?.isEmpty == false, diagnostic.description.hasPrefix("\(name):\(location.line):\(location.column): error: ")
                else {
                    XCTFail("\(name): error is not located: \(diagnostic)"); continue
                }
                passed += 1
            }
        }
        print("JSONTestSuite n_ (must reject with file:line:column, pointer and hint): \(passed)/\(names.count) passed")
        XCTAssertEqual(passed, names.count)
    }

    /// Each `i_` file does what the table in docs/JSON.md says (accepted, accepted with a warning, or rejected).
    func testImplementationDefinedFilesMatchTheDocumentedChoice() throws {
        let table = try DocumentedChoices.load(packageRoot.appendingPathComponent("docs/JSON.md"))
        let names = try caseNames(prefix: "i_")
        XCTAssertEqual(names.count, 35)
        XCTAssertEqual(Set(table.keys), Set(names), "docs/JSON.md must list every i_ file")
        var passed = 0
        for name in names {
            let outcome: String
            let file = try source(name)
            do {
                let document = try JSONReader().read(file)
                outcome = document.warnings.isEmpty ? "accepted" : "accepted with a warning"
            } catch {
                XCTAssertNotNil(error.diagnostics.first?.location, name)
                XCTAssertNotNil(error.diagnostics.first?.hint, name)
                outcome = "rejected"
            }
            if outcome == table[name] { passed += 1 } else { XCTFail("\(name): \(outcome), but docs/JSON.md says \(table[name] ?? "nothing")") }
        }
        print("JSONTestSuite i_ (implementation-defined, no crash, as docs/JSON.md says): \(passed)/\(names.count) passed")
        XCTAssertEqual(passed, names.count)
    }
}

/// The expected-value format of scripts/jsontestsuite-expected.py: one token per line, pre-order.
enum ExpectedValues {
    static func load(_ url: URL) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        var current: String?
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("== ") {
                current = String(line.dropFirst(3))
                result[current!] = []
            } else if let current, !line.isEmpty {
                result[current]!.append(String(line))
            }
        }
        return result
    }

    static func bytes(hex: Substring) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return result
    }

    /// Canonical decimal digits of an integer lexeme (`-0` → `0`), nil when it has a fraction or exponent.
    static func integerDigits(_ text: String) -> String? {
        guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return nil }
        let negative = text.hasPrefix("-")
        var digits = Substring(negative ? String(text.dropFirst()) : text)
        while digits.count > 1, digits.first == "0" { digits = digits.dropFirst() }
        return (negative && digits != "0" ? "-" : "") + digits
    }

    /// Consumes the tokens of one value; returns a description of the first difference.
    static func match(_ value: JSONValue, _ tokens: inout ArraySlice<String>) -> String? {
        guard let token = tokens.popFirst() else { return "value \(value) has no expected token" }
        let parts = token.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        let kind = parts[0], argument = parts.count > 1 ? parts[1] : ""
        switch (kind, value) {
        case ("null", .null): return nil
        case ("true", .bool(true)), ("false", .bool(false)): return nil
        case ("int", .number(let number)):
            // Python keeps integers exactly; so must we (compare digits, not doubles).
            if let digits = integerDigits(number.text) {
                return digits == argument ? nil : "integer \(number.text) ≠ \(argument)"
            }
            return number.double == Double(argument)! ? nil : "number \(number.text) ≠ \(argument)"
        case ("float", .number(let number)):
            return number.double == Double(argument)! ? nil : "number \(number.text) (\(number.double)) ≠ \(argument)"
        case ("string", .string(let string)):
            return Array(string.utf8) == bytes(hex: argument) ? nil : "string \(string.debugDescription) ≠ hex \(argument)"
        case ("array", .array(let items)):
            guard items.count == Int(argument)! else { return "array of \(items.count) ≠ \(argument)" }
            for item in items {
                if let mismatch = match(item.value, &tokens) { return mismatch }
            }
            return nil
        case ("object", .object(let object)):
            guard object.entries.count == Int(argument)! else { return "object of \(object.entries.count) members ≠ \(argument)" }
            for entry in object.entries {
                guard let keyToken = tokens.popFirst(), keyToken.hasPrefix("key ") else { return "missing key token" }
                guard Array(entry.key.utf8) == bytes(hex: keyToken.dropFirst(4)) else { return "key \(entry.key.debugDescription) ≠ \(keyToken)" }
                if let mismatch = match(entry.value.value, &tokens) { return mismatch }
            }
            return nil
        default:
            return "\(value) ≠ \(token)"
        }
    }
}

/// The `i_` table of docs/JSON.md: rows `| `i_name.json` | outcome | why |`.
enum DocumentedChoices {
    static func load(_ url: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where line.hasPrefix("| `i_") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            result[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[1]
        }
        return result
    }
}
