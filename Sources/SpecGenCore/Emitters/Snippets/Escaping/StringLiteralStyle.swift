/// How one language writes a string literal: its quotes, its short escapes, which scalars it escapes and in
/// what form, and when a raw (or otherwise more readable) form may stand instead. The entries, one per language,
/// are in `StringLiteralStyles.swift`; this one engine renders any of them, for generated Swift
/// (`SwiftSource.stringLiteral` is `StringLiteralStyle.swift.literal`) and for every snippet language.
public struct StringLiteralStyle: Sendable {
    /// The language, for messages and tests.
    public let name: String
    /// The text that opens a literal (`"`, `'`, `@"`).
    public let open: String
    /// The text that closes a literal.
    public let close: String
    /// Scalars always written as a fixed text (`"` as `\"`, `$` as `\$`, `'` as `''`).
    let simpleEscapes: [Unicode.Scalar: String]
    /// Which other scalars are escaped and how; nil when nothing else can be (shell and PowerShell quotes).
    let scalarEscapes: ScalarEscapes?
    /// C: a `?` after a `?` is written `\?`, so `??(` never reads as a trigraph.
    let breaksTrigraphs: Bool
    /// When `readableLiteral` may use a raw form.
    let raw: RawLiteralRule?
    /// How text too long for one literal line is split (R).
    let longText: LongTextRule?

    /// Which scalars beyond the simple escapes a style escapes, and the forms it writes them in.
    struct ScalarEscapes: Sendable {
        /// The scalars escaped: the shared unsafe set, or everything outside printable ASCII (Java).
        let scalars: EscapedScalars
        /// How control characters below U+0100 are written (nil: in the Unicode form like the rest).
        let control: ControlEscape?
        /// How every other escaped scalar is written.
        let unicode: UnicodeEscape
        /// Hexadecimal digits in upper case (`\u200B`) or lower case (`\u200b`).
        let uppercase: Bool

        init(_ scalars: EscapedScalars, control: ControlEscape? = nil, unicode: UnicodeEscape, uppercase: Bool = true) {
            self.scalars = scalars
            self.control = control
            self.unicode = unicode
            self.uppercase = uppercase
        }
    }

    /// The scalars a style escapes.
    enum EscapedScalars: Sendable {
        /// The one unsafe-scalar rule shared with generated Swift (`SwiftSource.isInvisibleOrControl`: controls,
        /// line and paragraph separators, bidi controls, zero-width and other format characters, BOM).
        case unsafe
        /// Everything outside printable ASCII (source that compiles whatever encoding the compiler assumes).
        case unsafeOrNonASCII
    }

    /// A byte-sized escape for control characters.
    enum ControlEscape: Sendable {
        /// `\xNN` for C0, DEL and C1 (Python, where `\x85` is U+0085).
        case hex
        /// `\NNN` for C0 and DEL (Java: `\u000a` would break the line before javac reads the literal).
        case octal
        /// `\NNN` for C0 and DEL, and for each UTF-8 byte of a C1 control (C forbids `\u` below U+00A0).
        case octalUTF8
    }

    /// The form of a Unicode escape.
    enum UnicodeEscape: Sendable {
        /// `\u{X…}` with as many digits as needed (Swift, Rust, Ruby, PHP).
        case braced
        /// `\uXXXX` for each UTF-16 code unit, so a pair of surrogates beyond U+FFFF (JavaScript, Java, Kotlin, C#).
        case utf16
        /// `\uXXXX`, or `\UXXXXXXXX` beyond U+FFFF (Go, C, Python).
        case fixedWidth
        /// `\u{XXXX}`, or `\U{XXXXXXXX}` beyond U+FFFF (R, whose `\u` takes at most four digits).
        case fixedWidthBraced
    }

    /// The ASCII scalars written as they are (a bit per value), for the byte fast path.
    private let verbatimASCII: (UInt64, UInt64)

