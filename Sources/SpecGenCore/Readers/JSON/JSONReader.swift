/// Reads RFC 8259 JSON into `JSONNode`s, keeping key order and the byte offset of every value.
///
/// Choices where the RFC leaves room (JSONTestSuite's `i_` cases, see docs/JSON.md): a leading UTF-8
/// BOM is skipped; duplicate keys are kept in `entries` (lookups return the last) and reported as
/// warnings; lone UTF-16 surrogate escapes become U+FFFD with a warning; numbers keep their text,
/// however large; invalid UTF-8 and UTF-16 input are rejected; nesting deeper than
/// `ReaderLimits.maxDepth` is rejected. Arrays and objects are read with an explicit stack, so no
/// depth limit can overflow the call stack.
public struct JSONReader: Sendable {
    public var limits: ReaderLimits

    /// A reader with these limits.
    public init(limits: ReaderLimits = .default) { self.limits = limits }

    /// Parses a whole file; throws `DiagnosticsError` with a located message on the first error.
    public func read(_ source: SourceFile) throws(DiagnosticsError) -> JSONDocument {
        if source.bytes.count > limits.maxBytes {
            throw DiagnosticsError(.error("input is \(source.bytes.count) bytes, more than the limit of \(limits.maxBytes)", at: SourceLocation(file: source.path, line: 1, column: 1), pointer: "", hint: "raise the limit with --max-input-bytes if this document is trusted"))
        }
        var parser = JSONParser(source: source, limits: limits)
        do {
            let root = try parser.parseDocument()
            return JSONDocument(source: source, root: root, warnings: parser.warnings)
        } catch {
            throw DiagnosticsError(.error(error.message, at: source.location(ofOffset: error.offset), pointer: error.pointer.description, hint: error.hint))
        }
    }

    /// Parses text held in memory (tests, config strings).
    public func read(text: String, path: String = "<memory>") throws(DiagnosticsError) -> JSONDocument {
        try read(SourceFile(path: path, text: text))
    }
}

struct JSONSyntaxError: Error {
    var message: String
    var offset: Int
    var pointer: JSONPointer
    var hint: String
}

/// One open array or object on the parser's stack.
private struct OpenContainer {
    let isObject: Bool
    /// Offset of the opening bracket.
    let start: Int
    var items: [JSONNode] = []
    var object = JSONObject()
    /// The member name whose value is being read (objects).
    var key = ""
    var keyOffset = 0
    /// True while a member value or an element is being read, so pointers include its key or index.
    var inValue = false

    init(isObject: Bool, start: Int) {
        self.isObject = isObject
        self.start = start
    }
}

private struct JSONParser {
    let source: SourceFile
    let bytes: [UInt8]
    let limits: ReaderLimits
    var position = 0
    var stack: [OpenContainer] = []
    var warnings: [Diagnostic] = []

    init(source: SourceFile, limits: ReaderLimits) {
        self.source = source
        self.bytes = source.bytes
        self.limits = limits
    }

    /// The pointer of the value being read.
    var pointer: JSONPointer {
        var tokens: [String] = []
        tokens.reserveCapacity(stack.count)
        for container in stack where container.inValue {
            tokens.append(container.isObject ? container.key : String(container.items.count))
        }
        return JSONPointer(tokens: tokens)
    }

