import Foundation
import XCTest

/// The golden tests' unified diff, checked against GNU `diff -u` (hunks compared from the first `@@`).
final class UnifiedDiffTests: XCTestCase {
    func gnuDiff(_ old: String, _ new: String) throws -> String {
        let folder = try temporaryFolder(self)
        try old.write(to: folder.appendingPathComponent("old"), atomically: true, encoding: .utf8)
        try new.write(to: folder.appendingPathComponent("new"), atomically: true, encoding: .utf8)
        let result = try runProgram("/usr/bin/diff", ["-u", folder.appendingPathComponent("old").path, folder.appendingPathComponent("new").path])
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("@@") }.joined(separator: "\n")
    }

    func ours(_ old: String, _ new: String) -> String {
        UnifiedDiff.render(old: old, new: new).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
    }

    func testHunksMatchGNUDiff() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/diff") else { throw XCTSkip("no /usr/bin/diff") }
        let base = (1...40).map { "line \($0)" }
        func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
        var inserted = base; inserted.insert("new line", at: 10)
        var changed = base; changed[20] = "changed"
        var removed = base; removed.removeSubrange(5..<9)
        var twoApart = base; twoApart[2] = "first"; twoApart[35] = "second"
        var twoClose = base; twoClose[10] = "first"; twoClose[15] = "second"
        var atEnds = base; atEnds[0] = "top"; atEnds.append("bottom")
        for (name, lines) in [("inserted", inserted), ("changed", changed), ("removed", removed), ("two apart", twoApart), ("two close", twoClose), ("at the ends", atEnds), ("emptied", [])] {
            let expected = try gnuDiff(text(base), lines.isEmpty ? "" : text(lines))
            XCTAssertEqual(ours(text(base), lines.isEmpty ? "" : text(lines)) + "\n", expected, name)
        }
    }

    func testOneInsertedLineIsOneAddedLine() {
        let old = (1...100).map { "l\($0)" }.joined(separator: "\n") + "\n"
        let new = "l0\n" + old
        let diff = UnifiedDiff.render(old: old, new: new)
        XCTAssertEqual(diff.split(separator: "\n").filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") }, ["+l0"])
        XCTAssertEqual(diff.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }, [])
        XCTAssertEqual(UnifiedDiff.render(old: old, new: old), "", "equal texts have no diff")
        XCTAssertNotEqual(UnifiedDiff.render(old: "a\n", new: "a"), "", "a lost final newline is a difference")
    }
}
