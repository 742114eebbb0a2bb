/// Turns YAML bytes into tokens: indentation becomes block-start/block-end tokens, and `key:` pairs
/// become KEY/VALUE tokens, with the KEY inserted afterwards where the key began ("simple keys").
///
/// The whole input is scanned before parsing. On a scanning error the tokens that are certainly final
/// are kept and the error is held in `pendingError`, so the parser can report it with a JSON pointer.
struct YAMLScanner {
    let b: UnsafeBufferPointer<UInt8>
    let count: Int
    let maxDepth: Int
    var pos = 0
    var line = 0
    var lineStart = 0
    var tokens: [YAMLToken] = []
    var strings: [String] = []
    var pendingError: YAMLSyntaxError?

    var flowLevel = 0
    var indent = -1
    var indents: [Int] = []
    var allowSimpleKey = true
    var simpleKeys: [SimpleKey?] = [nil]
    var lastWasJSONLike = false
    /// A tab was skipped as white space on the current line before the current token.
    var tabOnLine = false
    /// The current token is the first on its line.
    var firstOnLine = true
    var scratch: [UInt8] = []

    struct SimpleKey {
        var tokenNumber: Int
        var required: Bool
        var pos: Int
        var line: Int
        var column: Int
        var tabBefore: Bool
    }

    init(_ buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.maxDepth = maxDepth
        b = buffer
        count = buffer.count
        tokens.reserveCapacity(count / 8 + 16)
        scratch.reserveCapacity(1024)
        if count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {
            pos = 3
            lineStart = 3
        }
    }

    var column: Int { pos - lineStart }

    @inline(__always) func at(_ index: Int) -> UInt8 { index < count ? b[index] : 0 }