    func fail(_ message: String, at offset: Int? = nil, hint: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset ?? position, pointer: pointer, hint: hint)
    }

    func lineColumn(_ offset: Int) -> String {
        let location = source.location(ofOffset: offset)
        return "\(location.line):\(location.column)"
    }

    // MARK: Structure

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        if looksLikeUTF16() {
            throw fail("the document is UTF-16 encoded; JSON text must be UTF-8", at: 0, hint: "save the file as UTF-8")
        }
        skipWhitespace()
        guard position < bytes.count else {
            throw fail("the document is empty", hint: "a JSON document holds one value, such as {}")
        }
        var value: JSONNode
        readValue: while true {
            // A value starts at `position` (whitespace already skipped).
            guard position < bytes.count else {
                throw fail("unexpected end of input; a value was expected", hint: stack.last.map { closingHint($0) } ?? "a JSON document holds one value, such as {}")
            }
            let start = position
            switch bytes[position] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[position] == UInt8(ascii: "{")
                try open(isObject: isObject)
                skipWhitespace()
                if position < bytes.count, bytes[position] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    let empty = stack.removeLast()
                    value = JSONNode(isObject ? .object(empty.object) : .array(empty.items), offset: start)
                } else {
                    if isObject { try readMemberName() } else { try beginElement() }
                    continue readValue
                }
            case UInt8(ascii: "\""): value = JSONNode(.string(try parseString()), offset: start)
            case UInt8(ascii: "t"): try expectLiteral("true"); value = JSONNode(.bool(true), offset: start)
            case UInt8(ascii: "f"): try expectLiteral("false"); value = JSONNode(.bool(false), offset: start)
            case UInt8(ascii: "n"): try expectLiteral("null"); value = JSONNode(.null, offset: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = JSONNode(.number(try parseNumber()), offset: start)
            case UInt8(ascii: "'"):
                throw fail("strings must use double quotes", hint: "replace ' with \"")
            case let byte:
                throw fail("unexpected \(describe(byte)); a value was expected", hint: "a value is an object, array, string, number, true, false or null")
            }
            // A complete value: attach it to the open containers, closing those that end here.
            if let complete = try attachToOpenContainers(value) {
                value = complete
                break readValue
            }
        }
        skipWhitespace()
        if position < bytes.count {
            throw fail("unexpected \(describe(bytes[position])) after the end of the document", hint: "a JSON document holds exactly one value; remove what follows it")
        }
        return value
    }

    /// Attaches a complete value to the open containers, closing those that end right after it. Returns the
    /// document's value once the outermost container closed (or for a lone scalar); nil when another value
    /// follows, its first byte at `position`.
    private mutating func attachToOpenContainers(_ completed: JSONNode) throws(JSONSyntaxError) -> JSONNode? {
        var value = completed
        while !stack.isEmpty {
            let top = stack.count - 1
            let isObject = stack[top].isObject
            if isObject {
                let key = stack[top].key
                if stack[top].object.position(of: key) != nil {
                    warnings.append(.warning("duplicate key \"\(key)\"; the last occurrence wins", at: source.location(ofOffset: stack[top].keyOffset), pointer: pointer.description, hint: "remove one of the members named \"\(key)\""))
                }
                stack[top].object.append(JSONObject.Entry(key: key, keyOffset: stack[top].keyOffset, value: value))
            } else {
                stack[top].items.append(value)
            }
            stack[top].inValue = false
            guard try closesAfterEntry(of: stack[top]) else {
                if isObject { try readMemberName() } else { try beginElement() }
                return nil
            }
            let closed = stack.removeLast()
            value = JSONNode(isObject ? .object(closed.object) : .array(closed.items), offset: closed.start)
        }
        return value
    }

    /// After a member or element of `container`: true when its `}` or `]` follows (consumed), false after a `,`
    /// (consumed, with the white space after it).
    private mutating func closesAfterEntry(of container: OpenContainer) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        let name = container.isObject ? "object" : "array"
        guard position < bytes.count else {
            throw fail("unexpected end of input inside the \(name) that starts at \(lineColumn(container.start))", hint: closingHint(container))
        }
        switch bytes[position] {
        case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            return false
        case container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"):
            position += 1
            return true
        default:
            if container.isObject {
                throw fail("expected ',' or '}' after an object member, found \(describe(bytes[position]))", hint: bytes[position] == UInt8(ascii: "\"") ? "add a ',' between members" : "separate members with ',' and close the object with '}'")
            }
            throw fail("expected ',' or ']' after an array element, found \(describe(bytes[position]))", hint: "separate elements with ',' and close the array with ']'")
        }
    }

    func closingHint(_ container: OpenContainer) -> String {
        container.isObject ? "add the missing '}'" : "add the missing ']'"
    }

    /// Opens an array or object at `position`, enforcing the depth limit.
    mutating func open(isObject: Bool) throws(JSONSyntaxError) {
        if stack.count >= limits.maxDepth {
            throw fail("nesting is deeper than \(limits.maxDepth) levels", hint: "raise the limit with --max-depth if this document is trusted")
        }
        stack.append(OpenContainer(isObject: isObject, start: position))
        position += 1
    }

    /// Reads `"name":` inside the innermost object (whitespace before it already skipped).
    mutating func readMemberName() throws(JSONSyntaxError) {
        let top = stack.count - 1
        guard position < bytes.count else {
            throw fail("unexpected end of input inside the object that starts at \(lineColumn(stack[top].start))", hint: closingHint(stack[top]))
        }
        guard bytes[position] == UInt8(ascii: "\"") else {
            let byte = bytes[position]
            let hint = byte == UInt8(ascii: "}") && !stack[top].object.isEmpty ? "remove the trailing comma" : "object keys are strings: \"name\": value"
            throw fail("expected a member name in double quotes, found \(describe(byte))", hint: hint)
        }
        let keyOffset = position
        let key = try parseString()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
            throw fail("expected ':' after the member name \"\(key)\"", hint: "write members as \"name\": value")
        }
        position += 1
        skipWhitespace()
        stack[top].key = key
        stack[top].keyOffset = keyOffset
        stack[top].inValue = true
    }

    /// Marks the start of an array element (whitespace before it already skipped).
    mutating func beginElement() throws(JSONSyntaxError) {
        let top = stack.count - 1
        stack[top].inValue = true
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") || bytes[position] == UInt8(ascii: ",") {
            throw fail("expected a value, found \(describe(bytes[position]))", hint: bytes[position] == UInt8(ascii: "]") ? "remove the trailing comma" : "remove the extra comma")
        }
    }

    // MARK: Scalars

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// A UTF-16 byte order mark, or ASCII text interleaved with zero bytes (`00 5B 00 22`, `5B 00 22 00`).
    func looksLikeUTF16() -> Bool {
        guard bytes.count >= 2 else { return false }
        if (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return true }
        guard bytes.count >= 4 else { return false }
        let bigEndian = bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0 && bytes[1] < 0x80 && bytes[3] != 0 && bytes[3] < 0x80
        let littleEndian = bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 && bytes[0] < 0x80 && bytes[2] != 0 && bytes[2] < 0x80
        return bigEndian || littleEndian
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(byte < 16 ? "0" : "")\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = position
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard position < bytes.count, bytes[position] == byte else {
                throw fail("invalid literal; expected '\(literal)'", at: start, hint: "the literals are true, false and null, in lower case")
            }
            position += 1
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        let shape = "numbers look like -12, 0.5 or 1.5e10"
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw fail("a number needs a digit after '-'", at: start, hint: shape)
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw fail("numbers cannot have leading zeros", at: start, hint: "remove the leading zeros, or quote the value if it is an identifier")
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw fail("a number needs a digit after '.'", at: start, hint: shape)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw fail("a number needs a digit in its exponent", at: start, hint: shape)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position - start > limits.maxNumberLength {
            throw fail("number is \(position - start) characters long, more than the limit of \(limits.maxNumberLength)", at: start, hint: "quote the value if it is an identifier; the limit is ReaderLimits.maxNumberLength")
        }
        return JSONNumber(text: String(decoding: bytes[start..<position], as: UTF8.self))
    }

    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        position += 1
        let contentStart = position
        // Fast path: no escapes.
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = bytes[contentStart..<position]
                position += 1
                if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else {
                    throw invalidUTF8(in: contentStart..<(position - 1))
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte) }
            position += 1
        }
        if position >= bytes.count { throw fail("unterminated string", at: start, hint: "add the closing '\"'") }
        // Slow path with escapes.
        var buffer = Array(bytes[contentStart..<position])
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    // Escapes are ASCII and decode to whole scalars, so the raw bytes hold the culprit.
                    throw invalidUTF8(in: contentStart..<(position - 1))
                }
                return text
            case UInt8(ascii: "\\"):
                let escapeStart = position
                position += 1
                guard position < bytes.count else { break }
                let escaped = bytes[position]
                position += 1
                switch escaped {
                case UInt8(ascii: "\""): buffer.append(0x22)
                case UInt8(ascii: "\\"): buffer.append(0x5C)
                case UInt8(ascii: "/"): buffer.append(0x2F)
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4(escapeStart: escapeStart)
                    if (0xD800...0xDBFF).contains(scalar) {
                        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                            let save = position
                            position += 2
                            let low = try parseHex4(escapeStart: save)
                            if (0xDC00...0xDFFF).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                position = save
                                scalar = loneSurrogate(scalar, at: escapeStart)
                            }
                        } else {
                            scalar = loneSurrogate(scalar, at: escapeStart)
                        }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        scalar = loneSurrogate(scalar, at: escapeStart)
                    }
                    UTF8Bytes.append(scalar, to: &buffer)
                default:
                    let shown = escaped >= 0x21 && escaped < 0x7F ? "'\\\(Character(Unicode.Scalar(escaped)))'" : "'\\' followed by \(describe(escaped))"
                    throw fail("invalid escape \(shown) in a string", at: escapeStart, hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
            default:
                if byte < 0x20 { throw controlCharacter(byte) }
                buffer.append(byte)
                position += 1
            }
        }
        throw fail("unterminated string", at: start, hint: "add the closing '\"'")
    }

    func controlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        let named: [UInt8: String] = [0x08: "\\b", 0x09: "\\t", 0x0A: "\\n", 0x0C: "\\f", 0x0D: "\\r"]
        let escape = named[byte] ?? "\\u00\(byte < 16 ? "0" : "")\(String(byte, radix: 16, uppercase: true))"
        let hint = byte == 0x0A ? "a string ends on the line it starts; write a line break as \\n, or add the missing closing '\"'" : "write it as \(escape)"
        return fail("control character \(describe(byte)) inside a string", hint: hint)
    }

    mutating func loneSurrogate(_ scalar: UInt32, at offset: Int) -> UInt32 {
        let hex = String(scalar, radix: 16, uppercase: true)
        warnings.append(.warning("lone UTF-16 surrogate \\u\(hex) replaced by U+FFFD", at: source.location(ofOffset: offset), pointer: pointer.description, hint: "a surrogate escape needs its pair: \\uD83D\\uDE00 is one character"))
        return 0xFFFD
    }

    mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard position < bytes.count else {
                throw fail("incomplete \\u escape", at: escapeStart, hint: "write \\u followed by four hex digits, e.g. \\u00E9")
            }
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw fail("invalid \\u escape: four hex digits expected", at: escapeStart, hint: "write \\u followed by four hex digits, e.g. \\u00E9")
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    func invalidUTF8(in range: Range<Int>) -> JSONSyntaxError {
        let offset = invalidUTF8Offset(in: range)
        return fail("invalid UTF-8 byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) in a string", at: offset, hint: "save the file as UTF-8, or write the character as a \\u escape")
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 sequence.
    func invalidUTF8Offset(in range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > range.upperBound { return index }
            if String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil { return index }
            index += length
        }
        return range.lowerBound
    }
}

/// UTF-8 encoding of a scalar value already checked to be one (not a surrogate, at most U+10FFFF).
enum UTF8Bytes {
    /// Appends the UTF-8 bytes of a Unicode scalar value (JSON `\u` and YAML `\x`/`\u`/`\U` escapes).
    static func append(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}
