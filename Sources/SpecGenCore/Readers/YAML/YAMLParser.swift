/// Builds `JSONNode` trees from the scanner's tokens: documents, block and flow collections, anchors
/// and aliases (with a budget against alias bombs), merge keys, tags and core-schema scalars.
struct YAMLParser {
    let b: UnsafeBufferPointer<UInt8>
    let tokens: [YAMLToken]
    let strings: [String]
    let pendingError: YAMLSyntaxError?
    let limits: ReaderLimits
    var index = 0
    var depth = 0
    var path: [YAMLPathStep] = []
    var anchors: [String: YAMLAnchor] = [:]
    var aliasBudget: Int
    var tagHandles: [String: String] = [:]
    var warnings: [YAMLSyntaxError] = []
    var duplicateKeys: [(key: String, offset: Int, pointer: JSONPointer)] = []
    /// Where the second document of the stream starts, if there is one.
    var documentStarts: [Int] = []

    init(scanner: YAMLScanner, limits: ReaderLimits) {
        b = scanner.b
        tokens = scanner.tokens
        strings = scanner.strings
        pendingError = scanner.pendingError
        self.limits = limits
        aliasBudget = limits.maxAliasExpansions
    }

    // MARK: - Helpers

    var pointer: JSONPointer {
        JSONPointer(tokens: path.map { step in
            switch step {
            case .key(let key): key
            case .index(let index): String(index)
            }
        })
    }

    func fail(_ message: String, at offset: Int, hint: String? = nil) -> YAMLSyntaxError {
        var error = YAMLSyntaxError(message, at: offset, hint: hint)
        error.pointer = pointer
        return error
    }

    @inline(__always) func peek() throws(YAMLSyntaxError) -> YAMLToken {
        guard index < tokens.count else {
            var error = pendingError ?? YAMLSyntaxError("unexpected end of input", at: b.count)
            error.pointer = pointer
            throw error
        }
        return tokens[index]
    }

    func text(of token: YAMLToken) -> String {
        if token.cooked >= 0 { return strings[Int(token.cooked)] }
        return String(decoding: UnsafeBufferPointer(rebasing: b[token.valueStart..<token.valueEnd]), as: UTF8.self)
    }

    func rawEquals(_ token: YAMLToken, _ literal: StaticString) -> Bool {
        guard token.cooked < 0, token.valueEnd - token.valueStart == literal.utf8CodeUnitCount else { return false }
        let expected = literal.utf8Start
        for offset in 0..<literal.utf8CodeUnitCount where b[token.valueStart + offset] != expected[offset] { return false }
        return true
    }

    /// `enter`, then past the token that starts the collection (`[`, `{`, block start).
    mutating func enterCollection(at offset: Int) throws(YAMLSyntaxError) {
        try enter(at: offset)
        index += 1
    }

    /// The end of a collection `enter` counted: `node`, one level up.
    mutating func leave(_ node: JSONNode) -> JSONNode {
        depth -= 1
        return node
    }

    mutating func enter(at offset: Int) throws(YAMLSyntaxError) {
        depth += 1
        if depth > limits.maxDepth {
            throw fail("nesting is deeper than \(limits.maxDepth) levels", at: offset, hint: "flatten the document")
        }
    }

    // MARK: - Stream and documents

