import Foundation
import XCTest
@testable import SpecGenCore

/// Escapers tested with hostile strings. Whether each literal really evaluates to the original text is
/// proven by the execution suite (every client runs the hostile fixtures); these tests pin the rules.
final class SnippetEscapingTests: XCTestCase {
    static let hostile = "' \" ` \\ $HOME ${x} $(id) \\(y) #{z} #$g #@i %s %n ??( */ \"\"\" ''' \u{2018}\u{2019} line\nCR\r tab\t bell\u{07} del\u{7F} NEL\u{85} LS\u{2028} RLO\u{202E} \u{1F600} \u{645}\u{631}"

    func testShellQuotingRoundTripsThroughSh() throws {
        for text in [Self.hostile, "", "plain", "-dash", "it's", "'", "''"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "printf '%s' " + ShellEscaping.quote(text)]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(String(decoding: output, as: UTF8.self), text)
        }
        XCTAssertEqual(ShellEscaping.quote("abc-1.2/x"), "abc-1.2/x")
        XCTAssertEqual(ShellEscaping.quote("it's"), "'it'\\''s'")
    }

    /// R literals (plain, raw `r"(…)"`, and `paste0` pieces for long text) evaluated by Rscript give the text back.
    func testRLiteralsRoundTripThroughRscript() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/Rscript") else { throw XCTSkip("Rscript not installed (scripts/install-snippet-runtimes)") }
        let long = String(repeating: "caf\u{E9} \u{1F600} \"q\" \\ ", count: 300)
        let json = "{\"a\":\"b\",\"c\":[1,null]}"
        for (text, literal) in [(Self.hostile, REscaping.literal(Self.hostile)), (long, REscaping.literal(long)), (json, REscaping.readableLiteral(json))] {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("specgen-r-\(UUID().uuidString).R")
            try Data(("x <- " + literal + "\ncat(enc2utf8(x))\n").utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/Rscript")
            process.arguments = [file.path]
            process.environment = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(String(decoding: output, as: UTF8.self), text, literal.prefix(80) + "…")
        }
        XCTAssertEqual(REscaping.readableLiteral(json), "r\"(" + json + ")\"")
        XCTAssertEqual(REscaping.name("Content-Type"), "`Content-Type`")
        XCTAssertEqual(REscaping.name("Authorization"), "Authorization")
    }

    func testLiteralsHoldNoRawLineBreaksOrInvisibleControls() {
        let escapers: [(String, (String) -> String)] = [
            ("python", PythonEscaping.literal), ("javascript", JavaScriptEscaping.literal), ("go", GoEscaping.literal),
            ("ruby", RubyEscaping.literal), ("php", PHPEscaping.literal), ("java", JavaEscaping.literal),
            ("kotlin", KotlinEscaping.literal), ("csharp", CSharpEscaping.literal), ("swift", SwiftEscaping.literal),
            ("c", CEscaping.literal), ("rust", RustEscaping.literal), ("r", REscaping.literal),
        ]
        for (language, escape) in escapers {
            let literal = escape(Self.hostile)
            for scalar in literal.unicodeScalars {
                XCTAssertFalse(EscapingSupport.needsEscape(scalar), "\(language) left U+\(String(scalar.value, radix: 16)) raw in \(literal)")
            }
            XCTAssertTrue(literal.contains("\u{1F600}") || language == "java", "\(language) should keep emoji readable")
        }
    }

    /// One rule for what is invisible, in generated Swift and in every snippet language: zero-width space, soft
    /// hyphen, word joiner, Mongolian vowel separator, BOM and interlinear annotation marks are escaped everywhere.
    func testEveryEscaperHidesTheSameInvisibleCharactersAsTheSwiftEmitter() {
        let invisible = "a\u{200B}b\u{AD}c\u{2060}d\u{180E}e\u{FEFF}f\u{FFF9}g\u{200D}h"
        let escapers: [(String, (String) -> String)] = [
            ("python", PythonEscaping.literal), ("javascript", JavaScriptEscaping.literal), ("go", GoEscaping.literal),
            ("ruby", RubyEscaping.literal), ("php", PHPEscaping.literal), ("java", JavaEscaping.literal),
            ("kotlin", KotlinEscaping.literal), ("csharp", CSharpEscaping.literal), ("swift", SwiftEscaping.literal),
            ("c", CEscaping.literal), ("rust", RustEscaping.literal), ("r", REscaping.literal),
            ("generated swift", SwiftSource.stringLiteral),
        ]
        for (language, escape) in escapers {
            let literal = escape(invisible)
            let raw = literal.unicodeScalars.filter { $0.value > 0x7E || $0.value < 0x20 }
            XCTAssertEqual(raw.map { String($0.value, radix: 16) }, [], "\(language) left invisible characters raw in \(literal)")
        }
        XCTAssertEqual(SwiftEscaping.readableLiteral("{\"a\u{200B}\": 1}"), SwiftEscaping.literal("{\"a\u{200B}\": 1}"), "no raw literal around an invisible character")
    }

    func testInterpolationSigilsAreEscapedWhereTheyInterpolate() {
        XCTAssertEqual(PHPEscaping.literal("$a {$b}"), "\"\\$a {\\$b}\"")
        XCTAssertEqual(KotlinEscaping.literal("${x} $y"), "\"\\${x} \\$y\"")
        XCTAssertEqual(RubyEscaping.literal("#{x} #$y"), "\"\\#{x} \\#$y\"")
        XCTAssertEqual(SwiftEscaping.literal("\\(x)"), "\"\\\\(x)\"")
        XCTAssertEqual(JavaScriptEscaping.literal("${x} 'q'"), "'${x} \\'q\\''")
        XCTAssertEqual(PowerShellEscaping.literal("it's \u{2019}x\u{2019} $env:HOME"), "'it''s \u{2019}\u{2019}x\u{2019}\u{2019} $env:HOME'")
    }

    func testJavaIsASCIIOnlyAndNeverUsesUnicodeEscapesForLineBreaks() {
        let literal = JavaEscaping.literal("a\nb\u{0B}c\u{1F600}é")
        XCTAssertTrue(literal.unicodeScalars.allSatisfy { $0.value < 0x7F && $0.value >= 0x20 })
        XCTAssertFalse(literal.lowercased().contains("\\u000a"))
        XCTAssertEqual(literal, "\"a\\nb\\013c\\uD83D\\uDE00\\u00E9\"")
    }

    func testCUsesFixedWidthEscapesAndBreaksTrigraphs() {
        XCTAssertEqual(CEscaping.literal("\u{01}2??("), "\"\\0012?\\?(\"")
        XCTAssertEqual(CEscaping.literal("\u{85}"), "\"\\302\\205\"")
        XCTAssertEqual(CEscaping.objectiveCLiteral("\u{202E}x"), "@\"\\u202Ex\"")
    }

    func testLongJVMStringsAreSplitBelowTheConstantPoolLimit() {
        let text = String(repeating: "\u{1F600}ab", count: 9000)
        let pieces = JVMSupport.chunks(text)
        XCTAssertGreaterThan(pieces.count, 1)
        XCTAssertEqual(pieces.joined(), text)
        XCTAssertTrue(JVMSupport.javaString(text, indent: "  ").hasPrefix("String.join(\"\","))
        for piece in pieces { XCTAssertLessThan(JavaEscaping.literal(piece).utf8.count, 65_535) }
    }

    func testReadableLiteralsAreRawOnlyWhenTheTextAllowsIt() {
        let json = #"{"given_name":"John","family_name":null}"#
        XCTAssertEqual(SwiftEscaping.readableLiteral(json), "#\"" + json + "\"#")
        XCTAssertEqual(GoEscaping.readableLiteral(json), "`" + json + "`")
        XCTAssertEqual(RustEscaping.readableLiteral(json), "r#\"" + json + "\"#")
        XCTAssertEqual(RubyEscaping.readableLiteral(json), "'" + json + "'")
        XCTAssertEqual(PHPEscaping.readableLiteral(json), "'" + json + "'")
        XCTAssertEqual(KotlinEscaping.readableLiteral(json), "\"\"\"" + json + "\"\"\"")
        // Text a raw form cannot carry falls back to the escaped literal.
        XCTAssertEqual(SwiftEscaping.readableLiteral("a\"#b"), SwiftEscaping.literal("a\"#b"))
        XCTAssertEqual(GoEscaping.readableLiteral("`x\""), GoEscaping.literal("`x\""))
        XCTAssertEqual(GoEscaping.readableLiteral("\"a\"\r\n"), GoEscaping.literal("\"a\"\r\n"))
        XCTAssertEqual(KotlinEscaping.readableLiteral("{\"a\":\"${x}\"}"), KotlinEscaping.literal("{\"a\":\"${x}\"}"))
        XCTAssertEqual(RubyEscaping.readableLiteral("\"it's\" \\"), "'\"it\\'s\" \\\\'")
        XCTAssertEqual(RustEscaping.readableLiteral("\"\u{202E}\""), RustEscaping.literal("\"\u{202E}\""))
    }

    func testPythonValuesUseNoneTrueFalseAndKeepKeyOrder() {
        let value: JSONValue = ["z": nil, "a": true, "m": [false, 1.5, "x"]]
        XCTAssertEqual(PythonEscaping.value(value, indent: nil), "{\"z\": None, \"a\": True, \"m\": [False, 1.5, \"x\"]}")
    }
}
