/// The string-literal style of every language SpecGen writes: one entry each, rendered by `StringLiteralStyle`.
/// Spec text reaches generated Swift and every snippet only through these.
extension StringLiteralStyle {
    /// Generated Swift and the Swift snippets: a backslash is always doubled, so `\(` never interpolates; raw
    /// `#"…"#` for text with quotes or backslashes (JSON then reads as JSON).
    public static let swift = StringLiteralStyle(
        name: "swift", open: "\"", escapes: cFamily(quote: "\"", ["\0": "\\0"]), scalars: .init(.unsafe, unicode: .braced),
        raw: RawLiteralRule(open: "#\"", close: "\"#", usedFor: ["\\", "\""], forbidden: ["\\#"]))

    /// Python 3 `str` in double quotes; non-ASCII stays readable (source files are UTF-8), controls as `\xNN`.
    public static let python = StringLiteralStyle(
        name: "python", open: "\"", escapes: cFamily(quote: "\""),
        scalars: .init(.unsafe, control: .hex, unicode: .fixedWidth, uppercase: false))

    /// JavaScript in single quotes (no template literals, so `${…}` is inert).
    public static let javaScript = StringLiteralStyle(
        name: "javascript", open: "'", escapes: cFamily(quote: "'"), scalars: .init(.unsafe, unicode: .utf16))

    /// Go interpreted literals; non-ASCII stays readable (Go source is UTF-8); raw `` `…` `` when it helps.
    public static let go = StringLiteralStyle(
        name: "go", open: "\"", escapes: cFamily(quote: "\""), scalars: .init(.unsafe, unicode: .fixedWidth),
        raw: RawLiteralRule(open: "`", close: "`", usedFor: ["\\", "\""]))

    /// Ruby double quotes with `#` escaped, so `#{…}`, `#$x` and `#@x` never interpolate; single quotes (only `\\`
    /// and `\'` escaped, nothing interpolates) as the readable form.
    public static let ruby = StringLiteralStyle(
        name: "ruby", open: "\"", escapes: cFamily(quote: "\"", ["#": "\\#"]), scalars: .init(.unsafe, unicode: .braced),
        raw: singleQuoted)

    /// PHP double quotes with `$` escaped, so nothing interpolates; single quotes as the readable form.
    public static let php = StringLiteralStyle(
        name: "php", open: "\"", escapes: cFamily(quote: "\"", ["$": "\\$"]), scalars: .init(.unsafe, unicode: .braced),
        raw: singleQuoted)

    /// Java: everything outside printable ASCII as `\uXXXX` UTF-16 escapes, so the source compiles whatever
    /// encoding javac assumes; controls as octal, because javac turns `\u000a` into a line break before it reads
    /// the literal.
    public static let java = StringLiteralStyle(
        name: "java", open: "\"", escapes: cFamily(quote: "\""),
        scalars: .init(.unsafeOrNonASCII, control: .octal, unicode: .utf16))

    /// Kotlin with `$` escaped, so string templates never apply; a raw `"""…"""` as the readable form when the
    /// text has no `$` (raw strings cannot escape it) and no backslash.
    public static let kotlin = StringLiteralStyle(
        name: "kotlin", open: "\"", escapes: cFamily(quote: "\"", ["$": "\\$"]), scalars: .init(.unsafe, unicode: .utf16),
        raw: RawLiteralRule(open: "\"\"\"", close: "\"\"\"", usedFor: ["\""], forbidden: ["$", "\\"]))

    /// C# regular literals; escapes are fixed-width `\uXXXX` (never `\x`, which runs on into following digits).
    public static let cSharp = StringLiteralStyle(
        name: "csharp", open: "\"", escapes: cFamily(quote: "\""), scalars: .init(.unsafe, unicode: .utf16))

    /// C: UTF-8 text, controls as three-digit octal (hex escapes run on into following digits), C1 controls as
    /// their UTF-8 bytes (no universal character names below U+00A0), `?` before `?` escaped against trigraphs.
    public static let c = StringLiteralStyle(
        name: "c", open: "\"", escapes: cFamily(quote: "\""),
        scalars: .init(.unsafe, control: .octalUTF8, unicode: .fixedWidth), breaksTrigraphs: true)

    /// Objective-C `NSString` literals (`@"…"`), written as C literals are.
    public static let objectiveC = StringLiteralStyle(
        name: "objective-c", open: "@\"", close: "\"", escapes: cFamily(quote: "\""),
        scalars: .init(.unsafe, control: .octalUTF8, unicode: .fixedWidth), breaksTrigraphs: true)

    /// Rust: non-ASCII stays readable; a raw `r#"…"#` when it helps.
    public static let rust = StringLiteralStyle(
        name: "rust", open: "\"", escapes: cFamily(quote: "\"", ["\0": "\\0"]), scalars: .init(.unsafe, unicode: .braced),
        raw: RawLiteralRule(open: "r#\"", close: "\"#", usedFor: ["\\", "\""]))

    /// R in double quotes; a raw `r"(…)"` (R 4.0+) as the readable form; over 1 KiB, `paste0(` of literals of at
    /// most 256 characters, one a line (see `LongTextRule`).
    public static let r = StringLiteralStyle(
        name: "r", open: "\"", escapes: cFamily(quote: "\""), scalars: .init(.unsafe, unicode: .fixedWidthBraced),
        raw: RawLiteralRule(open: "r\"(", close: ")\"", usedFor: ["\""]),
        longText: LongTextRule(overUTF8Bytes: 1024, pieceScalars: 256, open: "paste0(\n", separator: ",\n", close: "\n)"))

    /// R names in backquotes (`` `Content-Type` ``), escaped as R strings are.
    public static let rName = StringLiteralStyle(
        name: "r-name", open: "`", escapes: cFamily(quote: "`"), scalars: .init(.unsafe, unicode: .fixedWidthBraced))

    /// PowerShell single quotes: verbatim, with every single-quote character doubled — including the typographic
    /// ones (‘ ’ ‚ ‛), which PowerShell also treats as quotes.
    public static let powerShell = StringLiteralStyle(
        name: "powershell", open: "'",
        escapes: ["'": "''", "\u{2018}": "\u{2018}\u{2018}", "\u{2019}": "\u{2019}\u{2019}", "\u{201A}": "\u{201A}\u{201A}", "\u{201B}": "\u{201B}\u{201B}"],
        scalars: nil)

    /// POSIX shell single quotes, where nothing is special but `'` itself (written `'\''`).
    public static let shell = StringLiteralStyle(name: "shell", open: "'", escapes: ["'": "'\\''"], scalars: nil)

    /// The escapes of the C family: backslash, the quote, line feed, carriage return and tab, plus `extra`.
    private static func cFamily(quote: Unicode.Scalar, _ extra: [Unicode.Scalar: String] = [:]) -> [Unicode.Scalar: String] {
        ["\\": "\\\\", quote: "\\" + String(quote), "\n": "\\n", "\r": "\\r", "\t": "\\t"].merging(extra) { $1 }
    }

    /// PHP's and Ruby's single-quoted form: only `\\` and `\'` are escapes.
    private static let singleQuoted = RawLiteralRule(open: "'", close: "'", usedFor: ["\""], escapes: ["\\": "\\\\", "'": "\\'"])
}