    /// Every document of the stream, in order.
    mutating func parseStream() throws(YAMLSyntaxError) -> [JSONNode] {
        var documents: [JSONNode] = []
        var mayStartBareDocument = true
        while true {
            var token = try peek()
            if token.kind == .streamEnd { return documents }
            if token.kind == .documentEnd {
                index += 1
                mayStartBareDocument = true
                continue
            }
            tagHandles = [:]
            var sawYAMLDirective = false
            var firstDirective: YAMLToken?
            while token.kind == .directive {
                guard mayStartBareDocument else {
                    throw fail("a directive after a document must be preceded by '...'", at: token.start, hint: "end the previous document with '...'")
                }
                firstDirective = firstDirective ?? token
                try directive(token, sawYAMLDirective: &sawYAMLDirective)
                index += 1
                token = try peek()
            }
            let root: JSONNode
            if token.kind == .documentStart {
                documentStarts.append(token.start)
                index += 1
                let next = try peek()
                switch next.kind {
                case .directive, .documentStart, .documentEnd, .streamEnd:
                    root = JSONNode(.null, offset: next.start)
                default:
                    root = try parseNode(block: true, indentless: false)
                }
            } else {
                if let firstDirective {
                    throw fail("directives must be followed by '---'", at: firstDirective.start, hint: "start the document with '---'")
                }
                guard mayStartBareDocument else {
                    throw fail("unexpected \(token.kind.description) after the end of the document", at: token.start, hint: "start a new document with '---', or fix the indentation")
                }
                documentStarts.append(token.start)
                root = try parseNode(block: true, indentless: false)
            }
            documents.append(root)
            anchors.removeAll(keepingCapacity: true)
            let after = try peek()
            switch after.kind {
            case .documentEnd:
                index += 1
                mayStartBareDocument = true
            case .documentStart, .streamEnd:
                mayStartBareDocument = false
            default:
                throw fail("unexpected \(after.kind.description) after the document's value", at: after.start, hint: "check the indentation of this line")
            }
        }
    }

    mutating func directive(_ token: YAMLToken, sawYAMLDirective: inout Bool) throws(YAMLSyntaxError) {
        let words = text(of: token).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let name = words.first else { return }
        switch name {
        case "YAML":
            if sawYAMLDirective {
                throw fail("a document may have only one %YAML directive", at: token.start)
            }
            sawYAMLDirective = true
            guard words.count == 2, let version = words.last, version.hasPrefix("1."), Int(version.dropFirst(2)) != nil else {
                throw fail("unsupported %YAML directive '\(words.dropFirst().joined(separator: " "))'", at: token.start, hint: "SpecGen reads YAML 1.x")
            }
        case "TAG":
            guard words.count == 3 else {
                throw fail("a %TAG directive needs a handle and a prefix", at: token.start)
            }
            tagHandles[String(words[1])] = String(words[2])
        default:
            break  // Reserved directives are ignored, as the YAML spec asks.
        }
    }

    // MARK: - Nodes

    mutating func parseNode(block: Bool, indentless: Bool) throws(YAMLSyntaxError) -> JSONNode {
        var token = try peek()
        if token.kind == .alias {
            index += 1
            return try resolveAlias(token)
        }
        let start = token.start
        var anchorName: String?
        var tag: YAMLTag?
        var tagOffset = start
        while token.kind == .anchor || token.kind == .tag {
            if token.kind == .anchor {
                guard anchorName == nil else { throw fail("a node can have only one anchor", at: token.start) }
                anchorName = text(of: token)
            } else {
                guard tag == nil else { throw fail("a node can have only one tag", at: token.start) }
                tag = try resolveTag(token)
                tagOffset = token.start
            }
            index += 1
            token = try peek()
        }
        if let anchorName { anchors[anchorName] = .inProgress }
        var node: JSONNode
        switch token.kind {
        case .scalar:
            index += 1
            node = JSONNode(try scalarValue(token, tag: tag, tagOffset: tagOffset), offset: start)
        case .flowSequenceStart:
            try checkCollectionTag(tag, sequence: true, at: tagOffset)
            node = try parseFlowSequence(start: start)
        case .flowMappingStart:
            try checkCollectionTag(tag, sequence: false, at: tagOffset)
            node = try parseFlowMapping(start: start)
        case .blockSequenceStart where block:
            try checkCollectionTag(tag, sequence: true, at: tagOffset)
            node = try parseBlockSequence(start: start)
        case .blockMappingStart where block:
            try checkCollectionTag(tag, sequence: false, at: tagOffset)
            node = try parseBlockMapping(start: start)
        case .blockEntry where indentless:
            try checkCollectionTag(tag, sequence: true, at: tagOffset)
            node = try parseIndentlessSequence(start: start)
        default:
            if anchorName != nil || tag != nil {
                node = JSONNode(try emptyValue(tag: tag, tagOffset: tagOffset), offset: start)
            } else {
                throw fail("expected a value, found \(token.kind.description)", at: token.start, hint: hint(for: token))
            }
        }
        if let anchorName { anchors[anchorName] = .done(node) }
        return node
    }

