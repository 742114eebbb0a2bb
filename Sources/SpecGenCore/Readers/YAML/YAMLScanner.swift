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

    private var flowLevel = 0
    private var indent = -1
    private var indents: [Int] = []
    private var allowSimpleKey = true
    private var simpleKeys: [SimpleKey?] = [nil]
    private var lastWasJSONLike = false
    /// A tab was skipped as white space on the current line before the current token.
    private var tabOnLine = false
    /// The current token is the first on its line.
    private var firstOnLine = true
    private var scratch: [UInt8] = []

    private struct SimpleKey {
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

    private func fail(_ message: String, at offset: Int? = nil, hint: String? = nil) -> YAMLSyntaxError {
        YAMLSyntaxError(message, at: offset ?? pos, hint: hint)
    }

    private mutating func consumeBreak() {
        if b[pos] == 0x0D, at(pos + 1) == 0x0A { pos += 2 } else { pos += 1 }
        line += 1
        lineStart = pos
        tabOnLine = false
        firstOnLine = true
    }

    private mutating func push(_ token: YAMLToken) {
        tokens.append(token)
        lastWasJSONLike = false
        firstOnLine = false
    }

    private mutating func append(_ kind: YAMLTokenKind, at start: Int) {
        tokens.append(YAMLToken(kind, at: start))
        lastWasJSONLike = false
        firstOnLine = false
    }

    // MARK: - Dispatch

    private mutating func fetchNextToken() throws(YAMLSyntaxError) {
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

    private mutating func scanToNextToken() throws(YAMLSyntaxError) {
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
    private func checkFlowLineIndentation() throws(YAMLSyntaxError) {
        guard flowLevel > 0, indent >= 0, pos < count else { return }
        var spaces = lineStart
        while spaces < count, b[spaces] == 0x20 { spaces += 1 }
        let c = b[pos]
        if spaces - lineStart <= indent, c != UInt8(ascii: "]"), c != UInt8(ascii: "}"), !Self.isBreak(c), c != UInt8(ascii: "#") {
            throw fail("this line of a flow collection must be indented more than its parent (\(indent) spaces)", hint: "indent the line with spaces")
        }
    }

    private func tabIndentationError() -> YAMLSyntaxError {
        fail("a tab cannot be used to indent a block collection", hint: "indent with spaces")
    }

    // MARK: - Simple keys and indentation

    private mutating func staleSimpleKeys() throws(YAMLSyntaxError) {
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

    private mutating func saveSimpleKey() throws(YAMLSyntaxError) {
        let required = flowLevel == 0 && indent == column
        guard allowSimpleKey else { return }
        try removeSimpleKey()
        simpleKeys[flowLevel] = SimpleKey(tokenNumber: tokens.count, required: required, pos: pos, line: line, column: column, tabBefore: tabOnLine)
    }

    private mutating func removeSimpleKey() throws(YAMLSyntaxError) {
        if let key = simpleKeys[flowLevel], key.required {
            throw fail("could not find the ':' of this mapping key", at: key.pos, hint: "an implicit key must be on one line and followed by ': '")
        }
        simpleKeys[flowLevel] = nil
    }

    private mutating func unwindIndent(_ column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(.blockEnd, at: pos)
            indent = indents.removeLast()
        }
    }

    private mutating func addIndent(_ column: Int) -> Bool {
        guard indent < column else { return false }
        indents.append(indent)
        indent = column
        return true
    }

    // MARK: - Indicators

    private mutating func fetchStreamEnd() throws(YAMLSyntaxError) {
        unwindIndent(-1)
        try removeSimpleKey()
        allowSimpleKey = false
        if flowLevel > 0 {
            throw fail("the file ends inside a flow collection", hint: "add the missing ']' or '}'")
        }
        append(.streamEnd, at: count)
    }

    private mutating func fetchDirective() throws(YAMLSyntaxError) {
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

    private mutating func fetchDocumentIndicator(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
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

    private mutating func fetchFlowCollectionStart(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
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

    private mutating func fetchFlowCollectionEnd(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
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

    private mutating func fetchFlowEntry() throws(YAMLSyntaxError) {
        guard flowLevel > 0 else {
            throw fail("',' cannot start a plain scalar", hint: "quote the value")
        }
        allowSimpleKey = true
        try removeSimpleKey()
        append(.flowEntry, at: pos)
        pos += 1
    }

    private mutating func fetchBlockEntry() throws(YAMLSyntaxError) {
        if flowLevel == 0 {
            guard allowSimpleKey else {
                throw fail("a sequence entry '-' is not allowed here", hint: "start the sequence on its own line")
            }
            if tabOnLine { throw tabIndentationError() }
            if addIndent(column) { append(.blockSequenceStart, at: pos) }
        } else {
            throw fail("a block sequence entry '- ' cannot appear inside a flow collection", hint: "separate flow entries with ','")
        }
        allowSimpleKey = true
        try removeSimpleKey()
        append(.blockEntry, at: pos)
        pos += 1
    }

    private mutating func fetchKey() throws(YAMLSyntaxError) {
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

    private mutating func fetchValue() throws(YAMLSyntaxError) {
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

    private mutating func fetchAnchorOrAlias(_ kind: YAMLTokenKind) throws(YAMLSyntaxError) {
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

    private mutating func fetchTag() throws(YAMLSyntaxError) {
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

    // MARK: - Scalars

    private mutating func cook() -> Int32 {
        strings.append(String(decoding: scratch, as: UTF8.self))
        return Int32(strings.count - 1)
    }

    private mutating func fetchPlain() throws(YAMLSyntaxError) {
        try saveSimpleKey()
        allowSimpleKey = false
        var token = YAMLToken(.scalar, at: pos)
        token.style = .plain
        let minIndent = indent + 1
        let start = pos
        var end = pos
        var multiChunk = false
        var pendingBreaks = 0
        var pendingSpacesStart = 0, pendingSpacesEnd = 0
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard pos < count, b[pos] != UInt8(ascii: "#") else { break }
            let chunkStart = pos
            while pos < count {
                let c = b[pos]
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { break }
                if c == UInt8(ascii: ":") {
                    let next = at(pos + 1)
                    if Self.isBlankOrEnd(next) || (flowLevel > 0 && Self.isFlowIndicator(next)) { break }
                } else if flowLevel > 0, Self.isFlowIndicator(c) {
                    break
                }
                pos += 1
            }
            if pos == chunkStart { break }
            if chunkStart != start {
                if !multiChunk {
                    multiChunk = true
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<end]))
                }
                if pendingBreaks == 0 {
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[pendingSpacesStart..<pendingSpacesEnd]))
                } else if pendingBreaks == 1 {
                    scratch.append(0x20)
                } else {
                    for _ in 1..<pendingBreaks { scratch.append(0x0A) }
                }
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[chunkStart..<pos]))
            }
            end = pos
            // Whitespace and line breaks after the chunk.
            pendingSpacesStart = pos
            while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
            pendingSpacesEnd = pos
            pendingBreaks = 0
            if pos < count, Self.isBreak(b[pos]) {
                while pos < count, Self.isBreak(b[pos]) {
                    consumeBreak()
                    pendingBreaks += 1
                    while pos < count, b[pos] == 0x20 { pos += 1 }
                    if column == 0, isDocumentMarker() { break }
                    // Tabs may follow the indentation of a continuation line.
                    if flowLevel > 0 || column >= minIndent {
                        while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
                    }
                }
                if flowLevel == 0 { allowSimpleKey = true }
                if column == 0, isDocumentMarker() { break }
                if flowLevel == 0, column < minIndent { break }
                try checkFlowLineIndentation()
            } else if pendingSpacesEnd == pendingSpacesStart {
                break
            }
        }
        token.valueStart = start
        token.valueEnd = end
        if multiChunk { token.cooked = cook() }
        push(token)
        lastWasJSONLike = false
    }

    private func isDocumentMarker() -> Bool {
        let c = at(pos)
        return (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) && at(pos + 1) == c && at(pos + 2) == c && Self.isBlankOrEnd(at(pos + 3))
    }

    private mutating func fetchQuoted(double: Bool) throws(YAMLSyntaxError) {
        try saveSimpleKey()
        allowSimpleKey = false
        var token = YAMLToken(.scalar, at: pos)
        token.style = double ? .doubleQuoted : .singleQuoted
        let quote: UInt8 = double ? 0x22 : 0x27
        pos += 1
        let contentStart = pos
        var segmentStart = pos
        var simple = true
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard pos < count else {
                throw fail("this quoted scalar is never closed", at: token.start, hint: "add the closing \(double ? "'\"'" : "\"'\"")")
            }
            let c = b[pos]
            if c == quote {
                if !double, at(pos + 1) == quote {
                    simple = false
                    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<pos]))
                    scratch.append(quote)
                    pos += 2
                    segmentStart = pos
                    continue
                }
                break
            }
            if double, c == UInt8(ascii: "\\") {
                simple = false
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<pos]))
                try scanEscape(quotedStart: token.start)
                segmentStart = pos
                continue
            }
            if c == 0x20 || c == 0x09 || Self.isBreak(c) {
                let whitespaceStart = pos
                while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
                guard pos < count, Self.isBreak(b[pos]) else { continue }
                // A line break inside the scalar: fold it.
                simple = false
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<whitespaceStart]))
                var breaks = 0
                while pos < count, Self.isBreak(b[pos]) {
                    consumeBreak()
                    breaks += 1
                    while pos < count, b[pos] == 0x20 { pos += 1 }
                    if column == 0, isDocumentMarker() {
                        throw fail("a document marker inside a quoted scalar", hint: "indent the continuation lines, or close the quote")
                    }
                    if pos < count, !Self.isBreak(b[pos]), column <= indent {
                        throw fail("the continuation line of a quoted scalar must be indented more than its parent", hint: "indent the line")
                    }
                    while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
                }
                if breaks == 1 {
                    scratch.append(0x20)
                } else {
                    for _ in 1..<breaks { scratch.append(0x0A) }
                }
                segmentStart = pos
                continue
            }
            pos += 1
        }
        if simple {
            token.valueStart = contentStart
            token.valueEnd = pos
        } else {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<pos]))
            token.cooked = cook()
        }
        pos += 1
        push(token)
        lastWasJSONLike = true
    }

    private mutating func scanEscape(quotedStart: Int) throws(YAMLSyntaxError) {
        let escapeStart = pos
        pos += 1
        guard pos < count else { throw fail("this quoted scalar is never closed", at: quotedStart) }
        let c = b[pos]
        pos += 1
        var hexDigits = 0
        switch c {
        case UInt8(ascii: "0"): scratch.append(0)
        case UInt8(ascii: "a"): scratch.append(7)
        case UInt8(ascii: "b"): scratch.append(8)
        case UInt8(ascii: "t"), 0x09: scratch.append(9)
        case UInt8(ascii: "n"): scratch.append(10)
        case UInt8(ascii: "v"): scratch.append(11)
        case UInt8(ascii: "f"): scratch.append(12)
        case UInt8(ascii: "r"): scratch.append(13)
        case UInt8(ascii: "e"): scratch.append(27)
        case 0x20: scratch.append(0x20)
        case UInt8(ascii: "\""): scratch.append(0x22)
        case UInt8(ascii: "/"): scratch.append(0x2F)
        case UInt8(ascii: "\\"): scratch.append(0x5C)
        case UInt8(ascii: "N"): appendScalar(0x85)
        case UInt8(ascii: "_"): appendScalar(0xA0)
        case UInt8(ascii: "L"): appendScalar(0x2028)
        case UInt8(ascii: "P"): appendScalar(0x2029)
        case UInt8(ascii: "x"): hexDigits = 2
        case UInt8(ascii: "u"): hexDigits = 4
        case UInt8(ascii: "U"): hexDigits = 8
        case 0x0A, 0x0D:
            // An escaped line break: the break and the next line's leading blanks vanish.
            pos -= 1
            consumeBreak()
            while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
            while pos < count, Self.isBreak(b[pos]) {
                consumeBreak()
                scratch.append(0x0A)
                while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
            }
            if column == 0, isDocumentMarker() {
                throw fail("a document marker inside a quoted scalar", hint: "indent the continuation lines, or close the quote")
            }
        default:
            throw fail("unknown escape '\\\(c < 0x80 && c >= 0x20 ? String(Character(Unicode.Scalar(c))) : "?")'", at: escapeStart, hint: "YAML escapes are \\0 \\a \\b \\t \\n \\v \\f \\r \\e \\\" \\/ \\\\ \\N \\_ \\L \\P \\xXX \\uXXXX \\UXXXXXXXX")
        }
        guard hexDigits > 0 else { return }
        var value: UInt32 = 0
        for _ in 0..<hexDigits {
            let digit = at(pos)
            let nibble: UInt32
            switch digit {
            case 0x30...0x39: nibble = UInt32(digit - 0x30)
            case 0x41...0x46: nibble = UInt32(digit - 0x41 + 10)
            case 0x61...0x66: nibble = UInt32(digit - 0x61 + 10)
            default: throw fail("the escape needs \(hexDigits) hex digits", at: escapeStart)
            }
            value = value << 4 | nibble
            pos += 1
        }
        guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
            throw fail("the escape does not name a Unicode scalar (surrogate or too large)", at: escapeStart, hint: "write the character itself, or its \\U escape")
        }
        appendScalar(value)
    }

    private mutating func appendScalar(_ value: UInt32) {
        switch value {
        case 0..<0x80:
            scratch.append(UInt8(value))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | (value >> 6)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | (value >> 12)))
            scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        default:
            scratch.append(UInt8(0xF0 | (value >> 18)))
            scratch.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            scratch.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            scratch.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    /// A line of only white space whose indentation holds a tab cannot be an empty line of a block scalar.
    private func checkNoTabInEmptyLine() throws(YAMLSyntaxError) {
        guard pos < count, b[pos] == 0x09 else { return }
        var index = pos
        while index < count, b[index] == 0x20 || b[index] == 0x09 { index += 1 }
        if index >= count || Self.isBreak(b[index]) {
            throw fail("a tab in the indentation of an empty line of a block scalar", hint: "remove the tab or indent with spaces")
        }
    }

    private mutating func fetchBlockScalar(folded: Bool) throws(YAMLSyntaxError) {
        allowSimpleKey = true
        try removeSimpleKey()
        var token = YAMLToken(.scalar, at: pos)
        token.style = folded ? .folded : .literal
        pos += 1
        // Header: chomping and indentation indicators in either order.
        var chomping = 0
        var increment = 0
        for _ in 0..<2 {
            let c = at(pos)
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && chomping == 0 {
                chomping = c == UInt8(ascii: "+") ? 1 : -1
                pos += 1
            } else if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") && increment == 0 {
                increment = Int(c - UInt8(ascii: "0"))
                pos += 1
            } else if c == UInt8(ascii: "0") {
                throw fail("the indentation indicator of a block scalar must be 1 to 9")
            }
        }
        let headerEnd = pos
        while pos < count, b[pos] == 0x20 || b[pos] == 0x09 { pos += 1 }
        if pos < count, b[pos] == UInt8(ascii: "#") {
            if pos == headerEnd { throw fail("a comment must be separated from the block scalar header by a space") }
            while pos < count, !Self.isBreak(b[pos]) { pos += 1 }
        }
        guard pos >= count || Self.isBreak(b[pos]) else {
            throw fail("only a comment may follow a block scalar header '\(folded ? ">" : "|")' on its line", hint: "put the text on the following lines, indented")
        }
        if pos < count { consumeBreak() }

        let parentIndent = indent
        var blockIndent: Int
        scratch.removeAll(keepingCapacity: true)
        var leadingBreaks = 0
        if increment > 0 {
            blockIndent = max(parentIndent, 0) + increment
            // Leading empty lines.
            while true {
                while pos < count, b[pos] == 0x20, column < blockIndent { pos += 1 }
                guard pos < count, Self.isBreak(b[pos]) else { break }
                consumeBreak()
                leadingBreaks += 1
            }
        } else {
            // Auto-detect from the first non-empty line; leading empty lines may not be longer.
            var maxEmptyIndent = 0
            var maxEmptyOffset = pos
            while true {
                while pos < count, b[pos] == 0x20 { pos += 1 }
                if pos < count, b[pos] == 0x09, column <= parentIndent { try checkNoTabInEmptyLine() }
                if pos >= count, column > 0 { leadingBreaks += 1 }
                guard pos < count, Self.isBreak(b[pos]) else { break }
                if column > maxEmptyIndent { maxEmptyIndent = column; maxEmptyOffset = pos }
                consumeBreak()
                leadingBreaks += 1
            }
            blockIndent = max(column, parentIndent + 1)
            if pos >= count { blockIndent = max(maxEmptyIndent, parentIndent + 1) }
            if pos < count, maxEmptyIndent > column, column > parentIndent {
                throw fail("a leading empty line of this block scalar has more spaces than its first text line", at: maxEmptyOffset, hint: "remove the trailing spaces, or use an indentation indicator such as |2")
            }
            if blockIndent < 1, parentIndent >= 0 { blockIndent = 1 }
            // Step back so the main loop sees this line's indentation.
            if pos < count {
                pos = lineStart
                while pos < count, b[pos] == 0x20, column < blockIndent { pos += 1 }
            }
        }

        var sawContent = false
        var previousMoreIndented = false
        var trailingBreaks = leadingBreaks  // breaks not yet written
        var pendingLineBreak = false        // the break ending the previous content line
        while pos < count, column == blockIndent {
            if blockIndent == 0, isDocumentMarker() { break }
            let moreIndented = b[pos] == 0x20 || b[pos] == 0x09
            if !sawContent {
                for _ in 0..<trailingBreaks { scratch.append(0x0A) }
            } else if pendingLineBreak {
                if folded, !previousMoreIndented, !moreIndented {
                    if trailingBreaks == 0 { scratch.append(0x20) }
                } else {
                    scratch.append(0x0A)
                }
                for _ in 0..<trailingBreaks { scratch.append(0x0A) }
            }
            sawContent = true
            previousMoreIndented = moreIndented
            let lineContent = pos
            while pos < count, !Self.isBreak(b[pos]) { pos += 1 }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: b[lineContent..<pos]))
            trailingBreaks = 0
            // The end of the file ends the last line as a line break would.
            pendingLineBreak = true
            guard pos < count else { break }
            consumeBreak()
            // Empty lines after this one.
            while true {
                while pos < count, b[pos] == 0x20, column < blockIndent { pos += 1 }
                try checkNoTabInEmptyLine()
                if pos >= count, column > 0 { trailingBreaks += 1 }
                guard pos < count, Self.isBreak(b[pos]) else { break }
                consumeBreak()
                trailingBreaks += 1
            }
        }
        switch chomping {
        case -1:
            break
        case 1:
            if sawContent, pendingLineBreak { scratch.append(0x0A) }
            for _ in 0..<trailingBreaks { scratch.append(0x0A) }
        default:
            if sawContent, pendingLineBreak { scratch.append(0x0A) }
        }
        token.cooked = cook()
        push(token)
        lastWasJSONLike = false
    }
}
