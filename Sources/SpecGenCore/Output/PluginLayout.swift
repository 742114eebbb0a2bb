/// Regroups the generated Swift files into a fixed set of file names, so a SwiftPM build-tool plugin can
/// declare its outputs before the generator runs: `SpecGenSupport.swift`, `SpecGenOperations.swift` and
/// `SpecGenTypes0.swift` … `SpecGenTypes{N-1}.swift`. Types are spread over the shards by a stable hash of
/// their path, so one schema change rewrites one shard and the compiler sees several medium files instead of
/// one giant one. Only Swift files are kept (docs and snippets have no place in a build).
public enum PluginLayout {
    /// The largest shard count accepted (a typo like 8000 would otherwise create thousands of files).
    public static let maximumShards = PluginLayoutContract.shardRange.upperBound

    /// The shard counts `--shards` and `"plugin": {"shards": N}` accept.
    public static let shardRange = PluginLayoutContract.shardRange

    /// The shard count of the build-tool plugin when the config names none.
    public static let defaultShards = PluginLayoutContract.defaultShards

    /// The file names the layout produces for `shards`, in a fixed order; the plugin declares exactly these
    /// (both compile `PluginLayoutContract`, Plugins/PluginsShared).
    public static func fileNames(shards: Int) -> [String] {
        PluginLayoutContract.fileNames(shards: shards)
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
        // Each group is joined on the worker pool (some megabytes of text in all); results stay in group order.
        kept += ParallelMap.map(count: groups) { index in
            let number = String(repeating: "0", count: width - String(index).count) + String(index)
            let name = "SpecGenGroup\(number).swift"
            return GeneratedFile(path: "Swift/" + name, contents: bundle(buckets[index], named: name, shards: groups, layout: "grouped layout", unit: "groups"))
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
        text.reserveCapacity(bodies.reduce(1024) { $0 + $1.utf8.count + 2 })
        text += imports.joined(separator: "\n")
        text += "\n"
        for body in bodies {
            text += "\n"
            text += body
            if !body.hasSuffix("\n") { text += "\n" }
        }
        return text
    }

    /// Separates the import section at the top of a generated file (after its `//` comments) from the rest.
    /// An import chunk is `import X` or a `#if canImport(X)` … `#endif` block holding only imports.
    /// Leading `//` comments and everything after the import section stay in the body.
    static func splitImports(_ source: String) -> (imports: [String], body: String) {
        // Only the header is split into lines; the rest of the file (most of it) is copied once as a slice.
        let utf8 = source.utf8
        /// The line starting at `start` (without its newline) and where the next one starts (nil at the end).
        func line(at start: String.Index) -> (text: Substring, next: String.Index?) {
            guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return (source[start...], nil) }
            return (source[start..<newline], source.index(after: newline))
        }
        func isImport(_ line: Substring) -> Bool {
            line.hasPrefix("import ") || line.hasPrefix("@preconcurrency import ") || line.hasPrefix("@_exported import ")
        }
        var position: String.Index? = source.startIndex
        var kept: [Substring] = []
        var imports: [String] = []
        scan: while let current = position {
            let (text, next) = line(at: current)
            if text.hasPrefix("//") && !text.hasPrefix("///") {
                kept.append(text)
                position = next
            } else if isImport(text) {
                imports.append(String(text))
                position = next
            } else if text.hasPrefix("#if ") {
                var block = [text]
                var cursor = next
                while let at = cursor {
                    let (inner, after) = line(at: at)
                    guard isImport(inner) else { break }
                    block.append(inner)
                    cursor = after
                }
                guard let at = cursor, block.count > 1, case let end = line(at: at), end.text == "#endif" else { break scan }
                block.append(end.text)
                imports.append(block.joined(separator: "\n"))
                position = end.next
            } else {
                break scan
            }
        }
        while let current = position, case let blank = line(at: current), blank.text.isEmpty, let next = blank.next { position = next }
        var body = kept.joined(separator: "\n")
        if let current = position {
            if !kept.isEmpty { body += "\n" }
            body += source[current...]
        }
        return (imports, body)
    }
}
