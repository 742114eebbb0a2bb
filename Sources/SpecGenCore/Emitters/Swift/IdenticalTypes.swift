import Foundation

/// Component schemas that would generate the same Swift type under different names (Auth0's
/// `GetClientResponseContent`, `UpdateClientResponseContent`, `CreateClientResponseContent` …; twenty
/// identical `ConnectionOptions*` objects) become one struct, and the others typealiases of it. A whole API
/// then compiles faster (about a fifth of Auth0's structs are such copies) and values convert freely.
///
/// Two declarations are identical when they render to the same Swift text once their own name and their own
/// doc comment are set aside: same members, JSON names, types, doc comments of members, rules and nested
/// types. Merging is repeated until nothing changes, because a merge can make the types that refer to the
/// merged ones identical in turn. The first declaration in document order stays a struct.
///
/// Recursion marks stay valid without another pass: identical declarations carry identical `indirect`
/// marks, and a cycle among the kept types follows, member by member, a path through the original types
/// that must come back to a type it passed (the graph is finite), i.e. an original cycle; the recursion
/// breaker marked every property on original cycles, so every cycle of kept types has a marked property.
enum IdenticalTypes {
    /// Merges identical declarations in place (references to a merged name point to the kept one). Returns
    /// merged name → kept name, and per declaration its final key (see `key(of:renderer:)`; nil for aliases).
    /// `alongside` runs once on the worker pool during the first round (nesting parallel maps would serialize).
    static func merge(_ decls: inout [Decl], renderer: TypeRenderer, alongside: () -> Void = {}) -> (merged: [String: String], keys: [String?]) {
        var keptName: [String: String] = [:]
        var keys: [String?] = Array(repeating: nil, count: decls.count)
        // Texts are grouped by length (computed by the workers) and compared only within a length: cheaper than
        // hashing 10 MB of text each round, and different texts of equal length differ early.
        var lengths: [Int] = Array(repeating: 0, count: decls.count)
        var stale = Array(decls.indices)
        // Which declarations name each type, so a round renames only the declarations that refer to merged names.
        var referrers: [String: [Int]] = [:]
        for index in decls.indices {
            for name in references(decls[index]) { referrers[name, default: []].append(index) }
        }
        var firstRound = true
        while !stale.isEmpty {
            let snapshot = decls
            // The work beside goes first: workers take positions in order, and a long job taken last would run alone.
            let extra = firstRound ? 1 : 0
            let rendered = ParallelMap.map(count: stale.count + extra) { slot -> (String?, Int) in
                guard slot >= extra else { alongside(); return (nil, 0) }
                let key = key(of: snapshot[stale[slot - extra]], renderer: renderer)
                return (key, key?.utf8.count ?? 0)
            }.dropFirst(extra)
            for (position, index) in stale.enumerated() { (keys[index], lengths[index]) = rendered[rendered.startIndex + position] }
            firstRound = false
            var firstWithLength: [Int: [Int]] = [:]
            var merged: [String: String] = [:]
            for index in decls.indices where keptName[decls[index].name] == nil {
                guard let key = keys[index] else { continue }
                if let first = firstWithLength[lengths[index]]?.first(where: { keys[$0]!.hasSameBytes(as: key) }) {
                    merged[decls[index].name] = decls[first].name
                } else {
                    firstWithLength[lengths[index], default: []].append(index)
                }
            }
            guard !merged.isEmpty else { break }
            for (name, target) in merged { keptName[name] = target }
            // Earlier merges that pointed at a name merged now point at its target.
            for (name, target) in keptName { keptName[name] = merged[target] ?? target }
            var affected = Set<Int>()
            for (name, target) in merged {
                let users = referrers[name] ?? []
                affected.formUnion(users)
                referrers[target, default: []].append(contentsOf: users)
            }
            stale = []
            for index in affected.sorted() where keptName[decls[index].name] == nil {
                if rename(&decls[index], merged) { stale.append(index) }
            }
        }
        return (keptName, keys)
    }

