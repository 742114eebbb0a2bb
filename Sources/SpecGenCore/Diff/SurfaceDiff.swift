/// How the public Swift API changed between the SDK generated from OLD and the one generated from NEW.
struct SurfaceChange: Sendable, Hashable {
    /// The declaration path (`User.email`, `User.init`, `APIClient.getUser(_:)`).
    var path: String
    var verdict: SwiftVerdict
    var message: String
    /// The file declaring it (NEW's when it still exists, else OLD's).
    var file: String
}

enum SurfaceDiff {
    /// Compares two surfaces: removed or changed declarations break source, new ones are additive.
    /// Type names are compared through top-level typealiases (a merged type or a component alias names
    /// the same Swift type), and a type that became a typealias keeps its members when its target has them.
    static func compare(_ old: SwiftSurface, _ new: SwiftSurface) -> [SurfaceChange] {
        // Three independent passes, on the worker pool; each returns its changes in key order.
        ParallelMap.map(count: 3) { pass in
            switch pass {
            case 0: removedOrChanged(old, new)
            case 1: added(old, new)
            default: initializerChanges(old, new)
            }
        }.flatMap { $0 }
    }

    /// Declarations of OLD that NEW no longer has or declares incompatibly.
    private static func removedOrChanged(_ old: SwiftSurface, _ new: SwiftSurface) -> [SurfaceChange] {
        var changes: [(path: String, change: SurfaceChange)] = []
        for (path, symbol) in old.symbols {
            guard let counterpart = lookup(path, in: new) else {
                changes.append((path, SurfaceChange(path: path, verdict: .sourceBreaking, message: "\(describe(symbol)) `\(path)` is no longer generated", file: symbol.file)))
                continue
            }
            if let problem = incompatibility(symbol, counterpart, old: old, new: new) {
                changes.append((path, SurfaceChange(path: path, verdict: .sourceBreaking, message: problem, file: counterpart.file)))
            }
        }
        return inKeyOrder(changes)
    }

    /// Declarations only NEW has.
    private static func added(_ old: SwiftSurface, _ new: SwiftSurface) -> [SurfaceChange] {
        var changes: [(path: String, change: SurfaceChange)] = []
        for (path, symbol) in new.symbols where lookup(path, in: old) == nil {
            // A case of an enum that is itself new (a new operation's `Output`) breaks no switch.
            let breaks = symbol.kind == .enumCase && lookup(parent(path), in: old) != nil
            let message = breaks ? "one-of enum `\(parent(path))` gained case `\(last(path))`: exhaustive switches no longer compile" : "\(describe(symbol)) `\(path)` is new"
            changes.append((path, SurfaceChange(path: path, verdict: breaks ? .sourceBreaking : .additive, message: message, file: symbol.file)))
        }
        return inKeyOrder(changes)
    }

    /// Initializers of OLD whose calls no longer compile, or (when none broke) new ways to initialize.
    private static func initializerChanges(_ old: SwiftSurface, _ new: SwiftSurface) -> [SurfaceChange] {
        var changes: [(path: String, change: SurfaceChange)] = []
        for (owner, oldInits) in old.initializers {
            let newInits = initializers(owner, in: new)
            guard !newInits.isEmpty || lookup(owner, in: new) != nil else { continue }  // the type's removal is reported
            var broken = false
            for initializer in oldInits where !newInits.contains(where: { accepts($0, every: initializer, old: old, new: new) }) {
                broken = true
                changes.append((owner, SurfaceChange(path: "\(owner).init", verdict: .sourceBreaking, message: "`\(initializer.path)` no longer accepts the same arguments: \(initializerProblem(initializer, newInits))", file: newInits.first?.file ?? initializer.file)))
            }
            if !broken {
                for initializer in newInits where !oldInits.contains(where: { $0.parameters == initializer.parameters }) {
                    changes.append((owner, SurfaceChange(path: "\(owner).init", verdict: .additive, message: "`\(owner).init` accepts new arguments (\(initializer.parameters.filter { p in !oldInits.contains { $0.parameters.contains(p) } }.map { "`\($0.label):`" }.joined(separator: ", ")))", file: initializer.file)))
                }
            }
        }
        return inKeyOrder(changes)
    }

    /// The changes ordered by the key they were found under (changes of one key keep their order): the order a
    /// walk over the sorted keys gives, without sorting every key of a surface.
    private static func inKeyOrder(_ changes: [(path: String, change: SurfaceChange)]) -> [SurfaceChange] {
        changes.enumerated().sorted { ($0.element.path, $0.offset) < ($1.element.path, $1.offset) }.map(\.element.change)
    }

    private static func describe(_ symbol: SwiftSurface.Symbol) -> String {
        switch symbol.kind {
        case .type: "type"
        case .property: "property"
        case .staticMember: "static member"
        case .enumCase: "case"
        case .initializer: "initializer"
        case .method: "method"
        }
    }

