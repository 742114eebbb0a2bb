/// A Swift expression as a docs snippet writes it: an atom (a literal or a name), a call with labelled
/// arguments (`TypeName(a: 1)`, `.value("x")`), or an array or dictionary literal. Laid out on one line when it
/// fits, otherwise one argument or element a line, indented by four spaces.
indirect enum SwiftExpression: Equatable {
    case atom(String)
    /// `prefix(label: value, …)`: `prefix` is a type name, `.caseName` or `.value`.
    case call(String, [Argument])
    case array([SwiftExpression])
    /// Keys are already Swift literals.
    case dictionary([Entry])

    /// One argument of a call; an unlabelled one has a nil label.
    struct Argument: Equatable {
        var label: String?
        var value: SwiftExpression
    }

    /// One `key: value` of a dictionary literal.
    struct Entry: Equatable {
        var key: String
        var value: SwiftExpression
    }

    /// The longest line a snippet lays out on one line.
    static let lineWidth = 100

    /// The expression on one line.
    var inline: String {
        switch self {
        case .atom(let text): text
        case .call(let prefix, let arguments): prefix + "(" + arguments.map(\.inline).joined(separator: ", ") + ")"
        case .array(let items): "[" + items.map(\.inline).joined(separator: ", ") + "]"
        case .dictionary(let entries): entries.isEmpty ? "[:]" : "[" + entries.map { $0.key + ": " + $0.value.inline }.joined(separator: ", ") + "]"
        }
    }

    /// The expression laid out for a line that already holds `used` characters at indentation `indent`.
    func layout(indent: String, used: Int) -> String {
        let flat = inline
        if used + flat.count <= Self.lineWidth { return flat }
        let inner = indent + "    "
        switch self {
        case .atom(let text):
            return text
        case .call(let prefix, let arguments):
            guard !arguments.isEmpty else { return flat }
            let lines = arguments.map { argument -> String in
                let head = inner + (argument.label.map { $0 + ": " } ?? "")
                return head + argument.value.layout(indent: inner, used: head.count + 1)
            }
            return prefix + "(\n" + lines.joined(separator: ",\n") + "\n" + indent + ")"
        case .array(let items):
            guard !items.isEmpty else { return flat }
            let lines = items.map { inner + $0.layout(indent: inner, used: inner.count + 1) }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
        case .dictionary(let entries):
            guard !entries.isEmpty else { return flat }
            let lines = entries.map { entry -> String in
                let head = inner + entry.key + ": "
                return head + entry.value.layout(indent: inner, used: head.count + 1)
            }
            return "[\n" + lines.joined(separator: ",\n") + "\n" + indent + "]"
        }
    }
}

extension SwiftExpression.Argument {
    var inline: String { (label.map { $0 + ": " } ?? "") + value.inline }
}