    /// The text `render` gives for `decl` (without its doc comment), rebuilt from its key: the key with the
    /// placeholder replaced by the name, byte for byte what rendering the declaration again would give.
    /// A one-of also names itself inside a string literal, where the renderer writes the name through
    /// `nameInLiteral`, which leaves the placeholder as it is (see `canReuseKey`).
    /// `prefix` (the file header and doc comment) comes first, in the same allocation.
    static func text(fromKey key: String, name: String, prefix: String) -> String {
        var key = key
        let marker = Array(placeholder.utf8)
        let nameBytes = Array(name.utf8)
        let prefixBytes = Array(prefix.utf8)
        return key.withUTF8 { source in
            // Byte 1 starts a placeholder (no rendered text contains it otherwise); copy around each one.
            var positions: [Int] = []
            var index = 0
            while index < source.count {
                if source[index] == 1 { positions.append(index); index += marker.count } else { index += 1 }
            }
            let length = prefixBytes.count + source.count + positions.count * (nameBytes.count - marker.count)
            return String(unsafeUninitializedCapacity: length) { target in
                var written = 0, start = 0
                func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
                    (target.baseAddress! + written).update(from: base, count: bytes.count)
                    written += bytes.count
                }
                prefixBytes.withUnsafeBufferPointer { copy($0) }
                for position in positions {
                    copy(UnsafeBufferPointer(rebasing: source[start..<position]))
                    nameBytes.withUnsafeBufferPointer { copy($0) }
                    start = position + marker.count
                }
                copy(UnsafeBufferPointer(rebasing: source[start...]))
                return written
            }
        }
    }

    /// Structs and open enums name themselves only in code; a one-of also inside a string literal, where its key
    /// holds the placeholder as it is, so the key serves when the name needs no escaping there.
    static func canReuseKey(_ decl: Decl) -> Bool {
        switch decl {
        case .structure, .openEnum: true
        case .oneOf(let oneOf): nameInLiteral(oneOf.name) == oneOf.name
        case .alias: false
        }
    }

    /// A type name as it appears inside a string literal: escaped as `SwiftSource.stringLiteral` escapes it,
    /// except the placeholder, kept as it is so `text(fromKey:name:prefix:)` finds it.
    static func nameInLiteral(_ name: String) -> String {
        guard name != placeholder else { return name }
        return String(SwiftSource.stringLiteral(name).dropFirst().dropLast())
    }

    /// A control character no rendered text contains (comments and literals escape them).
    private static let placeholder = "\u{1}SpecGenSelf\u{1}"

    /// The rendered text of a struct, open enum or one-of with its own name and doc comment set aside; nil for
    /// aliases (already typealiases).
    static func key(of decl: Decl, renderer: TypeRenderer) -> String? {
        var anonymous: Decl
        switch decl {
        case .structure(var structure):
            structure.name = placeholder
            structure.doc = nil
            anonymous = .structure(structure)
        case .openEnum(var enumeration):
            enumeration.name = placeholder
            enumeration.doc = nil
            anonymous = .openEnum(enumeration)
        case .oneOf(var oneOf):
            oneOf.name = placeholder
            oneOf.doc = nil
            anonymous = .oneOf(oneOf)
        case .alias:
            return nil
        }
        var writer = SwiftWriter()
        renderer.render(anonymous, into: &writer)
        return writer.text
    }

    /// The top-level type names a declaration refers to (`Name` of `Name.Nested` too), nested declarations included.
    static func references(_ decl: Decl) -> Set<String> {
        var names = Set<String>()
        var walked = decl
        walked.mapShapes { shape in
            shape.renamingTypes { name in
                names.insert(name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name)
                return name
            }
        }
        return names
    }

    /// Points references to merged names (`Name`, `Name.Nested`) at the kept names; true when anything changed.
    static func rename(_ decl: inout Decl, _ merged: [String: String]) -> Bool {
        var changed = false
        decl.mapShapes { shape in
            shape.renamingTypes { name in
                if let target = merged[name] { changed = true; return target }
                if let dot = name.firstIndex(of: "."), let target = merged[String(name[..<dot])] {
                    changed = true
                    return target + name[dot...]
                }
                return name
            }
        }
        return changed
    }
}