    func hint(for token: YAMLToken) -> String? {
        switch token.kind {
        case .blockEnd, .blockMappingStart, .blockSequenceStart: "check the indentation of this line"
        case .flowEntry: "remove the extra ','"
        case .value: "quote a value that starts with ':'"
        default: nil
        }
    }

    mutating func resolveAlias(_ token: YAMLToken) throws(YAMLSyntaxError) -> JSONNode {
        let name = text(of: token)
        switch anchors[name] {
        case nil:
            throw fail("unknown alias '*\(name)'", at: token.start, hint: "define the anchor '&\(name)' before using it")
        case .inProgress:
            throw fail("alias '*\(name)' refers to a node that contains it (a recursive alias)", at: token.start, hint: "recursive structures cannot be represented as JSON")
        case .done(let node):
            let size = Self.countNodes(node.value, limit: aliasBudget)
            aliasBudget -= size
            if aliasBudget < 0 {
                throw fail("aliases expand to more than \(limits.maxAliasExpansions) nodes", at: token.start, hint: "this looks like an alias bomb; raise ReaderLimits.maxAliasExpansions if the document is trusted")
            }
            return JSONNode(node.value, offset: token.start)
        }
    }

    /// Counts the nodes of a value, stopping once the count passes `limit`.
    static func countNodes(_ value: JSONValue, limit: Int) -> Int {
        var total = 1
        switch value {
        case .array(let items):
            for item in items {
                total += countNodes(item.value, limit: limit - total)
                if total > limit { return total }
            }
        case .object(let object):
            for entry in object.entries {
                total += countNodes(entry.value.value, limit: limit - total)
                if total > limit { return total }
            }
        default:
            break
        }
        return total
    }

    // MARK: - Block collections

    mutating func parseBlockSequence(start: Int) throws(YAMLSyntaxError) -> JSONNode {
        try enterCollection(at: start)
        var items: [JSONNode] = []
        while true {
            let token = try peek()
            switch token.kind {
            case .blockEntry:
                index += 1
                path.append(.index(items.count))
                let next = try peek()
                if next.kind == .blockEntry || next.kind == .blockEnd {
                    items.append(JSONNode(.null, offset: token.start + 1))
                } else {
                    items.append(try parseNode(block: true, indentless: false))
                }
                path.removeLast()
            case .blockEnd:
                index += 1
                return leave(JSONNode(.array(items), offset: start))
            default:
                throw fail("expected '- ' or the end of the sequence, found \(token.kind.description)", at: token.start, hint: "check the indentation of this line")
            }
        }
    }

    mutating func parseIndentlessSequence(start: Int) throws(YAMLSyntaxError) -> JSONNode {
        try enter(at: start)
        var items: [JSONNode] = []
        while try peek().kind == .blockEntry {
            let token = tokens[index]
            index += 1
            path.append(.index(items.count))
            let next = try peek()
            switch next.kind {
            case .blockEntry, .key, .value, .blockEnd:
                items.append(JSONNode(.null, offset: token.start + 1))
            default:
                items.append(try parseNode(block: true, indentless: false))
            }
            path.removeLast()
        }
        return leave(JSONNode(.array(items), offset: start))
    }

