/// A unified diff (`diff -u` style hunks with 3 lines of context) from a longest common subsequence of lines,
/// for golden-file failures: one inserted line shows as one `+` line, not as every later line differing.
enum UnifiedDiff {
    enum Edit: Equatable {
        case same(String), removed(String), added(String)
    }

    /// `diff -u old new`: hunks with `context` lines around each change; "" when the texts are equal.
    static func render(old: String, new: String, oldName: String = "expected", newName: String = "actual", context: Int = 3) -> String {
        let edits = self.edits(old: lines(old), new: lines(new))
        guard edits.contains(where: { if case .same = $0 { false } else { true } }) else { return "" }
        var output = ["--- \(oldName)", "+++ \(newName)"]
        var index = 0
        var oldLine = 1, newLine = 1
        while index < edits.count {
            guard let change = edits[index...].firstIndex(where: { if case .same = $0 { false } else { true } }) else { break }
            let start = max(index, change - context)
            oldLine += start - index
            newLine += start - index
            // The hunk ends after `context` unchanged lines that are not followed by another change within 2×context.
            var end = change
            var unchanged = 0
            while end < edits.count {
                if case .same = edits[end] { unchanged += 1 } else { unchanged = 0 }
                end += 1
                if unchanged > 2 * context { break }
            }
            if unchanged > context { end -= unchanged - context }
            let hunk = edits[start..<end]
            let oldCount = hunk.filter { if case .added = $0 { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = $0 { false } else { true } }.count
            // As GNU diff: an empty side is numbered by the line before it; a one-line side has no count.
            func range(_ line: Int, _ count: Int) -> String { count == 1 ? "\(line)" : "\(count == 0 ? line - 1 : line),\(count)" }
            output.append("@@ -\(range(oldLine, oldCount)) +\(range(newLine, newCount)) @@")
            for edit in hunk {
                switch edit {
                case .same(let line): output.append(" " + line)
                case .removed(let line): output.append("-" + line)
                case .added(let line): output.append("+" + line)
                }
            }
            oldLine += oldCount
            newLine += newCount
            index = end
        }
        return output.joined(separator: "\n")
    }

    /// The lines of `text`; a last line without a newline is followed by GNU diff's marker.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() } else { lines.append("\\ No newline at end of file") }
        return lines
    }

    /// The edit script: common prefix and suffix kept, the middle by a longest common subsequence (dynamic
    /// programming; a middle too large for that is shown as removed then added).
    static func edits(old: [String], new: [String]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)]), b = Array(new[prefix..<(new.count - suffix)])
        var middle: [Edit]
        if a.count * b.count > 25_000_000 {
            middle = a.map(Edit.removed) + b.map(Edit.added)
        } else {
            middle = lcsEdits(a, b)
        }
        middle.insert(contentsOf: old[..<prefix].map(Edit.same), at: 0)
        return middle + old[(old.count - suffix)...].map(Edit.same)
    }

    private static func lcsEdits(_ a: [String], _ b: [String]) -> [Edit] {
        let columns = b.count + 1
        // table[i * columns + j]: the LCS length of a[i...] and b[j...].
        var table = [Int32](repeating: 0, count: (a.count + 1) * columns)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * columns + j] = a[i] == b[j] ? table[(i + 1) * columns + j + 1] + 1 : max(table[(i + 1) * columns + j], table[i * columns + j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || table[(i + 1) * columns + j] >= table[i * columns + j + 1] {
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        return edits
    }
}