    init(name: String, open: String, close: String? = nil, escapes: [Unicode.Scalar: String], scalars: ScalarEscapes?,
         breaksTrigraphs: Bool = false, raw: RawLiteralRule? = nil, longText: LongTextRule? = nil) {
        self.name = name
        self.open = open
        self.close = close ?? open
        self.simpleEscapes = escapes
        self.scalarEscapes = scalars
        self.breaksTrigraphs = breaksTrigraphs
        self.raw = raw
        self.longText = longText
        var bits: (UInt64, UInt64) = (0, 0)
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(UInt8(value))
            let verbatim = escapes[scalar] == nil && !(breaksTrigraphs && scalar == "?")
                && (scalars.map { !Self.isEscaped(scalar, by: $0.scalars) } ?? true)
            if verbatim, value < 64 { bits.0 |= 1 << UInt64(value) } else if verbatim { bits.1 |= 1 << UInt64(value - 64) }
        }
        verbatimASCII = bits
    }

    /// `text` as a literal of this style.
    public func literal(_ text: String) -> String {
        if let longText, text.utf8.count > longText.overUTF8Bytes {
            return longText.open + pieces(text).joined(separator: longText.separator) + longText.close
        }
        return String(decoding: bytes(of: text), as: UTF8.self)
    }

    /// A raw literal when the style has one and `text` allows it (JSON then reads as JSON), else `literal(text)`.
    public func readableLiteral(_ text: String) -> String {
        guard let raw, longText.map({ text.utf8.count <= $0.overUTF8Bytes }) ?? true, let form = raw.literal(text) else {
            return literal(text)
        }
        return form
    }

    /// `text` as literals of at most `longText.pieceScalars` scalars each, to be joined at run time (R).
    public func pieces(_ text: String) -> [String] {
        let size = longText?.pieceScalars ?? Int.max
        var pieces: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            current.append(scalar)
            if current.count >= size { pieces.append(String(decoding: bytes(of: String(current)), as: UTF8.self)); current = .init() }
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(String(decoding: bytes(of: String(current)), as: UTF8.self)) }
        return pieces
    }

    /// The UTF-8 bytes of one literal (built as bytes: appending scalar by scalar to a `String` costs several
    /// times more, and rule texts held in generated Swift make this one of the generator's hottest loops).
    private func bytes(of text: String) -> [UInt8] {
        var output: [UInt8] = Array(open.utf8)
        output.reserveCapacity(text.utf8.count + 16)
        var previousWasQuestion = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80, (value < 64 ? verbatimASCII.0 >> UInt64(value) : verbatimASCII.1 >> UInt64(value - 64)) & 1 == 1 {
                output.append(UInt8(truncatingIfNeeded: value))  // printable ASCII: the common case
                previousWasQuestion = false
                continue
            }
            if breaksTrigraphs, scalar == "?" {
                output += previousWasQuestion ? Array("\\?".utf8) : [UInt8(ascii: "?")]
                previousWasQuestion = true
                continue
            }
            previousWasQuestion = false
            if let escape = simpleEscapes[scalar] {
                output += escape.utf8
            } else if let scalarEscapes, Self.isEscaped(scalar, by: scalarEscapes.scalars) {
                Self.appendEscape(of: scalar, scalarEscapes, to: &output)
            } else {
                UTF8.encode(scalar) { output.append($0) }
            }
        }
        output += close.utf8
        return output
    }

    private static func isEscaped(_ scalar: Unicode.Scalar, by rule: EscapedScalars) -> Bool {
        switch rule {
        case .unsafe: SwiftSource.isInvisibleOrControl(scalar)
        case .unsafeOrNonASCII: scalar.value > 0x7E || SwiftSource.isInvisibleOrControl(scalar)
        }
    }

    private static func appendEscape(of scalar: Unicode.Scalar, _ escapes: ScalarEscapes, to output: inout [UInt8]) {
        let value = scalar.value
        let isASCIIControl = value < 0x20 || value == 0x7F
        let isC1 = value >= 0x80 && value < 0xA0
        func hex(_ number: UInt32, _ width: Int) -> String {
            let digits = String(number, radix: 16, uppercase: escapes.uppercase)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        func octal(_ byte: UInt8) -> String {
            let digits = String(byte, radix: 8)
            return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
        }
        let text: String
        switch escapes.control {
        case .hex? where isASCIIControl || isC1: text = "\\x" + hex(value, 2)
        case .octal? where isASCIIControl, .octalUTF8? where isASCIIControl: text = octal(UInt8(value))
        case .octalUTF8? where isC1: text = String(scalar).utf8.map(octal).joined()
        default:
            switch escapes.unicode {
            case .braced: text = "\\u{" + hex(value, 1) + "}"
            case .utf16: text = String(scalar).utf16.map { "\\u" + hex(UInt32($0), 4) }.joined()
            case .fixedWidth: text = value > 0xFFFF ? "\\U" + hex(value, 8) : "\\u" + hex(value, 4)
            case .fixedWidthBraced: text = value > 0xFFFF ? "\\U{" + hex(value, 8) + "}" : "\\u{" + hex(value, 4) + "}"
            }
        }
        output += text.utf8
    }
}

/// When a literal may be written in a raw (or otherwise more readable) form, and how.
struct RawLiteralRule: Sendable {
    /// The text that opens the form (`#"`, `` ` ``, `r"(`, `'`).
    let open: String
    /// The text that closes it.
    let close: String
    /// The form is chosen only for text holding one of these: the escapes it spares the reader.
    let usedFor: [Unicode.Scalar]
    /// Text the form cannot hold.
    var forbidden: [String] = []
    /// The few escapes the form has (PHP's and Ruby's single quotes: `\\` and `\'`). A form without escapes ends at
    /// the first closing delimiter, so the text must not run into one.
    var escapes: [Unicode.Scalar: String] = [:]

    /// The raw literal, or nil when `text` needs no raw form or cannot have one. Text with a line break or any
    /// scalar that must be escaped (tab aside) keeps the escaped literal: raw forms cannot show them.
    func literal(_ text: String) -> String? {
        guard usedFor.contains(where: { text.contains(Character($0)) }),
              !forbidden.contains(where: { text.contains($0) }),
              text.unicodeScalars.allSatisfy({ $0 == "\t" || !SwiftSource.isInvisibleOrControl($0) }) else { return nil }
        if escapes.isEmpty {
            let whole = text + close
            guard whole.utf8.firstRange(of: close.utf8)?.lowerBound == whole.utf8.index(whole.utf8.endIndex, offsetBy: -close.utf8.count) else { return nil }
            return open + whole
        }
        var body = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let escape = escapes[scalar] { body.append(contentsOf: escape.unicodeScalars) } else { body.append(scalar) }
        }
        return open + String(body) + close
    }
}

/// How a style splits text too long for one literal on one line: pieces joined at run time (R 4.2's parser
/// fails on long string lines: "EOF whilst reading MBCS char" with 4,000 `é`, "invalid \u{xxxx} sequence").
struct LongTextRule: Sendable {
    /// Text longer than this many UTF-8 bytes is split.
    let overUTF8Bytes: Int
    /// Scalars per piece.
    let pieceScalars: Int
    /// What opens the joining expression, separates the pieces and closes it.
    let open: String, separator: String, close: String
}
