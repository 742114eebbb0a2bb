import Foundation

/// Ties the Swift surface changes to the model changes that cause them, locates every change in both
/// documents, and merges the copies a shared schema produces for each operation that reaches it.
struct ChangeAttribution {
    let old: DiffEngine.Side
    let new: DiffEngine.Side

    private struct Located {
        var change: APIChange
        var operations: [String]
        var operationSet: Set<String>
        /// Generated files this change belongs to (its operation's file, the component file of its pointer).
        var files: Set<String>
        var names: [String]
    }

    /// What makes two model changes copies of one (a shared schema reached by several operations); a missing
    /// pointer counts as the root, as the text key this replaces did.
    private struct CopyKey: Hashable {
        var rule: String
        var old: JSONPointer
        var new: JSONPointer
        var wire: WireVerdict
        var names: [String]
    }

    func changes(_ modelChanges: [OperationChange], _ surfaceChanges: [SurfaceChange]) -> [APIChange] {
        var located: [Located] = []
        var index: [CopyKey: Int] = [:]
        for item in modelChanges {
            let change = item.change
            let key = CopyKey(rule: change.rule, old: change.oldPointer ?? .root, new: change.newPointer ?? .root, wire: change.wire, names: change.names)
            if let existing = index[key] {
                // A schema many operations share has one copy per operation: membership by set, order by array.
                if located[existing].operationSet.insert(item.operation).inserted { located[existing].operations.append(item.operation) }
                continue
            }
            var files: Set<String> = []
            if let name = item.oldOperation.flatMap({ old.operationTypeNames[$0] }) { files.insert("Swift/Operations/\(name).swift") }
            if let name = new.operationTypeNames[item.operation] { files.insert("Swift/Operations/\(name).swift") }
            if let key = change.oldPointer.flatMap(componentKey), let name = old.componentNames[key] { files.insert("Swift/Types/\(name).swift") }
            if let key = change.newPointer.flatMap(componentKey), let name = new.componentNames[key] { files.insert("Swift/Types/\(name).swift") }
            let pointer = (change.newPointer ?? change.oldPointer ?? .root).description
            let apiChange = APIChange(rule: change.rule, operation: item.operation, wire: change.wire, message: change.message,
                                      old: change.oldPointer.flatMap(old.api.location(of:)), new: change.newPointer.flatMap(new.api.location(of:)), pointer: pointer)
            index[key] = located.count
            located.append(Located(change: apiChange, operations: [item.operation], operationSet: [item.operation], files: files, names: change.names))
        }
        var byFile: [String: [Int]] = [:]
        for position in located.indices { for file in located[position].files { byFile[file, default: []].append(position) } }
        let members = located.map { MemberName($0.names) }
        // Which model changes each surface change belongs to: read-only work, split over the cores in chunks
        // (Stripe's update has ~15,000 surface changes, each tested against the model changes of its file).
        let chunk = 512
        let chosenLists = ParallelMap.map(count: (surfaceChanges.count + chunk - 1) / chunk) { part in
            surfaceChanges[(part * chunk)..<min(surfaceChanges.count, (part + 1) * chunk)].map { surface -> [Int] in
                guard let candidates = byFile[surface.file] else { return [] }
                let path = SurfacePath(surface)
                let matching = candidates.filter { members[$0].map(path.matches) ?? false }
                return matching.isEmpty && candidates.count == 1 && located[candidates[0]].names.isEmpty ? candidates : matching
            }
        }.flatMap { $0 }
        var unattributed: [SurfaceChange] = []
        for (surface, chosen) in zip(surfaceChanges, chosenLists) {
            guard !chosen.isEmpty else { unattributed.append(surface); continue }
            for position in chosen {
                located[position].change.swift = max(located[position].change.swift, surface.verdict)
                located[position].change.symbols.append(surface.path)
            }
        }
        var result = located.map { item -> APIChange in
            var change = item.change
            change.operation = item.operations.joined(separator: ", ")
            return change
        }
        let names = ReverseNames(old: old, new: new)
        result += grouped(unattributed).map { standalone($0, names) }
        return result
    }

