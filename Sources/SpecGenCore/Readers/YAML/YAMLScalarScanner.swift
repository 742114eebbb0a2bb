/// The scalars of `YAMLScanner`: plain, single- and double-quoted (with escapes) and block scalars (`|`, `>`).
extension YAMLScanner {
    mutating func cook() -> Int32 {
        strings.append(String(decoding: scratch, as: UTF8.self))
        return Int32(strings.count - 1)
    }

    mutating func fetchPlain() throws(YAMLSyntaxError) {
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

    func isDocumentMarker() -> Bool {
        let c = at(pos)
        return (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) && at(pos + 1) == c && at(pos + 2) == c && Self.isBlankOrEnd(at(pos + 3))
    }

    mutating func fetchQuoted(double: Bool) throws(YAMLSyntaxError) {
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

    mutating func scanEscape(quotedStart: Int) throws(YAMLSyntaxError) {
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

    mutating func appendScalar(_ value: UInt32) {
        UTF8Bytes.append(value, to: &scratch)
    }

    /// A line of only white space whose indentation holds a tab cannot be an empty line of a block scalar.
    func checkNoTabInEmptyLine() throws(YAMLSyntaxError) {
        guard pos < count, b[pos] == 0x09 else { return }
        var index = pos
        while index < count, b[index] == 0x20 || b[index] == 0x09 { index += 1 }
        if index >= count || Self.isBreak(b[index]) {
            throw fail("a tab in the indentation of an empty line of a block scalar", hint: "remove the tab or indent with spaces")
        }
    }

    mutating func fetchBlockScalar(folded: Bool) throws(YAMLSyntaxError) {
        allowSimpleKey = true
        try removeSimpleKey()
        var token = YAMLToken(.scalar, at: pos)
        token.style = folded ? .folded : .literal
        pos += 1
        let (chomping, increment) = try blockScalarHeader(folded: folded)
        scratch.removeAll(keepingCapacity: true)
        let (blockIndent, leadingBreaks) = try blockScalarIndentation(increment: increment)
        try blockScalarBody(folded: folded, blockIndent: blockIndent, leadingBreaks: leadingBreaks, chomping: chomping)
        token.cooked = cook()
        push(token)
        lastWasJSONLike = false
    }

    /// The header after `|` or `>`: chomping (`+` 1, `-` -1, none 0) and indentation indicators in either order,
    /// an optional comment, the line break.
    private mutating func blockScalarHeader(folded: Bool) throws(YAMLSyntaxError) -> (chomping: Int, increment: Int) {
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
        return (chomping, increment)
    }

    /// The block scalar's indentation (given by the indicator, else that of its first non-empty line) and the
    /// number of empty lines before its first text line; leaves `pos` at that line's text.
    private mutating func blockScalarIndentation(increment: Int) throws(YAMLSyntaxError) -> (indent: Int, leadingBreaks: Int) {
        let parentIndent = indent
        var blockIndent: Int
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
        return (blockIndent, leadingBreaks)
    }

    /// The text lines of a block scalar at `blockIndent`, folded or kept, into `scratch`; `chomping` as in
    /// `blockScalarHeader`.
    private mutating func blockScalarBody(folded: Bool, blockIndent: Int, leadingBreaks: Int, chomping: Int) throws(YAMLSyntaxError) {
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
    }
}
