/// Regroups the generated Swift files into a fixed set of file names, so a SwiftPM build-tool plugin can
/// declare its outputs before the generator runs: `SpecGenSupport.swift`, `SpecGenOperations.swift` and
/// `SpecGenTypes0.swift` … `SpecGenTypes{N-1}.swift`. Types are spread over the shards by a stable hash of
/// their path, so one schema change rewrites one shard and the compiler sees several medium files instead of
/// one giant one. Only Swift files are kept (docs and snippets have no place in a build).
public enum PluginLayout {
    /// The largest shard count accepted (a typo like 8000 would otherwise create thousands of files).
    public static let maximumShards = 256

    /// The file names the layout produces for `shards`, in a fixed order; the plugin declares exactly these.
    public static func fileNames(shards: Int) -> [String] {
        ["SpecGenSupport.swift", "SpecGenOperations.swift"] + (0..<shards).map { "SpecGenTypes\($0).swift" }
    }

    /// Bundles the `Swift/…` files of a generator run into `fileNames(shards:)`; every name is always
    /// produced, an empty one holding just a comment.
    public static func shard(_ files: [GeneratedFile], shards: Int) -> [GeneratedFile] {
        precondition(shards >= 1 && shards <= maximumShards, "shard count out of range")
        var buckets: [String: [GeneratedFile]] = [:]
        for file in files.sorted(by: { $0.path < $1.path }) {
            guard file.path.hasPrefix("Swift/"), file.path.hasSuffix(".swift") else { continue }
            let relative = String(file.path.dropFirst("Swift/".count))
            let name: String
            if relative == "SpecGenSupport.swift" {
                name = "SpecGenSupport.swift"
            } else if relative.hasPrefix("Operations/") {
                name = "SpecGenOperations.swift"
            } else {
                name = "SpecGenTypes\(shardIndex(of: relative, shards: shards)).swift"
            }
            buckets[name, default: []].append(GeneratedFile(path: relative, contents: file.contents))
        }
        return fileNames(shards: shards).map { name in
            GeneratedFile(path: name, contents: bundle(buckets[name] ?? [], named: name, shards: shards))
        }
    }

    /// Whole documents produce thousands of small Swift files; the compiler spends most of its time on
    /// per-file overhead then (every frontend job parses and binds all files). The grouped layout bundles
    /// them into `Swift/SpecGenGroupNNN.swift` by a stable hash of each file's path, so a schema change
    /// rewrites one group. `SpecGenSupport.swift` and every non-Swift file stay as they are.
    public static func group(_ files: [GeneratedFile], groups: Int) -> [GeneratedFile] {
        precondition(groups >= 1 && groups <= maximumShards, "group count out of range")
        var kept: [GeneratedFile] = []
        var buckets: [[GeneratedFile]] = Array(repeating: [], count: groups)
        for file in files.sorted(by: { $0.path < $1.path }) {
            guard file.path.hasPrefix("Swift/"), file.path.hasSuffix(".swift"), file.path != "Swift/SpecGenSupport.swift" else {
                kept.append(file)
                continue
            }
            let relative = String(file.path.dropFirst("Swift/".count))
            buckets[shardIndex(of: relative, shards: groups)].append(GeneratedFile(path: relative, contents: file.contents))
        }
        let width = String(groups - 1).count
        for (index, parts) in buckets.enumerated() {
            let number = String(repeating: "0", count: width - String(index).count) + String(index)
            let name = "SpecGenGroup\(number).swift"
            kept.append(GeneratedFile(path: "Swift/" + name, contents: bundle(parts, named: name, shards: groups, layout: "grouped layout", unit: "groups")))
        }
        return kept.sorted { $0.path < $1.path }
    }

    /// The group count `auto` picks: none (one file per type) up to `threshold` Swift files; above it, a power
    /// of two giving groups of about `targetBytes` each, so the count changes only when the output doubles.
    public static func automaticGroupCount(_ files: [GeneratedFile], threshold: Int = 400, targetBytes: Int = 80_000) -> Int {
        let swift = files.filter { $0.path.hasPrefix("Swift/") && $0.path.hasSuffix(".swift") }
        guard swift.count > threshold else { return 0 }
        let bytes = swift.reduce(0) { $0 + $1.contents.utf8.count }
        var count = 1
        while count < maximumShards && count * targetBytes < bytes { count *= 2 }
        return count
    }

    /// FNV-1a (64 bit) of the UTF-8 path: stable across runs, platforms and Swift versions, unlike `hashValue`.
    public static func shardIndex(of path: String, shards: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(shards))
    }

    /// One output file: a header, the union of the parts' imports (first-seen order, each once), then each
    /// part without its imports.
    static func bundle(_ parts: [GeneratedFile], named name: String, shards: Int, layout: String = "plugin layout", unit: String = "type shards") -> String {
        guard !parts.isEmpty else {
            return "// Generated by SpecGen (\(layout), \(shards) \(unit)). Do not edit.\n// \(name) is empty: no generated file hashed to it.\n"
        }
        var imports: [String] = []
        var bodies: [String] = []
        for part in parts {
            let (partImports, body) = splitImports(part.contents)
            for chunk in partImports where !imports.contains(chunk) { imports.append(chunk) }
            bodies.append("// MARK: - \(part.path)\n" + body)
        }
        var text = "// Generated by SpecGen (\(layout), \(shards) \(unit)). Do not edit.\n"
        text += imports.joined(separator: "\n") + "\n"
        for body in bodies {
            text += "\n" + body
            if !body.hasSuffix("\n") { text += "\n" }
        }
        return text
    }

    /// Separates the import section at the top of a generated file (after its `//` comments) from the rest.
    /// An import chunk is `import X` or a `#if canImport(X)` … `#endif` block holding only imports.
    /// Leading `//` comments and everything after the import section stay in the body.
    static func splitImports(_ source: String) -> (imports: [String], body: String) {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var index = 0
        var kept: [String] = []
        var imports: [String] = []
        func isImport(_ line: String) -> Bool {
            line.hasPrefix("import ") || line.hasPrefix("@preconcurrency import ") || line.hasPrefix("@_exported import ")
        }
        scan: while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("//") && !line.hasPrefix("///") {
                kept.append(line)
                index += 1
            } else if isImport(line) {
                imports.append(line)
                index += 1
            } else if line.hasPrefix("#if ") {
                var end = index + 1
                while end < lines.count, isImport(lines[end]) { end += 1 }
                guard end < lines.count, end > index + 1, lines[end] == "#endif" else { break scan }
                imports.append(lines[index...end].joined(separator: "\n"))
                index = end + 1
            } else {
                break scan
            }
        }
        while index < lines.count, lines[index].isEmpty { index += 1 }
        let body = (kept + lines[index...]).joined(separator: "\n")
        return (imports, body)
    }
}
