import Foundation
import XCTest
@testable import SpecGenCore

/// The string-literal style table, tested once per style with the hostile strings: the exact literal each style
/// writes, then — where the language is installed — proof that the literal evaluates back to the original text
/// (a program in that language prints it). The snippet execution suite runs whole snippets on top of this.
final class StringLiteralStyleTests: XCTestCase {
    /// Quotes, backslashes, every interpolation sigil, comment closers, line breaks, controls, typographic quotes,
    /// separators, a bidi override, an emoji and right-to-left letters.
    static let hostile = "' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' \u{2018}\u{2019} line\nCR\r tab\t bell\u{07} del\u{7F} NEL\u{85} LS\u{2028} RLO\u{202E} \u{1F600} \u{645}\u{631}"
    /// NUL, ESC, a C1 control, trigraph sequences, a scalar beyond the Basic Multilingual Plane, a BOM.
    static let controls = "NUL\u{0} ESC\u{1B} APC\u{9F} ??= ??/ ???! \u{1F600}\u{FEFF}"
    /// JSON text with escaped quotes and a backslash: what raw literals are for.
    static let json = #"{"name":"John \"J\"","path":"C:\\x"}"#
    /// Zero-width space, soft hyphen, word joiner, Mongolian vowel separator, BOM, annotation anchor, zero-width joiner.
    static let invisible = "a\u{200B}b\u{AD}c\u{2060}d\u{180E}e\u{FEFF}f\u{FFF9}g\u{200D}h"
    /// Every text the round trips evaluate.
    static let texts = [hostile, controls, json, invisible, "", "plain"]

    static let allStyles: [StringLiteralStyle] = [.swift, .python, .javaScript, .go, .ruby, .php, .java, .kotlin, .cSharp, .c, .objectiveC,
                                                  .rust, .r, .rName, .powerShell, .shell]

