/// A JSONPath query (the RFC 9535 subset Overlay documents use) evaluated over `JSONNode`s.
///
/// Supported: `$`, `.name`, `['name']` / `["name"]` with any characters (`/`, `{`, `}`, escapes), `[*]`, `.*`,
/// `..name` / `..*` / `..[…]`, `[n]` (negative counts from the end), `[start:end:step]`, unions `['a','b']`,
/// and filters `[?@.key]`, `[?(@.key == 'v')]` with `==`, `!=`, `<`, `<=`, `>`, `>=`, `&&`, `||`, `!` and
/// parentheses, comparing `@`/`$` paths with string, number, `true`, `false` and `null` literals.
public struct JSONPath: Sendable, CustomStringConvertible {
    /// One step of a normalized path: the concrete location of a selected node.
    public enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// A syntax error, with the 0-based character position where it was found.
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var position: Int
        public var description: String { "\(message) at character \(position + 1)" }
    }

    /// The query text.
    public let text: String
    let segments: [Segment]

    /// Parses a query; it must start with `$`.
    public init(_ text: String) throws(SyntaxError) {
        self.text = text
        var parser = PathParser(text)
        segments = try parser.parseQuery()
    }

    public var description: String { text }

    /// Normalized paths of every node the query selects, in document order (duplicates removed).
    public func select(in root: JSONNode) -> [[Step]] {
        var current: [([Step], JSONNode)] = [([], root)]
        for segment in segments {
            var next: [([Step], JSONNode)] = []
            for (path, node) in current { segment.apply(to: node, at: path, root: root, into: &next) }
            current = next
        }
        var seen = Set<[Step]>()
        return current.compactMap { seen.insert($0.0).inserted ? $0.0 : nil }
    }

    /// The JSON pointer for a normalized path.
    public static func pointer(_ path: [Step]) -> JSONPointer {
        JSONPointer(tokens: path.map { step in
            switch step {
            case .key(let key): key
            case .index(let index): String(index)
            }
        })
    }
}

// MARK: Model

indirect enum Selector: Sendable {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(FilterExpression)
}

struct Segment: Sendable {
    var descendant: Bool
    var selectors: [Selector]

    func apply(to node: JSONNode, at path: [JSONPath.Step], root: JSONNode, into output: inout [([JSONPath.Step], JSONNode)]) {
        if descendant {
            // The node itself and every descendant, in document order.
            var stack: [([JSONPath.Step], JSONNode)] = [(path, node)]
            while let (currentPath, current) = stack.popLast() {
                for selector in selectors { select(selector, in: current, at: currentPath, root: root, into: &output) }
                let children = Self.children(of: current, at: currentPath)
                stack.append(contentsOf: children.reversed())
            }
        } else {
            for selector in selectors { select(selector, in: node, at: path, root: root, into: &output) }
        }
    }

    static func children(of node: JSONNode, at path: [JSONPath.Step]) -> [([JSONPath.Step], JSONNode)] {
        switch node.value {
        case .array(let items):
            return items.enumerated().map { (path + [.index($0.offset)], $0.element) }
        case .object(let object):
            // With duplicate keys, the last member is the one that counts.
            return object.entries.enumerated().compactMap { position, entry in
                object.position(of: entry.key) == position ? (path + [.key(entry.key)], entry.value) : nil
            }
        default:
            return []
        }
    }

    func select(_ selector: Selector, in node: JSONNode, at path: [JSONPath.Step], root: JSONNode, into output: inout [([JSONPath.Step], JSONNode)]) {
        switch selector {
        case .name(let name):
            if let child = node.value.objectValue?[name] { output.append((path + [.key(name)], child)) }
        case .wildcard:
            output.append(contentsOf: Self.children(of: node, at: path))
        case .index(let index):
            guard let items = node.value.arrayValue else { return }
            let resolved = index < 0 ? items.count + index : index
            if resolved >= 0, resolved < items.count { output.append((path + [.index(resolved)], items[resolved])) }
        case .slice(let start, let end, let step):
            guard let items = node.value.arrayValue else { return }
            for index in Self.sliceIndices(count: items.count, start: start, end: end, step: step ?? 1) {
                output.append((path + [.index(index)], items[index]))
            }
        case .filter(let expression):
            for (childPath, child) in Self.children(of: node, at: path) where expression.test(child, root: root) {
                output.append((childPath, child))
            }
        }
    }

