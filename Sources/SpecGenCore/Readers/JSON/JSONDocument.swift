/// Caps that keep a hostile document from exhausting memory or stack.
public struct ReaderLimits: Sendable, Hashable {
    /// Largest input accepted, in bytes.
    public var maxBytes: Int
    /// Deepest nesting of arrays and objects accepted.
    public var maxDepth: Int
    /// Longest number lexeme accepted, in characters.
    public var maxNumberLength: Int
    /// Most aliases a YAML document may expand (alias-bomb guard); JSON ignores it.
    public var maxAliasExpansions: Int

    /// Creates limits.
    public init(maxBytes: Int = 64 << 20, maxDepth: Int = 512, maxNumberLength: Int = 4096, maxAliasExpansions: Int = 100_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNumberLength = maxNumberLength
        self.maxAliasExpansions = maxAliasExpansions
    }

    /// The defaults: 64 MiB, 512 levels, 4096-character numbers, 100k alias expansions.
    public static let `default` = ReaderLimits()

    /// The deepest `maxDepth` a front end should allow (`--max-depth`): the readers never recurse, but
    /// freeing or walking a parsed tree costs stack per level, and 20 000 levels is the measured ceiling
    /// on an 8 MiB stack (docs/HOSTILE.md).
    public static let highestSafeDepth = 10_000
}

/// A parsed document: its source (for locations), its root node and any warnings the reader found.
public struct JSONDocument: Sendable {
    /// Where the bytes came from.
    public let source: SourceFile
    /// The root value.
    public var root: JSONNode
    /// Non-fatal findings such as duplicate keys.
    public var warnings: [Diagnostic]
    /// For a document converted from another form (Swagger 2.0): how its pointers map back to the user's.
    public var userPointers: UserPointers?

    /// Creates a document.
    public init(source: SourceFile, root: JSONNode, warnings: [Diagnostic] = []) {
        self.source = source
        self.root = root
        self.warnings = warnings
    }

    /// True when a reader warned about duplicate keys (their objects still hold every occurrence).
    /// (Compared as bytes: a key starting with a combining mark or ZWNJ would join the quote into one Character.)
    public var hasDuplicateKeys: Bool { warnings.contains { $0.message.utf8.starts(with: "duplicate key \"".utf8) } }

    /// The document with one member per key in every object, the last occurrence winning, as the
    /// readers' duplicate-key warning says; consumers that walk `entries` then see each key once.
    public func withoutDuplicateKeys() -> JSONDocument {
        JSONDocument(source: source, root: Self.deduplicated(root), warnings: warnings)
    }

    private static func deduplicated(_ node: JSONNode) -> JSONNode {
        switch node.value {
        case .object(let object):
            var kept = JSONObject()
            for (position, entry) in object.entries.enumerated() where object.position(of: entry.key) == position {
                kept.append(JSONObject.Entry(key: entry.key, keyOffset: entry.keyOffset, value: deduplicated(entry.value)))
            }
            return JSONNode(.object(kept), offset: node.offset)
        case .array(let items):
            return JSONNode(.array(items.map(deduplicated)), offset: node.offset)
        default:
            return node
        }
    }

    /// The location of a node of this document (nil for synthetic nodes).
    public func location(of node: JSONNode) -> SourceLocation? {
        node.offset >= 0 ? source.location(ofOffset: node.offset) : nil
    }

    /// The location of a byte offset (nil when negative).
    public func location(ofOffset offset: Int) -> SourceLocation? {
        offset >= 0 ? source.location(ofOffset: offset) : nil
    }

    /// The node at a pointer.
    public func node(at pointer: JSONPointer) -> JSONNode? { root.resolve(pointer) }

    /// A diagnostic located at the node a pointer designates (or its nearest existing parent). For a converted
    /// document, the pointer, its location and the references quoted in the text are the user's.
    public func diagnostic(_ severity: Severity, _ message: String, at pointer: JSONPointer, hint: String? = nil) -> Diagnostic {
        if let userPointers {
            let user = userPointers.userPointer(pointer)
            let location = Self.nearest(user, in: userPointers.original).flatMap(location(of:)) ?? Self.nearest(pointer, in: root).flatMap(location(of:))
            return Diagnostic(severity, userPointers.userText(message), at: location ?? SourceLocation(file: source.path, line: 1, column: 1),
                              pointer: user.description, hint: hint.map(userPointers.userText))
        }
        let node = Self.nearest(pointer, in: root)
        return Diagnostic(severity, message, at: node.flatMap(location(of:)) ?? SourceLocation(file: source.path, line: 1, column: 1), pointer: pointer.description, hint: hint)
    }

    /// The node at `pointer` below `root`, or its nearest existing parent that has a place in the file.
    private static func nearest(_ pointer: JSONPointer, in root: JSONNode) -> JSONNode? {
        var probe = pointer
        var node = root.resolve(probe)
        while node == nil || node!.offset < 0, !probe.tokens.isEmpty {
            probe = probe.parent
            node = root.resolve(probe)
        }
        return node
    }
}
