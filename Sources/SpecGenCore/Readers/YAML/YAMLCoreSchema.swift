/// The YAML 1.2 core schema for plain scalars: `null`/`~`/empty, `true`/`false` (three spellings each),
/// decimal, `0o` octal and `0x` hex integers, and decimal floats. Everything else is a string.
///
/// Numbers become JSON lexemes: `+` signs and leading zeros are dropped, `.5` becomes `0.5`, `1.` becomes
/// `1.0`, octal and hex are written in decimal. `.inf` and `.nan` have no JSON form and are refused.
/// One departure from the core schema: an untagged integer with a leading zero (`0123`) stays a string.
/// Plain scalars that YAML 1.1 readers such as PyYAML type differently (`yes`, `on`, `0777`, `1_000`,
/// `2001-12-14`, `1e3` …) keep their 1.2 meaning and produce a warning suggesting quotes.
enum YAMLCoreSchema {
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func resolvePlain(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, parser: inout YAMLParser, warn: Bool = true, implicit: Bool = true) throws(YAMLSyntaxError) -> JSONValue {
        let length = end - start
        if length == 0 { return .null }
        let c0 = b[start]
        switch c0 {
        case UInt8(ascii: "~"):
            if length == 1 { return .null }
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if length == 4, matches(b, start, end, "null", "Null", "NULL") { return .null }
            if warn, length == 2, matches(b, start, end, "no", "No", "NO") { warn11(parser: &parser, start, end, "a boolean (false)") }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if length == 4, matches(b, start, end, "true", "True", "TRUE") { return .bool(true) }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if length == 5, matches(b, start, end, "false", "False", "FALSE") { return .bool(false) }
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            if warn, length == 3, matches(b, start, end, "yes", "Yes", "YES") { warn11(parser: &parser, start, end, "a boolean (true)") }
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if warn, length == 2, matches(b, start, end, "on", "On", "ON") { warn11(parser: &parser, start, end, "a boolean (true)") }
            if warn, length == 3, matches(b, start, end, "off", "Off", "OFF") { warn11(parser: &parser, start, end, "a boolean (false)") }
        case UInt8(ascii: "="):
            if warn, length == 1 { warn11(parser: &parser, start, end, "the value tag, which it cannot load") }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if let number = try number(b, start, end, parser: &parser, warn: warn, implicit: implicit) { return number }
        default:
            break
        }
        return .string(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))
    }

    static func matches(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ a: StaticString, _ c: StaticString, _ d: StaticString) -> Bool {
        equal(b, start, end, a) || equal(b, start, end, c) || equal(b, start, end, d)
    }

    static func equal(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
        guard end - start == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<(end - start) where b[start + offset] != pointer[offset] { return false }
        return true
    }

    static func warn11(parser: inout YAMLParser, _ start: Int, _ end: Int, _ meaning: String) {
        let text = String(decoding: UnsafeBufferPointer(rebasing: parser.b[start..<end]), as: UTF8.self)
        let value = (try? resolvePlain(parser.b, start, end, parser: &parser, warn: false)) ?? .string(text)
        let reading: String
        switch value {
        case .string: reading = "the string \"\(text)\""
        case .number(let number): reading = "the number \(number.text)"
        default: reading = "\(value)"
        }
        var warning = YAMLSyntaxError("plain '\(text)' is read as \(reading) by SpecGen (YAML 1.2); YAML 1.1 readers such as PyYAML read it as \(meaning)", at: start, hint: "quote it, or write it so both readings agree")
        warning.pointer = parser.pointer
        parser.warnings.append(warning)
    }

    /// A core-schema number, or nil when the scalar is a string.
    static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, parser: inout YAMLParser, warn: Bool, implicit: Bool) throws(YAMLSyntaxError) -> JSONValue? {
        var i = start
        var negative = false
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
            if i == end { return nil }
        }
        // .inf / .nan
        if b[i] == UInt8(ascii: "."), i + 1 < end, !isDigit(b[i + 1]) {
            let isInf = matches(b, i + 1, end, "inf", "Inf", "INF")
            let isNaN = i == start && matches(b, i + 1, end, "nan", "NaN", "NAN")
            if isInf || isNaN {
                throw parser.fail("'\(String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self))' is \(isInf ? "an infinite" : "a not-a-number") float, which JSON cannot represent", at: start, hint: "quote it to keep it as a string")
            }
            return nil
        }
        // 0o / 0x integers (no sign in the core schema).
        if i == start, end - start > 2, b[i] == UInt8(ascii: "0"), b[i + 1] == UInt8(ascii: "o") || b[i + 1] == UInt8(ascii: "x") {
            return try radixInteger(b, start, end, parser: &parser, warn: warn)
        }
        // Decimal integer or float: [-+]? ( \.[0-9]+ | [0-9]+ ( \.[0-9]* )? ) ( [eE][-+]?[0-9]+ )?
        let intStart = i
        while i < end, isDigit(b[i]) { i += 1 }
        let intEnd = i
        var fracStart = -1, fracEnd = -1
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            while i < end, isDigit(b[i]) { i += 1 }
            fracEnd = i
        }
        if intEnd == intStart && (fracStart < 0 || fracEnd == fracStart) {
            return nil
        }
        var expStart = -1
        if i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            expStart = i
            i += 1
            if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            let digitsStart = i
            while i < end, isDigit(b[i]) { i += 1 }
            if i == digitsStart { return nil }
        }
        if i != end {
            if warn { warnIfYAML11Number(b, start, end, parser: &parser) }
            return nil
        }
        let leadingZero = intEnd - intStart > 1 && b[intStart] == UInt8(ascii: "0")
        if leadingZero, fracStart < 0, expStart < 0, implicit {
            // `0123`: an identifier far more often than a number. JSON forbids the leading zero, PyYAML
            // keeps it as a string when a digit is 8 or 9 (else reads octal): keep it as a string.
            var octal = true
            for index in intStart..<intEnd where b[index] > UInt8(ascii: "7") { octal = false }
            if octal, warn { warn11(parser: &parser, start, end, "an octal integer") }
            return nil
        }
        if warn {
            if expStart >= 0 && (fracStart < 0 || !(b[expStart + 1] == UInt8(ascii: "+") || b[expStart + 1] == UInt8(ascii: "-"))) {
                warn11(parser: &parser, start, end, "a string")
            }
        }
        try checkLength(end - start, start, parser: &parser)
        if b[start] != UInt8(ascii: "+"), !leadingZero, intEnd > intStart, fracStart < 0 || fracEnd > fracStart {
            return .number(JSONNumber(text: String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)))
        }
        return canonicalDecimal(b, negative: negative, integer: intStart..<intEnd, fraction: fracStart >= 0 ? fracStart..<fracEnd : nil, exponentStart: expStart, end: end)
    }

    /// `0o17` / `0x1F` (no sign in the core schema) as a decimal JSON number, or nil when a digit is not of the radix.
    static func radixInteger(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, parser: inout YAMLParser, warn: Bool) throws(YAMLSyntaxError) -> JSONValue? {
        let radix = b[start + 1] == UInt8(ascii: "o") ? 8 : 16
        var digits: [UInt8] = []
        for index in (start + 2)..<end {
            let c = b[index]
            let digit: UInt8
            switch c {
            case 0x30...0x39: digit = c - 0x30
            case 0x41...0x46: digit = c - 0x41 + 10
            case 0x61...0x66: digit = c - 0x61 + 10
            default: return nil
            }
            if Int(digit) >= radix { return nil }
            digits.append(digit)
        }
        if warn, radix == 8 { warn11(parser: &parser, start, end, "a string") }
        let text = decimalString(digits: digits, radix: radix)
        try checkLength(text.utf8.count, start, parser: &parser)
        return .number(JSONNumber(text: text))
    }

    /// The JSON spelling of a YAML decimal that JSON does not accept as written (`+1`, `007`, `.5`, `1.`): sign,
    /// integer digits without leading zeros (at least one), the fraction (`.0` when empty), the exponent as written.
    static func canonicalDecimal(_ b: UnsafeBufferPointer<UInt8>, negative: Bool, integer: Range<Int>, fraction: Range<Int>?, exponentStart: Int, end: Int) -> JSONValue {
        var out: [UInt8] = []
        out.reserveCapacity(end - integer.lowerBound + 3)
        if negative { out.append(UInt8(ascii: "-")) }
        var intDigits = integer.lowerBound
        while intDigits < integer.upperBound - 1, b[intDigits] == UInt8(ascii: "0") { intDigits += 1 }
        if intDigits == integer.upperBound { out.append(UInt8(ascii: "0")) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[intDigits..<integer.upperBound])) }
        if let fraction {
            out.append(UInt8(ascii: "."))
            if fraction.isEmpty { out.append(UInt8(ascii: "0")) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[fraction])) }
        }
        if exponentStart >= 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[exponentStart..<end])) }
        return .number(JSONNumber(text: String(decoding: out, as: UTF8.self)))
    }

    static func checkLength(_ length: Int, _ start: Int, parser: inout YAMLParser) throws(YAMLSyntaxError) {
        if length > parser.limits.maxNumberLength {
            throw parser.fail("number is \(length) characters long, more than the limit of \(parser.limits.maxNumberLength)", at: start)
        }
    }

    /// Warns about scalars that are strings in YAML 1.2 but numbers or timestamps in YAML 1.1.
    static func warnIfYAML11Number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, parser: inout YAMLParser) {
        var sawDigit = false, sawUnderscore = false, sawColon = false, sawDash = 0, other = false
        var i = start
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        let body = i
        while i < end {
            switch b[i] {
            case 0x30...0x39: sawDigit = true
            case UInt8(ascii: "_"): sawUnderscore = true
            case UInt8(ascii: ":"): sawColon = true
            case UInt8(ascii: "-"): sawDash += 1
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"): break
            case UInt8(ascii: "b"), UInt8(ascii: "x"): if i != body + 1 { other = true }
            default: other = true
            }
            i += 1
        }
        guard sawDigit else { return }
        if sawDash == 2, !sawUnderscore, end - start >= 8, b[start + 4] == UInt8(ascii: "-"), isDigit(b[start]) {
            warn11(parser: &parser, start, end, "a timestamp")
        } else if !other, sawDash == 0, sawUnderscore || sawColon || (end - body > 2 && b[body] == UInt8(ascii: "0") && b[body + 1] == UInt8(ascii: "b")) {
            warn11(parser: &parser, start, end, "a number")
        }
    }

    /// Converts digits in base 8 or 16 to a decimal string (any length).
    static func decimalString(digits: [UInt8], radix: Int) -> String {
        var limbs: [UInt32] = [0]  // little-endian, base 1e9
        for digit in digits {
            var carry = UInt64(digit)
            for index in limbs.indices {
                let value = UInt64(limbs[index]) * UInt64(radix) + carry
                limbs[index] = UInt32(value % 1_000_000_000)
                carry = value / 1_000_000_000
            }
            if carry > 0 { limbs.append(UInt32(carry)) }
        }
        var text = String(limbs.last!)
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