    static func sliceIndices(count: Int, start: Int?, end: Int?, step: Int) -> [Int] {
        guard step != 0, count > 0 else { return [] }
        func normalize(_ value: Int) -> Int { value >= 0 ? value : count + value }
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), count)
            let upper = min(max(normalize(end ?? count), 0), count)
            return Array(stride(from: lower, to: upper, by: step))
        }
        let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
        let lower = min(max(normalize(end ?? -count - 1), -1), count - 1)
        return Array(stride(from: upper, to: lower, by: step))
    }
}

indirect enum FilterExpression: Sendable {
    case exists(FilterPath)
    case compare(FilterOperand, ComparisonOperator, FilterOperand)
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)

    func test(_ current: JSONNode, root: JSONNode) -> Bool {
        switch self {
        case .exists(let path): return !path.evaluate(current: current, root: root).isEmpty
        case .compare(let left, let op, let right):
            return op.compare(left.value(current: current, root: root), right.value(current: current, root: root))
        case .and(let a, let b): return a.test(current, root: root) && b.test(current, root: root)
        case .or(let a, let b): return a.test(current, root: root) || b.test(current, root: root)
        case .not(let a): return !a.test(current, root: root)
        }
    }
}

struct FilterPath: Sendable {
    var relative: Bool
    var segments: [Segment]

    func evaluate(current: JSONNode, root: JSONNode) -> [JSONNode] {
        var nodes: [([JSONPath.Step], JSONNode)] = [([], relative ? current : root)]
        for segment in segments {
            var next: [([JSONPath.Step], JSONNode)] = []
            for (path, node) in nodes { segment.apply(to: node, at: path, root: root, into: &next) }
            nodes = next
        }
        return nodes.map(\.1)
    }
}

enum FilterOperand: Sendable {
    case path(FilterPath)
    case literal(JSONValue)

    /// The single value compared; nil ("Nothing") when a path selects no node or several.
    func value(current: JSONNode, root: JSONNode) -> JSONValue? {
        switch self {
        case .literal(let value): return value
        case .path(let path):
            let nodes = path.evaluate(current: current, root: root)
            return nodes.count == 1 ? nodes[0].value : nil
        }
    }
}

enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    func compare(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
        switch self {
        case .equal: return Self.equal(left, right)
        case .notEqual: return !Self.equal(left, right)
        case .less: return Self.less(left, right)
        case .lessOrEqual: return Self.less(left, right) || Self.equal(left, right)
        case .greater: return Self.less(right, left)
        case .greaterOrEqual: return Self.less(right, left) || Self.equal(left, right)
        }
    }

    static func equal(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case let (a?, b?): return a == b
        default: return false
        }
    }

    static func less(_ left: JSONValue?, _ right: JSONValue?) -> Bool {
        switch (left, right) {
        case let (.number(a)?, .number(b)?): return a.double < b.double
        case let (.string(a)?, .string(b)?): return Array(a.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
        default: return false
        }
    }
}

// MARK: Parser

private struct PathParser {
    let scalars: [Unicode.Scalar]
    var position = 0
    /// Nesting of filters and parentheses, capped so a hostile query cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 64

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    func fail(_ message: String) -> JSONPath.SyntaxError { JSONPath.SyntaxError(message: message, position: position) }
    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? { position + offset < scalars.count ? scalars[position + offset] : nil }