    @inline(__always) static func isBlankOrEnd(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0
    }

    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }

    @inline(__always) static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
    }

    /// Scans everything; afterwards `tokens` ends with `.streamEnd` unless `pendingError` is set.
    mutating func scanAll() {
        do {
            while true {
                try fetchNextToken()
                if tokens.last?.kind == .streamEnd { return }
            }
        } catch {
            pendingError = error
            // Tokens after a still-open simple key may yet receive a KEY in front of them: drop them.
            var keep = tokens.count
            for key in simpleKeys { if let key, key.tokenNumber < keep { keep = key.tokenNumber } }
            tokens.removeSubrange(keep...)
        }
    }

    func fail(_ message: String, at offset: Int? = nil, hint: String? = nil) -> YAMLSyntaxError {
        YAMLSyntaxError(message, at: offset ?? pos, hint: hint)
    }

    mutating func consumeBreak() {
        if b[pos] == 0x0D, at(pos + 1) == 0x0A { pos += 2 } else { pos += 1 }
        line += 1
        lineStart = pos
        tabOnLine = false
        firstOnLine = true
    }

    mutating func push(_ token: YAMLToken) {
        tokens.append(token)
        lastWasJSONLike = false
        firstOnLine = false
    }

    mutating func append(_ kind: YAMLTokenKind, at start: Int) {
        tokens.append(YAMLToken(kind, at: start))
        lastWasJSONLike = false
        firstOnLine = false
    }

    // MARK: - Dispatch

    mutating func fetchNextToken() throws(YAMLSyntaxError) {
        try scanToNextToken()
        try staleSimpleKeys()
        unwindIndent(column)
        guard pos < count else { return try fetchStreamEnd() }
        let c = b[pos]
        if column == 0 {
            if c == UInt8(ascii: "%") { return try fetchDirective() }
            if (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")), at(pos + 1) == c, at(pos + 2) == c, Self.isBlankOrEnd(at(pos + 3)) {
                return try fetchDocumentIndicator(c == UInt8(ascii: "-") ? .documentStart : .documentEnd)
            }
        }
        let next = at(pos + 1)
        switch c {
        case UInt8(ascii: "["): return try fetchFlowCollectionStart(.flowSequenceStart)
        case UInt8(ascii: "{"): return try fetchFlowCollectionStart(.flowMappingStart)
        case UInt8(ascii: "]"): return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"): return try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","): return try fetchFlowEntry()
        case UInt8(ascii: "-") where Self.isBlankOrEnd(next): return try fetchBlockEntry()
        case UInt8(ascii: "?") where Self.isBlankOrEnd(next) || (flowLevel > 0 && Self.isFlowIndicator(next)): return try fetchKey()
        case UInt8(ascii: ":") where Self.isBlankOrEnd(next) || (flowLevel > 0 && (Self.isFlowIndicator(next) || lastWasJSONLike)):
            return try fetchValue()
        case UInt8(ascii: "*"): return try fetchAnchorOrAlias(.alias)
        case UInt8(ascii: "&"): return try fetchAnchorOrAlias(.anchor)
        case UInt8(ascii: "!"): return try fetchTag()
        case UInt8(ascii: "|") where flowLevel == 0: return try fetchBlockScalar(folded: false)
        case UInt8(ascii: ">") where flowLevel == 0: return try fetchBlockScalar(folded: true)
        case UInt8(ascii: "'"): return try fetchQuoted(double: false)
        case UInt8(ascii: "\""): return try fetchQuoted(double: true)
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            guard !Self.isBlankOrEnd(next), !(flowLevel > 0 && Self.isFlowIndicator(next)) else {
                throw fail("'\(Character(Unicode.Scalar(c)))' cannot start a plain scalar here", hint: "quote the value")
            }
            return try fetchPlain()
        case UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            throw fail("'\(Character(Unicode.Scalar(c)))' cannot start a plain scalar", hint: "quote the value")
        case 0x09:
            throw fail("a tab cannot be used for indentation", hint: "indent with spaces")
        default:
            return try fetchPlain()
        }
    }

    mutating func scanToNextToken() throws(YAMLSyntaxError) {
        while true {
            while pos < count {
                let c = b[pos]
                if c == 0x20 { pos += 1; continue }
                if c == 0x09 { tabOnLine = true; pos += 1; continue }
                break
            }
            guard pos < count else { return }
            if b[pos] == UInt8(ascii: "#") {
                if pos > lineStart, !Self.isBlankOrEnd(b[pos - 1]) {
                    throw fail("a comment must be separated from the text before it by a space")
                }
                while pos < count, !Self.isBreak(b[pos]) { pos += 1 }
            }
            if pos < count, Self.isBreak(b[pos]) {
                consumeBreak()
                if flowLevel == 0 { allowSimpleKey = true }
                continue
            }
            if firstOnLine { try checkFlowLineIndentation() }
            return
        }
    }

    /// Lines inside a flow collection must be indented more than the block that holds it (closing
    /// brackets excepted, as common YAML writers put them at the parent's column).
    func checkFlowLineIndentation() throws(YAMLSyntaxError) {
        guard flowLevel > 0, indent >= 0, pos < count else { return }
        var spaces = lineStart
        while spaces < count, b[spaces] == 0x20 { spaces += 1 }
        let c = b[pos]
        if spaces - lineStart <= indent, c != UInt8(ascii: "]"), c != UInt8(ascii: "}"), !Self.isBreak(c), c != UInt8(ascii: "#") {
            throw fail("this line of a flow collection must be indented more than its parent (\(indent) spaces)", hint: "indent the line with spaces")
        }
    }

    func tabIndentationError() -> YAMLSyntaxError {
        fail("a tab cannot be used to indent a block collection", hint: "indent with spaces")
    }

    // MARK: - Simple keys and indentation

    mutating func staleSimpleKeys() throws(YAMLSyntaxError) {
        for level in simpleKeys.indices {
            guard let key = simpleKeys[level] else { continue }
            if key.line != line || pos - key.pos > 1024 {
                if key.required {
                    throw fail("could not find the ':' of this mapping key", at: key.pos, hint: "an implicit key must be on one line and followed by ': '")
                }
                simpleKeys[level] = nil
            }
        }
    }

    mutating func saveSimpleKey() throws(YAMLSyntaxError) {
        let required = flowLevel == 0 && indent == column
        guard allowSimpleKey else { return }
        try removeSimpleKey()
        simpleKeys[flowLevel] = SimpleKey(tokenNumber: tokens.count, required: required, pos: pos, line: line, column: column, tabBefore: tabOnLine)
    }

    mutating func removeSimpleKey() throws(YAMLSyntaxError) {
        if let key = simpleKeys[flowLevel], key.required {
            throw fail("could not find the ':' of this mapping key", at: key.pos, hint: "an implicit key must be on one line and followed by ': '")
        }
        simpleKeys[flowLevel] = nil
    }

    mutating func unwindIndent(_ column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(.blockEnd, at: pos)
            indent = indents.removeLast()
        }
    }

    mutating func addIndent(_ column: Int) -> Bool {
        guard indent < column else { return false }
        indents.append(indent)
        indent = column
        return true
    }

    // MARK: - Indicators

    mutating func fetchStreamEnd() throws(YAMLSyntaxError) {
        unwindIndent(-1)
        try removeSimpleKey()
        allowSimpleKey = false
        if flowLevel > 0 {
            throw fail("the file ends inside a flow collection", hint: "add the missing ']' or '}'")
        }
        append(.streamEnd, at: count)
    }

    mutating func fetchDirective() throws(YAMLSyntaxError) {
        unwindIndent(-1)
        try removeSimpleKey()
        allowSimpleKey = false
        var token = YAMLToken(.directive, at: pos)
        pos += 1
        token.valueStart = pos
        while pos < count, !Self.isBreak(b[pos]) {
            if b[pos] == UInt8(ascii: "#"), Self.isBlankOrEnd(b[pos - 1]) { break }
            pos += 1
        }
        var end = pos
        while end > token.valueStart, b[end - 1] == 0x20 || b[end - 1] == 0x09 { end -= 1 }
        token.valueEnd = end
        push(token)
        lastWasJSONLike = false
    }

    mutating func fetchDocumentIndicator(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
        unwindIndent(-1)
        try removeSimpleKey()
        allowSimpleKey = false
        if flowLevel > 0 {
            throw fail("a document marker cannot appear inside a flow collection", hint: "close the '[' or '{' first")
        }
        append(kind, at: pos)
        pos += 3
        if kind == .documentEnd {
            while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
            if pos < count, !Self.isBreak(b[pos]), b[pos] != UInt8(ascii: "#") {
                throw fail("only a comment may follow '...' on its line")
            }
        }
    }

    mutating func fetchFlowCollectionStart(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
        if flowLevel >= maxDepth {
            throw fail("nesting is deeper than \(maxDepth) levels", hint: "flatten the document")
        }
        try saveSimpleKey()
        flowLevel += 1
        simpleKeys.append(nil)
        allowSimpleKey = true
        append(kind, at: pos)
        pos += 1
    }

    mutating func fetchFlowCollectionEnd(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
        guard flowLevel > 0 else {
            throw fail("'\(kind == .flowSequenceEnd ? "]" : "}")' without a matching '\(kind == .flowSequenceEnd ? "[" : "{")'", hint: "quote the value if the bracket is part of the text")
        }
        try removeSimpleKey()
        flowLevel -= 1
        simpleKeys.removeLast()
        allowSimpleKey = false
        append(kind, at: pos)
        lastWasJSONLike = true
        pos += 1
    }

    mutating func fetchFlowEntry() throws(YAMLSyntaxError) {
        guard flowLevel > 0 else {
            throw fail("',' cannot start a plain scalar", hint: "quote the value")
        }
        try appendIndicator(.flowEntry)
    }

    /// A one-character indicator after which a simple key may start (`,` in flow, `-` in block).
    private mutating func appendIndicator(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
        allowSimpleKey = true
        try removeSimpleKey()
        append(kind, at: pos)
        pos += 1
    }

    mutating func fetchBlockEntry() throws(YAMLSyntaxError) {
        if flowLevel == 0 {
            guard allowSimpleKey else {
                throw fail("a sequence entry '-' is not allowed here", hint: "start the sequence on its own line")
            }
            if tabOnLine { throw tabIndentationError() }
            if addIndent(column) { append(.blockSequenceStart, at: pos) }
        } else {
            throw fail("a block sequence entry '- ' cannot appear inside a flow collection", hint: "separate flow entries with ','")
        }
        try appendIndicator(.blockEntry)
    }

    mutating func fetchKey() throws(YAMLSyntaxError) {
        if flowLevel == 0 {
            guard allowSimpleKey else {
                throw fail("a mapping key '?' is not allowed here")
            }
            if tabOnLine { throw tabIndentationError() }
            if addIndent(column) { append(.blockMappingStart, at: pos) }
        }
        allowSimpleKey = flowLevel == 0
        try removeSimpleKey()
        append(.key, at: pos)
        pos += 1
    }

    mutating func fetchValue() throws(YAMLSyntaxError) {
        if let key = simpleKeys[flowLevel] {
            simpleKeys[flowLevel] = nil
            if flowLevel == 0, key.tabBefore {
                throw YAMLSyntaxError("a tab cannot be used to indent a block mapping key", at: key.pos, hint: "indent with spaces")
            }
            tokens.insert(YAMLToken(.key, at: key.pos), at: key.tokenNumber)
            if flowLevel == 0, addIndent(key.column) {
                tokens.insert(YAMLToken(.blockMappingStart, at: key.pos), at: key.tokenNumber)
            }
            allowSimpleKey = false
        } else {
            if flowLevel == 0 {
                guard allowSimpleKey else {
                    throw fail("a mapping value is not allowed here", hint: "a plain value cannot contain ': '; quote it, or put a nested mapping on the next line")
                }
                if addIndent(column) { append(.blockMappingStart, at: pos) }
            }
            allowSimpleKey = flowLevel == 0
            try removeSimpleKey()
        }
        append(.value, at: pos)
        pos += 1
    }

    mutating func fetchAnchorOrAlias(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
        try saveSimpleKey()
        allowSimpleKey = false
        var token = YAMLToken(kind, at: pos)
        pos += 1
        token.valueStart = pos
        while pos < count, !Self.isBlankOrEnd(b[pos]), !Self.isFlowIndicator(b[pos]) { pos += 1 }
        token.valueEnd = pos
        if token.valueEnd == token.valueStart {
            throw fail("\(kind == .alias ? "an alias '*'" : "an anchor '&'") needs a name", at: token.start)
        }
        push(token)
        lastWasJSONLike = false
    }

    mutating func fetchTag() throws(YAMLSyntaxError) {
        try saveSimpleKey()
        allowSimpleKey = false
        var token = YAMLToken(.tag, at: pos)
        token.valueStart = pos
        if at(pos + 1) == UInt8(ascii: "<") {
            pos += 2
            while pos < count, b[pos] != UInt8(ascii: ">"), !Self.isBlankOrEnd(b[pos]) { pos += 1 }
            guard at(pos) == UInt8(ascii: ">") else { throw fail("a verbatim tag '!<…>' needs its closing '>'", at: token.start) }
            pos += 1
        } else {
            pos += 1
            while pos < count, !Self.isBlankOrEnd(b[pos]), !Self.isFlowIndicator(b[pos]) { pos += 1 }
        }
        token.valueEnd = pos
        guard Self.isBlankOrEnd(at(pos)) || (flowLevel > 0 && Self.isFlowIndicator(at(pos))) else {
            throw fail("a tag must be followed by a space", at: pos)
        }
        push(token)
        lastWasJSONLike = false
    }
}