    mutating func parseBlockMapping(start: Int) throws(YAMLSyntaxError) -> JSONNode {
        try enterCollection(at: start)
        var builder = MappingBuilder()
        while true {
            let token = try peek()
            var keyNode: JSONNode
            var isMerge = false
            switch token.kind {
            case .key:
                index += 1
                let next = try peek()
                switch next.kind {
                case .key, .value, .blockEnd:
                    keyNode = JSONNode(.null, offset: token.start)
                default:
                    isMerge = next.kind == .scalar && next.style == .plain && rawEquals(next, "<<")
                    keyNode = try parseNode(block: true, indentless: true)
                }
            case .value:
                keyNode = JSONNode(.null, offset: token.start)
            case .blockEnd:
                index += 1
                return leave(try builder.finish(offset: start, parser: &self))
            default:
                throw fail("expected a mapping key or the end of the mapping, found \(token.kind.description)", at: token.start, hint: "check the indentation of this line")
            }
            let key = try keyString(keyNode)
            path.append(.key(key))
            var value: JSONNode
            let valueToken = try peek()
            if valueToken.kind == .value {
                index += 1
                let next = try peek()
                switch next.kind {
                case .key, .value, .blockEnd:
                    value = JSONNode(.null, offset: valueToken.start + 1)
                default:
                    value = try parseNode(block: true, indentless: true)
                }
            } else {
                value = JSONNode(.null, offset: valueToken.start)
            }
            try builder.add(key: key, keyOffset: keyNode.offset, value: value, isMerge: isMerge, parser: &self)
            path.removeLast()
        }
    }

    // MARK: - Flow collections

    /// The first token of the next entry of a flow sequence or mapping, past the `,` after the previous entry;
    /// nil, with the closing `]` or `}` consumed, when the collection ends.
    mutating func nextFlowEntry(after first: inout Bool, end: YAMLTokenKind) throws(YAMLSyntaxError) -> YAMLToken? {
        var token = try peek()
        if token.kind == end { index += 1; return nil }
        if !first {
            guard token.kind == .flowEntry else {
                let (closer, collection) = end == .flowSequenceEnd ? ("]", "sequence") : ("}", "mapping")
                throw fail("expected ',' or '\(closer)' in a flow \(collection), found \(token.kind.description)", at: token.start, hint: "separate entries with ','")
            }
            index += 1
            token = try peek()
            if token.kind == end { index += 1; return nil }
        }
        first = false
        return token
    }

    mutating func parseFlowSequence(start: Int) throws(YAMLSyntaxError) -> JSONNode {
        try enterCollection(at: start)
        var items: [JSONNode] = []
        var first = true
        while let token = try nextFlowEntry(after: &first, end: .flowSequenceEnd) {
            path.append(.index(items.count))
            if token.kind == .key || token.kind == .value {
                // A single-pair mapping such as [a: b].
                var builder = MappingBuilder()
                try addFlowPair(to: &builder, end: .flowSequenceEnd)
                items.append(try builder.finish(offset: token.start, parser: &self))
                continue
            }
            items.append(try parseNode(block: false, indentless: false))
            path.removeLast()
        }
        return leave(JSONNode(.array(items), offset: start))
    }

    mutating func parseFlowMapping(start: Int) throws(YAMLSyntaxError) -> JSONNode {
        try enterCollection(at: start)
        var builder = MappingBuilder()
        var first = true
        while try nextFlowEntry(after: &first, end: .flowMappingEnd) != nil {
            try addFlowPair(to: &builder, end: .flowMappingEnd)
        }
        return leave(try builder.finish(offset: start, parser: &self))
    }

    /// One flow `key: value` entry into `builder` (its key's step taken off `path` again).
    mutating func addFlowPair(to builder: inout MappingBuilder, end: YAMLTokenKind) throws(YAMLSyntaxError) {
        let (key, keyOffset, value, isMerge) = try parseFlowPair(end: end)
        try builder.add(key: key, keyOffset: keyOffset, value: value, isMerge: isMerge, parser: &self)
        path.removeLast()
    }