    mutating func skipSpaces() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { position += 1 }
    }

    mutating func parseQuery() throws(JSONPath.SyntaxError) -> [Segment] {
        skipSpaces()
        guard current == "$" else { throw fail("a JSONPath query starts with '$'") }
        position += 1
        let segments = try parseSegments(inFilter: false)
        skipSpaces()
        if position < scalars.count { throw fail("unexpected '\(Character(scalars[position]))'") }
        return segments
    }

    /// Segments until something that cannot continue a path.
    mutating func parseSegments(inFilter: Bool) throws(JSONPath.SyntaxError) -> [Segment] {
        var segments: [Segment] = []
        while true {
            let save = position
            if !inFilter { skipSpaces() }
            guard let scalar = current else { return segments }
            if scalar == "." && peek(1) == "." {
                position += 2
                if current == "[" {
                    segments.append(Segment(descendant: true, selectors: try parseBracket()))
                } else if current == "*" {
                    position += 1
                    segments.append(Segment(descendant: true, selectors: [.wildcard]))
                } else {
                    segments.append(Segment(descendant: true, selectors: [.name(try parseMemberName())]))
                }
            } else if scalar == "." {
                position += 1
                if current == "*" {
                    position += 1
                    segments.append(Segment(descendant: false, selectors: [.wildcard]))
                } else {
                    segments.append(Segment(descendant: false, selectors: [.name(try parseMemberName())]))
                }
            } else if scalar == "[" {
                segments.append(Segment(descendant: false, selectors: try parseBracket()))
            } else {
                position = save
                return segments
            }
        }
    }

    /// A dot-notation name: letters, digits, `_`, `-`, `$` and any non-ASCII character.
    mutating func parseMemberName() throws(JSONPath.SyntaxError) -> String {
        var name = ""
        while let scalar = current, !scalar.isASCII || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "$" {
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard !name.isEmpty else { throw fail("a member name was expected after '.'") }
        return name
    }

    mutating func parseBracket() throws(JSONPath.SyntaxError) -> [Selector] {
        position += 1  // [
        var selectors: [Selector] = []
        while true {
            skipSpaces()
            selectors.append(try parseSelector())
            skipSpaces()
            if current == "," { position += 1; continue }
            guard current == "]" else { throw fail("expected ']' or ','") }
            position += 1
            return selectors
        }
    }

    mutating func parseSelector() throws(JSONPath.SyntaxError) -> Selector {
        guard let scalar = current else { throw fail("unexpected end of the query inside '['") }
        if scalar == "'" || scalar == "\"" { return .name(try parseString()) }
        if scalar == "*" { position += 1; return .wildcard }
        if scalar == "?" {
            position += 1
            skipSpaces()
            return .filter(try parseOr())
        }
        if scalar == "-" || scalar == ":" || ("0"..."9").contains(scalar) {
            let start = scalar == ":" ? nil : try parseInteger()
            skipSpaces()
            guard current == ":" else {
                guard let start else { throw fail("an index was expected") }
                return .index(start)
            }
            position += 1
            skipSpaces()
            let end = current == "-" || current.map({ ("0"..."9").contains($0) }) == true ? try parseInteger() : nil
            skipSpaces()
            var step: Int?
            if current == ":" {
                position += 1
                skipSpaces()
                step = current == "-" || current.map({ ("0"..."9").contains($0) }) == true ? try parseInteger() : nil
            }
            return .slice(start: start, end: end, step: step)
        }
        throw fail("unexpected '\(Character(scalar))' in a bracket selector")
    }

    mutating func parseInteger() throws(JSONPath.SyntaxError) -> Int {
        var text = ""
        if current == "-" { text = "-"; position += 1 }
        while let scalar = current, ("0"..."9").contains(scalar) { text.unicodeScalars.append(scalar); position += 1 }
        guard let value = Int(text) else { throw fail("an integer was expected") }
        return value
    }

    mutating func parseString() throws(JSONPath.SyntaxError) -> String {
        let quote = current!
        position += 1
        var text = ""
        while let scalar = current {
            position += 1
            if scalar == quote { return text }
            if scalar == "\\" {
                guard let escaped = current else { break }
                position += 1
                switch escaped {
                case "b": text += "\u{08}"
                case "f": text += "\u{0C}"
                case "n": text += "\n"
                case "r": text += "\r"
                case "t": text += "\t"
                case "u":
                    let hex = String(String.UnicodeScalarView(scalars[min(position, scalars.count)..<min(position + 4, scalars.count)]))
                    guard hex.count == 4, let code = UInt32(hex, radix: 16), let value = Unicode.Scalar(code) else { throw fail("invalid \\u escape") }
                    text.unicodeScalars.append(value)
                    position += 4
                default: text.unicodeScalars.append(escaped)
                }
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        throw fail("unterminated string")
    }

    // Filters

    mutating func parseOr() throws(JSONPath.SyntaxError) -> FilterExpression {
        try parseChain("|", operand: { parser throws(JSONPath.SyntaxError) in try parser.parseAnd() }, combine: FilterExpression.or)
    }

    mutating func parseAnd() throws(JSONPath.SyntaxError) -> FilterExpression {
        try parseChain("&", operand: { parser throws(JSONPath.SyntaxError) in try parser.parseUnary() }, combine: FilterExpression.and)
    }

    /// `operand (op operand)*`, left-associative, for the doubled operators `||` and `&&`.
    mutating func parseChain(_ symbol: Unicode.Scalar, operand: (inout PathParser) throws(JSONPath.SyntaxError) -> FilterExpression,
                             combine: (FilterExpression, FilterExpression) -> FilterExpression) throws(JSONPath.SyntaxError) -> FilterExpression {
        var left = try operand(&self)
        while true {
            skipSpaces()
            guard current == symbol, peek(1) == symbol else { return left }
            position += 2
            left = combine(left, try operand(&self))
        }
    }

    mutating func parseUnary() throws(JSONPath.SyntaxError) -> FilterExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { throw fail("filters are nested more than \(Self.maxDepth) levels deep") }
        skipSpaces()
        if current == "!", peek(1) != "=" {
            position += 1
            return .not(try parseUnary())
        }
        if current == "(" {
            position += 1
            let inner = try parseOr()
            skipSpaces()
            guard current == ")" else { throw fail("expected ')'") }
            position += 1
            return inner
        }
        let left = try parseOperand()
        skipSpaces()
        if let op = parseOperator() {
            skipSpaces()
            let right = try parseOperand()
            return .compare(left, op, right)
        }
        guard case .path(let path) = left else { throw fail("a literal alone is not a filter test; compare it with '=='") }
        return .exists(path)
    }

    mutating func parseOperator() -> ComparisonOperator? {
        for op in [ComparisonOperator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater] {
            let symbol = Array(op.rawValue.unicodeScalars)
            if position + symbol.count <= scalars.count, Array(scalars[position..<position + symbol.count]) == symbol {
                position += symbol.count
                return op
            }
        }
        return nil
    }

    mutating func parseOperand() throws(JSONPath.SyntaxError) -> FilterOperand {
        guard let scalar = current else { throw fail("unexpected end of the filter") }
        switch scalar {
        case "@", "$":
            position += 1
            return .path(FilterPath(relative: scalar == "@", segments: try parseSegments(inFilter: true)))
        case "'", "\"":
            return .literal(.string(try parseString()))
        case "-", "0"..."9":
            var text = ""
            while let next = current, next == "-" || next == "+" || next == "." || next == "e" || next == "E" || ("0"..."9").contains(next) {
                text.unicodeScalars.append(next)
                position += 1
            }
            guard (try? JSONReader().read(text: text))?.root.value.numberValue != nil else { throw fail("invalid number '\(text)'") }
            return .literal(.number(JSONNumber(text: text)))
        default:
            for (word, value) in [("true", JSONValue.bool(true)), ("false", .bool(false)), ("null", .null)] {
                let symbol = Array(word.unicodeScalars)
                if position + symbol.count <= scalars.count, Array(scalars[position..<position + symbol.count]) == symbol {
                    position += symbol.count
                    return .literal(value)
                }
            }
            throw fail("expected '@', '$' or a literal in the filter")
        }
    }
}