    /// One change per generated file and verdict: a new or removed type is one change, not one per member.
    private func grouped(_ changes: [SurfaceChange]) -> [SurfaceChange] {
        var order: [String] = []
        var groups: [String: [SurfaceChange]] = [:]
        for change in changes {
            let key = "\(change.file)|\(change.verdict.rawValue)|\(Self.contains(change.message, "no longer generated") ? "removed" : Self.contains(change.message, "gained case") ? "case" : "other")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(change)
        }
        return order.map { key in
            let group = groups[key]!
            guard group.count > 1 else { return group[0] }
            let shortest = group.min { ($0.path.count, $0.path) < ($1.path.count, $1.path) }!
            let rest = group.count - 1
            var merged = shortest
            merged.message = shortest.message + " (and \(rest) declaration\(rest == 1 ? "" : "s") in it or beside it: " + group.filter { $0 != shortest }.prefix(3).map { "`\($0.path)`" }.joined(separator: ", ") + (rest > 3 ? ", …" : "") + ")"
            return merged
        }
    }

    /// `/components/schemas/User/properties/x` → `User` (Swagger 2.0: `/definitions/User/…`).
    private func componentKey(_ pointer: JSONPointer) -> String? {
        let tokens = pointer.tokens
        if tokens.count >= 3, tokens[0] == "components", tokens[1] == "schemas" { return tokens[2] }
        if tokens.count >= 2, tokens[0] == "definitions" { return tokens[1] }
        return nil
    }

    /// The JSON member a model change is about (its last name that is not `[]` or `oneOf`), with the Swift
    /// names our naming gives it; nil when the change names none.
    private struct MemberName {
        let json: String, member: Substring, type: Substring
        /// `` `member:` `` (an initializer's message names its parameters so) and `` `member` ``, made once.
        let initLabel: String, escapedMember: Substring

        init?(_ names: [String]) {
            guard let last = names.last(where: { $0 != "[]" && $0 != "oneOf" }) else { return nil }
            let member = SwiftNaming.lowerCamel(last)
            (json, self.member, type) = (last, Substring(member), Substring(SwiftNaming.upperCamel(last)))
            (initLabel, escapedMember) = ("`\(member):`", Substring("`\(member)`"))
        }
    }

    /// A surface change's declaration path, split once (a change is tested against every model change of its file).
    private struct SurfacePath {
        let message: String
        let isInit: Bool
        /// What the `response` and `body` members match: a client method or a `ResponseBody` part; a `body`
        /// property or a `Body` part.
        let isResponse: Bool, isBody: Bool
        let partsWithoutCounter: [Substring]

        init(_ surface: SurfaceChange) {
            message = surface.message
            isInit = surface.path.hasSuffix(".init")
            let parts = surface.path.utf8.split(separator: UInt8(ascii: ".")).map(Substring.init)
            isResponse = surface.path.hasPrefix("APIClient.") || parts.contains("ResponseBody")
            isBody = parts.last == "body" || parts.contains("Body")
            partsWithoutCounter = parts.map(ChangeAttribution.withoutCounter)
        }

        /// True when the surface change names the JSON member the model change is about.
        func matches(_ name: MemberName) -> Bool {
            if isInit { return ChangeAttribution.contains(message, name.initLabel) }
            if name.json == "response" { return isResponse }
            if name.json == "body" { return isBody }
            let lastPart = partsWithoutCounter.last ?? ""
            return lastPart == name.member || lastPart == name.escapedMember || partsWithoutCounter.contains(name.type)
        }
    }