    /// One `key: value` entry in flow context; leaves the key pushed on `path`.
    mutating func parseFlowPair(end: YAMLTokenKind) throws(YAMLSyntaxError) -> (String, Int, JSONNode, Bool) {
        var token = try peek()
        var keyNode: JSONNode
        var isMerge = false
        if token.kind == .key {
            index += 1
            token = try peek()
        }
        switch token.kind {
        case .value, .flowEntry, end:
            keyNode = JSONNode(.null, offset: token.start)
        default:
            isMerge = token.kind == .scalar && token.style == .plain && rawEquals(token, "<<")
            keyNode = try parseNode(block: false, indentless: false)
        }
        let key = try keyString(keyNode)
        path.append(.key(key))
        var value = JSONNode(.null, offset: keyNode.offset)
        let valueToken = try peek()
        if valueToken.kind == .value {
            index += 1
            let next = try peek()
            if next.kind == .flowEntry || next.kind == end {
                value = JSONNode(.null, offset: valueToken.start + 1)
            } else {
                value = try parseNode(block: false, indentless: false)
            }
        }
        return (key, keyNode.offset, value, isMerge)
    }

    /// The JSON key for a YAML key: strings as they are; numbers, booleans and null spelled as PyYAML
    /// followed by `json.dumps` writes them (`200`, `1.5`, `true`, `null`); collections are refused.
    func keyString(_ node: JSONNode) throws(YAMLSyntaxError) -> String {
        switch node.value {
        case .string(let text): return text
        case .number(let number):
            // A float key is spelled as Python's repr (which Swift's description matches): `1.50` → `1.5`.
            if number.text.contains("."), let value = Double(number.text), value.isFinite { return value.description }
            return number.text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .array, .object:
            throw fail("a mapping key must be a scalar, not \(node.value.typeName == "array" ? "a sequence" : "a mapping")", at: node.offset, hint: "JSON object keys are strings; complex YAML keys are not supported")
        }
    }
}

enum YAMLPathStep {
    case key(String)
    case index(Int)
}

enum YAMLAnchor {
    case inProgress
    case done(JSONNode)
}


/// Collects a mapping's entries, applying `<<` merge keys the way PyYAML does: merged entries come first
/// in the order they were merged, then the mapping's own; a key keeps its first position and its last value.
struct MappingBuilder {
    var object = JSONObject()
    var merged: [JSONObject.Entry] = []

    mutating func add(key: String, keyOffset: Int, value: JSONNode, isMerge: Bool, parser: inout YAMLParser) throws(YAMLSyntaxError) {
        if isMerge {
            switch value.value {
            case .object(let source):
                merged.append(contentsOf: source.entries)
            case .array(let items):
                var sources: [JSONObject] = []
                for item in items {
                    guard case .object(let source) = item.value else {
                        throw parser.fail("a merge key '<<' needs a mapping or a list of mappings", at: item.offset, hint: "merge only mappings, e.g. <<: [*base, *extra]")
                    }
                    sources.append(source)
                }
                for source in sources.reversed() { merged.append(contentsOf: source.entries) }
            default:
                throw parser.fail("a merge key '<<' needs a mapping or a list of mappings", at: value.offset, hint: "merge only mappings, e.g. <<: *base")
            }
            return
        }
        if object.count < 16 ? object.entries.contains(where: { $0.key == key }) : object.position(of: key) != nil {
            parser.duplicateKeys.append((key, keyOffset, parser.pointer))
        }
        object.append(JSONObject.Entry(key: key, keyOffset: keyOffset, value: value))
    }

    func finish(offset: Int, parser: inout YAMLParser) throws(YAMLSyntaxError) -> JSONNode {
        guard !merged.isEmpty else { return JSONNode(.object(object), offset: offset) }
        var order: [String] = []
        var latest: [String: JSONObject.Entry] = [:]
        for entry in merged + object.entries {
            if latest[entry.key] == nil { order.append(entry.key) }
            latest[entry.key] = entry
        }
        return JSONNode(.object(JSONObject(order.map { latest[$0]! })), offset: offset)
    }
}
