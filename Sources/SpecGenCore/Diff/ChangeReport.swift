/// What a change does on the wire to a client generated from OLD talking to a server that implements NEW.
public enum WireVerdict: String, Sendable, Hashable, Comparable {
    case compatible, breaking

    public static func < (lhs: WireVerdict, rhs: WireVerdict) -> Bool { lhs == .compatible && rhs == .breaking }
}

/// What a change does to Swift code written against the SDK generated from OLD.
public enum SwiftVerdict: String, Sendable, Hashable, Comparable {
    case none, additive
    case sourceBreaking = "source-breaking"

    private var rank: Int { self == .none ? 0 : self == .additive ? 1 : 2 }
    public static func < (lhs: SwiftVerdict, rhs: SwiftVerdict) -> Bool { lhs.rank < rhs.rank }
}

/// The version bump a set of changes calls for.
public enum Semver: String, Sendable, Hashable {
    case none, patch, minor, major
}

/// One change between OLD and NEW, with its rule id, where it is in both documents and its two verdicts.
public struct APIChange: Sendable, Hashable {
    /// Stable rule id (`request-property-became-required`, `operation-removed`, …); docs/DIFF.md lists them.
    public var rule: String
    /// The operation id (for a shared schema: the operations in scope that reach it, comma-separated).
    public var operation: String
    public var wire: WireVerdict
    public var swift: SwiftVerdict
    public var message: String
    /// Where the change is in OLD and in NEW (nil when that side has nothing there).
    public var old: SourceLocation?
    public var new: SourceLocation?
    /// JSON pointer of the changed node (in NEW when it exists there, else in OLD).
    public var pointer: String
    /// The Swift declarations this change alters (`User.email`, `APIClient.getUser(_:)`), for the Swift verdict.
    public var symbols: [String] = []

    public init(rule: String, operation: String, wire: WireVerdict, swift: SwiftVerdict = .none, message: String, old: SourceLocation?, new: SourceLocation?, pointer: String) {
        self.rule = rule
        self.operation = operation
        self.wire = wire
        self.swift = swift
        self.message = message
        self.old = old
        self.new = new
        self.pointer = pointer
    }
}

/// Everything `specgen diff` found.
public struct ChangeReport: Sendable {
    public var changes: [APIChange]

    public init(changes: [APIChange]) { self.changes = changes }

    /// `major` for any wire- or source-breaking change, `minor` for additive ones, `patch` for any other change.
    public var semver: Semver {
        if changes.contains(where: { $0.wire == .breaking || $0.swift == .sourceBreaking }) { return .major }
        if changes.contains(where: { $0.swift == .additive }) { return .minor }
        return changes.isEmpty ? .none : .patch
    }

    /// Which changes make `specgen diff` exit 1.
    public enum FailOn: String, Sendable, CaseIterable {
        case wire, source, any, none
    }

    /// True when a change has the verdict `failOn` names.
    public func fails(on failOn: FailOn) -> Bool {
        switch failOn {
        case .wire: changes.contains { $0.wire == .breaking }
        case .source: changes.contains { $0.swift == .sourceBreaking }
        case .any: changes.contains { $0.wire == .breaking || $0.swift == .sourceBreaking }
        case .none: false
        }
    }
}