    /// Byte search (`String.contains` compares canonical equivalence, slow on long messages).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text, needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { bytes in
                guard let base = bytes.baseAddress, let haystackBase = haystack.baseAddress else { return bytes.isEmpty }
                guard bytes.count <= haystack.count else { return false }
                for start in 0...(haystack.count - bytes.count) where haystack[start] == bytes[0] {
                    if memcmp(haystackBase + start, base, bytes.count) == 0 { return true }
                }
                return false
            }
        }
    }

    /// `type2` → `type`: `UniqueNamer` appends a counter when a name is taken. ASCII digits are dropped byte
    /// by byte; `Character.isNumber` decides only where a non-ASCII character comes before them.
    private static func withoutCounter(_ name: Substring) -> Substring {
        let utf8 = name.utf8
        var end = utf8.endIndex
        while end > utf8.index(after: utf8.startIndex) {
            let before = utf8.index(before: end)
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[before]) else { break }
            end = before
        }
        guard end > utf8.startIndex, utf8[utf8.index(before: end)] >= 0x80 else { return name[..<end] }
        var result = name[..<end]
        while let last = result.last, last.isNumber, result.count > 1 { result = result.dropLast() }
        return result
    }

    /// Swift type name → component key, and input type name → operation id, on both sides (each made once).
    private struct ReverseNames {
        let oldComponents: [String: String], newComponents: [String: String]
        let oldOperations: [String: String], newOperations: [String: String]

        init(old: DiffEngine.Side, new: DiffEngine.Side) {
            func reversed(_ names: [String: String]) -> [String: String] {
                Dictionary(names.map { ($0.value, $0.key) }, uniquingKeysWith: min)
            }
            (oldComponents, newComponents) = (reversed(old.componentNames), reversed(new.componentNames))
            (oldOperations, newOperations) = (reversed(old.operationTypeNames), reversed(new.operationTypeNames))
        }
    }

    private func standalone(_ surface: SurfaceChange, _ names: ReverseNames) -> APIChange {
        let rule: String
        switch surface.verdict {
        case .sourceBreaking: rule = Self.contains(surface.message, "no longer generated") ? "swift-declaration-removed" : Self.contains(surface.message, "gained case") ? "swift-enum-case-added" : "swift-declaration-changed"
        case .additive: rule = "swift-declaration-added"
        case .none: rule = "swift-declaration-unchanged"
        }
        let file = surface.file
        let name = String(file.split(separator: "/").last ?? "").replacingOccurrences(".swift", with: "")
        var pointer = JSONPointer.root
        var operations: [String] = []
        var oldLocation: SourceLocation?
        var newLocation: SourceLocation?
        if file.hasPrefix("Swift/Types/") {
            let oldKey = names.oldComponents[name], newKey = names.newComponents[name]
            if let key = newKey ?? oldKey {
                pointer = JSONPointer(tokens: ["components", "schemas", key])
                operations = new.reachingOperations[key] ?? old.reachingOperations[key] ?? []
                oldLocation = oldKey.flatMap { old.api.schemaIndex[$0] }.flatMap { old.api.location(of: $0.pointer) }
                newLocation = newKey.flatMap { new.api.schemaIndex[$0] }.flatMap { new.api.location(of: $0.pointer) }
            }
        } else if file.hasPrefix("Swift/Operations/") {
            let oldID = names.oldOperations[name], newID = names.newOperations[name]
            operations = [newID ?? oldID].compactMap { $0 }
            let oldOperation = oldID.flatMap(old.api.operation(id:)), newOperation = newID.flatMap(new.api.operation(id:))
            pointer = newOperation?.pointer ?? oldOperation?.pointer ?? .root
            oldLocation = oldOperation.flatMap { old.api.location(of: $0.pointer) }
            newLocation = newOperation.flatMap { new.api.location(of: $0.pointer) }
        }
        var change = APIChange(rule: rule, operation: operations.joined(separator: ", "), wire: .compatible, swift: surface.verdict, message: surface.message, old: oldLocation, new: newLocation, pointer: pointer.description)
        change.symbols = [surface.path]
        return change
    }
}
