/// Reads RFC 8259 JSON into `JSONNode`s, keeping key order and the byte offset of every value.
///
/// Choices where the RFC leaves room (JSONTestSuite's `i_` cases): a leading UTF-8 BOM is skipped;
/// duplicate keys are kept in `entries` (lookups return the last) and reported as warnings; lone
/// UTF-16 surrogate escapes become U+FFFD; numbers keep their text, however large; invalid UTF-8 is
/// rejected; nesting deeper than `ReaderLimits.maxDepth` is rejected.
public struct JSONReader: Sendable {
    public var limits: ReaderLimits

    /// A reader with these limits.
    public init(limits: ReaderLimits = .default) { self.limits = limits }

    /// Parses a whole file; throws `DiagnosticsError` with a located message on the first error.
    public func read(_ source: SourceFile) throws(DiagnosticsError) -> JSONDocument {
        if source.bytes.count > limits.maxBytes {
            throw DiagnosticsError(.error("input is \(source.bytes.count) bytes, more than the limit of \(limits.maxBytes)", at: SourceLocation(file: source.path, line: 1, column: 1), pointer: "", hint: "raise the limit with --max-input-bytes if this document is trusted"))
        }
        var parser = Parser(bytes: source.bytes, limits: limits)
        do {
            let root = try parser.parseDocument()
            let warnings = parser.duplicates.map { duplicate in
                Diagnostic.warning("duplicate key \"\(duplicate.key)\"; the last occurrence wins", at: source.location(ofOffset: duplicate.offset), pointer: duplicate.pointer.description)
            }
            return JSONDocument(source: source, root: root, warnings: warnings)
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
    var hint: String?
}

private enum PathStep {
    case key(String)
    case index(Int)
}

private struct Parser {
    let bytes: [UInt8]
    let limits: ReaderLimits
    var position = 0
    var depth = 0
    var path: [PathStep] = []
    var duplicates: [(key: String, offset: Int, pointer: JSONPointer)] = []

    init(bytes: [UInt8], limits: ReaderLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    var pointer: JSONPointer {
        JSONPointer(tokens: path.map { step in
            switch step {
            case .key(let key): key
            case .index(let index): String(index)
            }
        })
    }

    func fail(_ message: String, at offset: Int? = nil, hint: String? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, offset: offset ?? position, pointer: pointer, hint: hint)
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < bytes.count else {
            throw fail("the document is empty", hint: "a JSON document holds one value, such as {}")
        }
        let root = try parseValue()
        skipWhitespace()
        if position < bytes.count {
            throw fail("unexpected \(describe(bytes[position])) after the end of the document", hint: "a JSON document holds exactly one value; remove what follows it")
        }
        return root
    }

    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard position < bytes.count else { throw fail("unexpected end of input; a value was expected") }
        let start = position
        switch bytes[position] {
        case UInt8(ascii: "{"): return JSONNode(.object(try parseObject()), offset: start)
        case UInt8(ascii: "["): return JSONNode(.array(try parseArray()), offset: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), offset: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(.bool(true), offset: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(.bool(false), offset: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(.null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(.number(try parseNumber()), offset: start)
        case UInt8(ascii: "'"):
            throw fail("strings must use double quotes", hint: "replace ' with \"")
        case let byte:
            throw fail("unexpected \(describe(byte)); a value was expected", hint: "a value is an object, array, string, number, true, false or null")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let start = position
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for byte in expected {
            guard position < bytes.count, bytes[position] == byte else {
                throw fail("invalid literal; expected '\(literal)'", at: start)
            }
            position += 1
        }
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > limits.maxDepth {
            throw fail("nesting is deeper than \(limits.maxDepth) levels", hint: "raise the limit with --max-depth if this document is trusted")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONObject {
        try enter()
        position += 1
        var object = JSONObject()
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return object
        }
        while true {
            skipWhitespace()
            guard position < bytes.count else { throw fail("unexpected end of input inside an object", hint: "add the missing '}'") }
            guard bytes[position] == UInt8(ascii: "\"") else {
                throw fail("expected a member name in double quotes, found \(describe(bytes[position]))", hint: bytes[position] == UInt8(ascii: "}") ? "remove the trailing comma" : "object keys are strings: \"name\": value")
            }
            let keyOffset = position
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw fail("expected ':' after the member name \"\(key)\"")
            }
            position += 1
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue()
            if object.position(of: key) != nil {
                duplicates.append((key, keyOffset, pointer))
            }
            path.removeLast()
            object.append(JSONObject.Entry(key: key, keyOffset: keyOffset, value: value))
            skipWhitespace()
            guard position < bytes.count else { throw fail("unexpected end of input inside an object", hint: "add the missing '}'") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return object
            default:
                throw fail("expected ',' or '}' after an object member, found \(describe(bytes[position]))")
            }
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> [JSONNode] {
        try enter()
        position += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return items
        }
        while true {
            skipWhitespace()
            path.append(.index(items.count))
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") || bytes[position] == UInt8(ascii: ",") {
                throw fail("expected a value, found \(describe(bytes[position]))", hint: bytes[position] == UInt8(ascii: "]") ? "remove the trailing comma" : "remove the extra comma")
            }
            items.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            guard position < bytes.count else { throw fail("unexpected end of input inside an array", hint: "add the missing ']'") }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return items
            default:
                throw fail("expected ',' or ']' after an array element, found \(describe(bytes[position]))")
            }
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = position
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count, isDigit(bytes[position]) else {
            throw fail("a number needs a digit after '-'", at: start)
        }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(bytes[position]) {
                throw fail("numbers cannot have leading zeros", at: start)
            }
        } else {
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw fail("a number needs a digit after '.'", at: start)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard position < bytes.count, isDigit(bytes[position]) else {
                throw fail("a number needs a digit in its exponent", at: start)
            }
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position - start > limits.maxNumberLength {
            throw fail("number is \(position - start) characters long, more than the limit of \(limits.maxNumberLength)", at: start)
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
                    throw fail("string is not valid UTF-8", at: invalidUTF8Offset(in: contentStart..<(position - 1)), hint: "save the file as UTF-8")
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw fail("control character \(describe(byte)) inside a string", hint: "escape it, e.g. \\n or \\u00\(byte < 16 ? "0" : "")\(String(byte, radix: 16))")
            }
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
                    throw fail("string is not valid UTF-8", at: start, hint: "save the file as UTF-8")
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
                                scalar = 0xFFFD
                            }
                        } else {
                            scalar = 0xFFFD
                        }
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        scalar = 0xFFFD
                    }
                    buffer.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                default:
                    throw fail("invalid escape '\\\(Character(Unicode.Scalar(escaped)))' in a string", at: escapeStart, hint: "valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
            default:
                if byte < 0x20 {
                    throw fail("control character \(describe(byte)) inside a string", hint: "escape it, e.g. \\n")
                }
                buffer.append(byte)
                position += 1
            }
        }
        throw fail("unterminated string", at: start, hint: "add the closing '\"'")
    }

    mutating func parseHex4(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw fail("incomplete \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw fail("invalid \\u escape: four hex digits expected", at: escapeStart)
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

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