    /// One row per style, like the table it tests: the literal of `hostile`, the literal of `controls`, and the
    /// readable literal of `json` (raw where the style has a raw form the text allows).
    static let expected: [(style: StringLiteralStyle, hostile: String, controls: String, json: String)] = [
        (.swift, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u{7} del\u{7F} NEL\u{85} LS\u{2028} RLO\u{202E} 😀 مر""#,
         #""NUL\0 ESC\u{1B} APC\u{9F} ??= ??/ ???! 😀\u{FEFF}""#,
         ##"#"{"name":"John \"J\"","path":"C:\\x"}"#"##),
        (.python, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\x07 del\x7f NEL\x85 LS\u2028 RLO\u202e 😀 مر""#,
         #""NUL\x00 ESC\x1b APC\x9f ??= ??/ ???! 😀\ufeff""#,
         #""{\"name\":\"John \\\"J\\\"\",\"path\":\"C:\\\\x\"}""#),
        (.javaScript, #"'\' " ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ """ \'\'\' ‘’ line\nCR\r tab\t bell\u0007 del\u007F NEL\u0085 LS\u2028 RLO\u202E 😀 مر'"#,
         #"'NUL\u0000 ESC\u001B APC\u009F ??= ??/ ???! 😀\uFEFF'"#,
         #"'{"name":"John \\"J\\"","path":"C:\\\\x"}'"#),
        (.go, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u0007 del\u007F NEL\u0085 LS\u2028 RLO\u202E 😀 مر""#,
         #""NUL\u0000 ESC\u001B APC\u009F ??= ??/ ???! 😀\uFEFF""#,
         #"`{"name":"John \"J\"","path":"C:\\x"}`"#),
        (.ruby, ##""' \" ` \\ $HOME ${x} $(id) \\(y) \#{z} \#$g \#@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u{7} del\u{7F} NEL\u{85} LS\u{2028} RLO\u{202E} 😀 مر""##,
         #""NUL\u{0} ESC\u{1B} APC\u{9F} ??= ??/ ???! 😀\u{FEFF}""#,
         #"'{"name":"John \\"J\\"","path":"C:\\\\x"}'"#),
        (.php, #""' \" ` \\ \$HOME \${x} \$(id) \\(y) #{z} #\$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u{7} del\u{7F} NEL\u{85} LS\u{2028} RLO\u{202E} 😀 مر""#,
         #""NUL\u{0} ESC\u{1B} APC\u{9F} ??= ??/ ???! 😀\u{FEFF}""#,
         #"'{"name":"John \\"J\\"","path":"C:\\\\x"}'"#),
        (.java, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' \u2018\u2019 line\nCR\r tab\t bell\007 del\177 NEL\u0085 LS\u2028 RLO\u202E \uD83D\uDE00 \u0645\u0631""#,
         #""NUL\000 ESC\033 APC\u009F ??= ??/ ???! \uD83D\uDE00\uFEFF""#,
         #""{\"name\":\"John \\\"J\\\"\",\"path\":\"C:\\\\x\"}""#),
        (.kotlin, #""' \" ` \\ \$HOME \${x} \$(id) \\(y) #{z} #\$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u0007 del\u007F NEL\u0085 LS\u2028 RLO\u202E 😀 مر""#,
         #""NUL\u0000 ESC\u001B APC\u009F ??= ??/ ???! 😀\uFEFF""#,
         #""{\"name\":\"John \\\"J\\\"\",\"path\":\"C:\\\\x\"}""#),
        (.cSharp, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u0007 del\u007F NEL\u0085 LS\u2028 RLO\u202E 😀 مر""#,
         #""NUL\u0000 ESC\u001B APC\u009F ??= ??/ ???! 😀\uFEFF""#,
         #""{\"name\":\"John \\\"J\\\"\",\"path\":\"C:\\\\x\"}""#),
        (.c, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ?\?( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\007 del\177 NEL\302\205 LS\u2028 RLO\u202E 😀 مر""#,
         #""NUL\000 ESC\033 APC\302\237 ?\?= ?\?/ ?\?\?! 😀\uFEFF""#,
         #""{\"name\":\"John \\\"J\\\"\",\"path\":\"C:\\\\x\"}""#),
        (.objectiveC, #"@"' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ?\?( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\007 del\177 NEL\302\205 LS\u2028 RLO\u202E 😀 مر""#,
         #"@"NUL\000 ESC\033 APC\302\237 ?\?= ?\?/ ?\?\?! 😀\uFEFF""#,
         #"@"{\"name\":\"John \\\"J\\\"\",\"path\":\"C:\\\\x\"}""#),
        (.rust, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u{7} del\u{7F} NEL\u{85} LS\u{2028} RLO\u{202E} 😀 مر""#,
         #""NUL\0 ESC\u{1B} APC\u{9F} ??= ??/ ???! 😀\u{FEFF}""#,
         ##"r#"{"name":"John \"J\"","path":"C:\\x"}"#"##),
        (.r, #""' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' ‘’ line\nCR\r tab\t bell\u{0007} del\u{007F} NEL\u{0085} LS\u{2028} RLO\u{202E} 😀 مر""#,
         #""NUL\u{0000} ESC\u{001B} APC\u{009F} ??= ??/ ???! 😀\u{FEFF}""#,
         #"r"({"name":"John \"J\"","path":"C:\\x"})""#),
        (.rName, #"`' " \` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ """ ''' ‘’ line\nCR\r tab\t bell\u{0007} del\u{007F} NEL\u{0085} LS\u{2028} RLO\u{202E} 😀 مر`"#,
         #"`NUL\u{0000} ESC\u{001B} APC\u{009F} ??= ??/ ???! 😀\u{FEFF}`"#,
         #"`{"name":"John \\"J\\"","path":"C:\\\\x"}`"#),
        (.powerShell, #"''' " ` \ $HOME ${x} $(id) \(y) #{z} #$g #@i %s %n ??( */ """ '''''' ‘‘’’ line\#u{A}CR\#u{D} tab\#u{9} bell\#u{7} del\#u{7F} NEL\#u{85} LS\#u{2028} RLO\#u{202E} 😀 مر'"#,
         #"'NUL\#u{0} ESC\#u{1B} APC\#u{9F} ??= ??/ ???! 😀\#u{FEFF}'"#,
         #"'{"name":"John \"J\"","path":"C:\\x"}'"#),
        (.shell, #"''\'' " ` \ $HOME ${x} $(id) \(y) #{z} #$g #@i %s %n ??( */ """ '\'''\'''\'' ‘’ line\#u{A}CR\#u{D} tab\#u{9} bell\#u{7} del\#u{7F} NEL\#u{85} LS\#u{2028} RLO\#u{202E} 😀 مر'"#,
         #"'NUL\#u{0} ESC\#u{1B} APC\#u{9F} ??= ??/ ???! 😀\#u{FEFF}'"#,
         #"'{"name":"John \"J\"","path":"C:\\x"}'"#),
    ]

    func testEveryStyleWritesTheHostileStringsExactly() {
        XCTAssertEqual(Self.expected.map(\.style.name), Self.allStyles.map(\.name), "one row per style")
        for row in Self.expected {
            XCTAssertEqual(row.style.literal(Self.hostile), row.hostile, "\(row.style.name): hostile")
            XCTAssertEqual(row.style.literal(Self.controls), row.controls, "\(row.style.name): controls")
            XCTAssertEqual(row.style.readableLiteral(Self.json), row.json, "\(row.style.name): json")
        }
    }

    // MARK: - Rules every style keeps

    /// Escaping styles leave no line break and no invisible or control character raw (shell and PowerShell quotes
    /// are verbatim: they cannot escape, and their snippets say so by running), and keep emoji readable except Java.
    func testEscapingStylesLeaveNothingInvisibleRaw() {
        for style in Self.allStyles where style.scalarEscapes != nil {
            for text in Self.texts {
                for literal in [style.literal(text), style.readableLiteral(text)] {
                    let raw = literal.unicodeScalars.filter { $0 != "\t" && SwiftSource.isInvisibleOrControl($0) }
                    XCTAssertEqual(raw.map { String($0.value, radix: 16) }, [], "\(style.name) left invisible characters raw in \(literal)")
                }
            }
            XCTAssertEqual(style.literal("\u{1F600}").contains("\u{1F600}"), style.name != "java", style.name)
        }
    }

    /// Generated Swift is the table's Swift entry.
    func testGeneratedSwiftUsesTheSwiftEntry() {
        for text in Self.texts { XCTAssertEqual(SwiftSource.stringLiteral(text), StringLiteralStyle.swift.literal(text)) }
    }

    /// A raw form is used only where it spares escapes, and never for text it cannot hold.
    func testRawFormsOnlyWhereTheTextAllowsThem() {
        let swift = StringLiteralStyle.swift, go = StringLiteralStyle.go, kotlin = StringLiteralStyle.kotlin
        XCTAssertEqual(swift.readableLiteral("plain"), "\"plain\"", "no quotes or backslashes: no raw form")
        XCTAssertEqual(swift.readableLiteral("a\"#b"), swift.literal("a\"#b"), "the closing delimiter inside")
        XCTAssertEqual(swift.readableLiteral("a\\#(b)"), swift.literal("a\\#(b)"), "a raw-string escape inside")
        XCTAssertEqual(swift.readableLiteral("q\""), "#\"q\"\"#", "a quote before the closing delimiter is fine for Swift")
        XCTAssertEqual(go.readableLiteral("`x\""), go.literal("`x\""))
        XCTAssertEqual(go.readableLiteral("\"a\"\r\n"), go.literal("\"a\"\r\n"), "no line breaks in raw forms")
        XCTAssertEqual(go.readableLiteral("\"a\"\tb"), "`\"a\"\tb`", "a tab may stay raw")
        XCTAssertEqual(kotlin.readableLiteral("{\"a\":\"${x}\"}"), kotlin.literal("{\"a\":\"${x}\"}"), "raw strings cannot escape $")
        XCTAssertEqual(kotlin.readableLiteral("say \"hi\""), kotlin.literal("say \"hi\""), "a quote before the closing \"\"\" would end it early")
        XCTAssertEqual(StringLiteralStyle.ruby.readableLiteral("\"it's\" \\"), "'\"it\\'s\" \\\\'")
        XCTAssertEqual(StringLiteralStyle.rust.readableLiteral("\"\u{202E}\""), StringLiteralStyle.rust.literal("\"\u{202E}\""))
        XCTAssertEqual(StringLiteralStyle.r.readableLiteral("\"a)\" b"), StringLiteralStyle.r.literal("\"a)\" b"))
    }

    /// R splits text over 1 KiB into `paste0` pieces of at most 256 characters (R 4.2's parser limit).
    func testRSplitsLongText() {
        let long = String(repeating: "caf\u{E9} \u{1F600} \"q\" \\ ", count: 300)
        let literal = StringLiteralStyle.r.literal(long)
        XCTAssertTrue(literal.hasPrefix("paste0(\n\"caf\u{E9} \u{1F600} \\\"q\\\" \\\\ "))
        XCTAssertTrue(literal.hasSuffix("\"\n)"))
        XCTAssertEqual(StringLiteralStyle.r.pieces(long).count, (long.unicodeScalars.count + 255) / 256)
        XCTAssertEqual(StringLiteralStyle.r.readableLiteral(long), literal, "no raw form for split text")
        XCTAssertEqual(StringLiteralStyle.r.pieces(""), ["\"\""])
    }

    /// Bare words where the position allows them: shell words, R argument names, JavaScript keys.
    func testBareWordsWhereThePositionAllows() {
        for (text, word) in ["abc-1.2/x": "abc-1.2/x", "it's": "'it'\\''s'", "": "''"] { XCTAssertEqual(ShellSupport.quote(text), word) }
        for (text, name) in ["Content-Type": "`Content-Type`", "Authorization": "Authorization", "if": "`if`"] {
            XCTAssertEqual(RHttr2Client.name(text), name)
        }
        for (text, key) in ["$ok_1": "$ok_1", "content-type": "'content-type'"] { XCTAssertEqual(JavaScriptSupport.key(text), key) }
    }

    func testJSONExpressionsUseTheLanguagesWordsAndKeepKeyOrder() {
        let value: JSONValue = ["z": nil, "a": true, "m": [false, 1.5, "x'\""]]
        XCTAssertEqual(JSONExpression.python.render(value, indent: nil), "{\"z\": None, \"a\": True, \"m\": [False, 1.5, \"x'\\\"\"]}")
        XCTAssertEqual(JSONExpression.javaScript.render(value, indent: "  "), "{\n  'z': null,\n  'a': true,\n  'm': [\n    false,\n    1.5,\n    'x\\'\"'\n  ]\n}")
    }

    func testLongJVMStringsAreSplitBelowTheConstantPoolLimit() {
        let text = String(repeating: "\u{1F600}ab", count: 9000)
        let pieces = JVMSupport.chunks(text)
        XCTAssertGreaterThan(pieces.count, 1)
        XCTAssertEqual(pieces.joined(), text)
        XCTAssertTrue(JVMSupport.javaString(text, indent: "  ").hasPrefix("String.join(\"\","))
        for piece in pieces { XCTAssertLessThan(StringLiteralStyle.java.literal(piece).utf8.count, 65_535) }
    }

    // MARK: - Round trips: the literal, evaluated by the language, gives the text back

    func testPythonLiteralsEvaluateBack() throws {
        try assertRoundTrip(.python, tool: "python3", file: "main.py", run: { [$0, $1] }) { literals in
            "import sys\nout = sys.stdout.buffer\n" + literals.map { "out.write((\($0)).encode(\"utf-8\"))\nout.write(b\"|END|\")\n" }.joined()
        }
    }

    func testJavaScriptLiteralsEvaluateBack() throws {
        try assertRoundTrip(.javaScript, tool: "node", file: "main.js", run: { [$0, $1] }) { literals in
            literals.map { "process.stdout.write(Buffer.from(\($0) + '|END|', 'utf8'));\n" }.joined()
        }
    }

    func testJavaLiteralsEvaluateBack() throws {
        try assertRoundTrip(.java, tool: "java", file: "Main.java", run: { [$0, $1] }) { literals in
            "public class Main {\n    public static void main(String[] args) throws Exception {\n"
                + literals.map { "        System.out.write((\($0) + \"|END|\").getBytes(java.nio.charset.StandardCharsets.UTF_8));\n" }.joined()
                + "        System.out.flush();\n    }\n}\n"
        }
    }

    func testRustLiteralsEvaluateBack() throws {
        try assertRoundTrip(.rust, tool: "rustc", file: "main.rs", run: { [$0, $1, "-o", $1 + ".bin", "&&", $1 + ".bin"] }) { literals in
            "use std::io::Write;\nfn main() {\n    let mut out = std::io::stdout();\n"
                + literals.map { "    out.write_all(\($0).as_bytes()).unwrap();\n    out.write_all(b\"|END|\").unwrap();\n" }.joined() + "}\n"
        }
    }

    /// Compiled as strict C11, where trigraphs are replaced: `??(` would become `[` if the literal let it through.
    func testCLiteralsEvaluateBack() throws {
        try assertRoundTrip(.c, tool: "gcc", file: "main.c", run: { [$0, "-std=c11", $1, "-o", $1 + ".bin", "&&", $1 + ".bin"] }) { literals in
            "#include <stdio.h>\nint main(void) {\n"
                + literals.map { "    { static const char text[] = \($0); fwrite(text, 1, sizeof text - 1, stdout); fputs(\"|END|\", stdout); }\n" }.joined()
                + "    return 0;\n}\n"
        }
    }

    func testSwiftLiteralsEvaluateBack() throws {
        try assertRoundTrip(.swift, tool: "swiftc", file: "main.swift", run: { [$0, $1, "-o", $1 + ".bin", "&&", $1 + ".bin"] }) { literals in
            literals.map { "print(\($0), terminator: \"|END|\")\n" }.joined()
        }
    }

    /// Shell words cannot hold NUL, so texts with one are left out.
    func testShellLiteralsEvaluateBack() throws {
        try assertRoundTrip(.shell, tool: "sh", file: "main.sh", run: { [$0, $1] }, texts: Self.texts.filter { !$0.contains("\0") }) { literals in
            literals.map { "printf '%s|END|' \($0)\n" }.joined()
        }
    }

    func testRubyLiteralsEvaluateBack() throws {
        try assertRoundTrip(.ruby, tool: "ruby", file: "main.rb", run: { [$0, $1] }) { literals in
            "$stdout.binmode\n" + literals.map { "$stdout.write(\($0), \"|END|\")\n" }.joined()
        }
    }

    func testPHPLiteralsEvaluateBack() throws {
        try assertRoundTrip(.php, tool: "php", file: "main.php", run: { [$0, $1] }) { literals in
            "<?php\n" + literals.map { "echo \($0), \"|END|\";\n" }.joined()
        }
    }

    func testGoLiteralsEvaluateBack() throws {
        try assertRoundTrip(.go, tool: "go", file: "main.go", run: { [$0, "run", $1] }) { literals in
            "package main\n\nimport \"os\"\n\nfunc main() {\n" + literals.map { "\tos.Stdout.WriteString(\($0) + \"|END|\")\n" }.joined() + "}\n"
        }
    }

    /// R strings cannot hold NUL, so texts with one are left out; long text goes through `paste0` pieces.
    func testRLiteralsEvaluateBack() throws {
        let long = String(repeating: "caf\u{E9} \u{1F600} \"q\" \\ ", count: 300)
        let texts = (Self.texts + [long]).filter { !$0.contains("\0") }
        try assertRoundTrip(.r, tool: "Rscript", file: "main.R", run: { [$0, $1] }, texts: texts) { literals in
            literals.map { "cat(enc2utf8(\($0)), \"|END|\", sep = \"\")\n" }.joined()
        }
    }

    /// Writes `program(literals)` (the plain and the readable literal of every text) to `file`, runs it with
    /// `run(toolPath, filePath)` (`&&` chains a compile and a run) and compares what it prints with the texts.
    private func assertRoundTrip(_ style: StringLiteralStyle, tool: String, file: String, run: (String, String) -> [String],
                                 texts: [String] = StringLiteralStyleTests.texts, line: UInt = #line, program: ([String]) -> String) throws {
        guard let toolPath = Self.executable(tool) else {
            throw XCTSkip("\(tool) not installed (scripts/install-snippet-runtimes): \(style.name) literals not evaluated here")
        }
        let folder = try temporaryFolder(self)
        let source = folder.appendingPathComponent(file)
        let expected = texts.flatMap { [$0, $0] }
        try Data(program(texts.flatMap { [style.literal($0), style.readableLiteral($0)] }).utf8).write(to: source)
        let words = run(toolPath, source.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", words.map { $0 == "&&" ? $0 : StringLiteralStyle.shell.literal($0) }.joined(separator: " ")]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool): " + String(decoding: problems, as: UTF8.self), line: line)
        let values = String(decoding: printed, as: UTF8.self).components(separatedBy: "|END|").dropLast()
        XCTAssertEqual(values.count, expected.count, "\(tool) printed \(values.count) values", line: line)
        for (value, text) in zip(values, expected) where value != text {
            XCTFail("\(style.name): \(style.literal(text)) evaluated by \(tool) gave \(value.debugDescription)", line: line)
        }
    }

    /// The full path of `name` on `PATH`, or nil.
    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