    static func parent(_ path: String) -> String { path.split(separator: ".").dropLast().joined(separator: ".") }
    static func last(_ path: String) -> String { path.split(separator: ".").last.map(String.init) ?? path }

    /// The symbol at `path`, following top-level typealiases for the leading type name.
    static func lookup(_ path: String, in surface: SwiftSurface) -> SwiftSurface.Symbol? {
        if let symbol = surface.symbols[path] { return symbol }
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let target = surface.aliases[parts[0]], target != parts[0], !target.contains("[") else { return nil }
        return lookup(target + "." + parts[1], in: surface)
    }

    static func initializers(_ owner: String, in surface: SwiftSurface) -> [SwiftSurface.Symbol] {
        if let found = surface.initializers[owner] { return found }
        let parts = owner.split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = parts.first, let target = surface.aliases[first], target != first else { return [] }
        return initializers(([target] + parts.dropFirst()).joined(separator: "."), in: surface)
    }

    /// A type name with top-level typealiases replaced by what they name (whole identifiers only).
    static func normalized(_ type: String, in surface: SwiftSurface) -> String {
        var result = ""
        var identifier = ""
        func flush() {
            var name = identifier
            var seen = 0
            while let target = surface.aliases[name], seen < 16 { name = target; seen += 1 }
            result += name
            identifier = ""
        }
        for character in type {
            if character.isLetter || character.isNumber || character == "_" || character == "." { identifier.append(character) } else { flush(); result.append(character) }
        }
        flush()
        return result
    }

    private static func incompatibility(_ old: SwiftSurface.Symbol, _ new: SwiftSurface.Symbol, old oldSurface: SwiftSurface, new newSurface: SwiftSurface) -> String? {
        switch (old.kind, new.kind) {
        case (.type, .type):
            let oldAlias = oldSurface.aliases[old.path], newAlias = newSurface.aliases[new.path]
            if let oldAlias, let newAlias {
                let before = normalized(oldAlias, in: oldSurface), after = normalized(newAlias, in: newSurface)
                return before == after ? nil : "typealias `\(old.path)` now names `\(newAlias)`, was `\(oldAlias)`"
            }
            if oldAlias != nil || newAlias != nil {
                // A struct merged into an identical one (or the reverse) keeps its members; a typealias of a
                // value type (`String`, `[X]`) loses them, which the member lookups report.
                return nil
            }
            return old.signature == new.signature ? nil : "type `\(old.path)` changed from \(old.signature) to \(new.signature)"
        case (.property, .property), (.enumCase, .enumCase), (.method, .method):
            guard old.signature != new.signature else { return nil }
            let before = normalized(old.signature, in: oldSurface), after = normalized(new.signature, in: newSurface)
            return before == after ? nil : "`\(old.path)` changed type from `\(old.signature)` to `\(new.signature)`"
        case (.staticMember, .staticMember):
            return nil
        default:
            return "`\(old.path)` changed from \(describe(old)) to \(describe(new))"
        }
    }

    /// True when every call `old` accepts still compiles against `new`: same labels in order, same types
    /// (or a value now optional), defaults kept, and every new parameter defaulted.
    static func accepts(_ new: SwiftSurface.Symbol, every old: SwiftSurface.Symbol, old oldSurface: SwiftSurface, new newSurface: SwiftSurface) -> Bool {
        var newIndex = 0
        for parameter in old.parameters {
            while newIndex < new.parameters.count, new.parameters[newIndex].label != parameter.label {
                guard new.parameters[newIndex].defaulted else { return false }
                newIndex += 1
            }
            guard newIndex < new.parameters.count else { return false }
            let candidate = new.parameters[newIndex]
            if parameter.type != candidate.type, candidate.type != parameter.type + "?" {
                let before = normalized(parameter.type, in: oldSurface), after = normalized(candidate.type, in: newSurface)
                guard before == after || after == before + "?" else { return false }
            }
            if parameter.defaulted, !candidate.defaulted { return false }
            newIndex += 1
        }
        return new.parameters[newIndex...].allSatisfy(\.defaulted)
    }

    private static func initializerProblem(_ old: SwiftSurface.Symbol, _ news: [SwiftSurface.Symbol]) -> String {
        guard let new = news.first(where: { $0.parameters.count >= 1 }) ?? news.first else { return "it is gone" }
        var problems: [String] = []
        for parameter in old.parameters {
            guard let match = new.parameters.first(where: { $0.label == parameter.label }) else { problems.append("`\(parameter.label):` removed"); continue }
            if match.type != parameter.type, match.type != parameter.type + "?" { problems.append("`\(parameter.label):` is `\(match.type)`, was `\(parameter.type)`") }
            if parameter.defaulted, !match.defaulted { problems.append("`\(parameter.label):` lost its default") }
        }
        for parameter in new.parameters where !parameter.defaulted && !old.parameters.contains(where: { $0.label == parameter.label }) {
            problems.append("new required `\(parameter.label):`")
        }
        return problems.isEmpty ? "argument order changed" : problems.joined(separator: ", ")
    }
}
