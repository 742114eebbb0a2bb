/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One message about an input, with where it points: file:line:column and a JSON pointer.
///
/// Rendered as `Specs/x.json:120:17: error: message (at /paths/~1users/patch)` followed by an
/// optional `hint:` line, the form compilers use so editors and SwiftPM can jump to it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var pointer: String?
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil, pointer: String? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
        self.hint = hint
    }

    /// An error diagnostic.
    public static func error(_ message: String, at location: SourceLocation? = nil, pointer: String? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, pointer: pointer, hint: hint)
    }

    /// A warning diagnostic.
    public static func warning(_ message: String, at location: SourceLocation? = nil, pointer: String? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, pointer: pointer, hint: hint)
    }

    /// The compiler-style rendering, one or two lines.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue): \(message)"
        if let pointer { text += " (at \(pointer.isEmpty ? "/" : pointer))" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Collects diagnostics in the order they were found; stages report here instead of printing.
public struct Diagnostics: Sendable {
    /// Everything reported so far, in order.
    public private(set) var all: [Diagnostic] = []

    /// An empty collection.
    public init() {}

    /// Adds one diagnostic.
    public mutating func report(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds several diagnostics.
    public mutating func report(contentsOf diagnostics: [Diagnostic]) { all.append(contentsOf: diagnostics) }

    /// True when at least one error was reported.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// The warnings only.
    public var warnings: [Diagnostic] { all.filter { $0.severity == .warning } }
}

/// A failure that carries one or more located diagnostics (the first is the headline).
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
