import Foundation
import XCTest
@testable import specgen

/// The declarative option tables (Sources/specgen): every option parses and is in `--help`; every bad value and
/// unknown option is a usage error that prints the usage line, exit status 2.
final class OptionTableTests: XCTestCase {
    /// A command's required positionals, so a parse reaches the option checks.
    func positionals(_ command: CommandSpec) -> [String] {
        Array(repeating: "file.json", count: command.positionals.lowerBound)
    }

    func testEveryOptionOfEveryTableParsesAndIsInItsHelp() throws {
        XCTAssertEqual(commands.map(\.spec.name), ["generate", "validate", "snippet", "list-operations", "diff", "wire-harness"])
        for command in commands.map(\.spec) {
            let helpLines = command.help.split(separator: "\n").map(String.init)
            for option in command.allOptions {
                let display = option.name == "--help" ? "-h, --help" : option.name
                let line = "  " + display + (option.placeholder.map { " " + $0 } ?? "")
                XCTAssertTrue(helpLines.contains { $0.hasPrefix(line + " ") }, "\(command.name): \(line) is not in the help:\n\(command.help)")
                let arguments = option.isFlag ? [option.name] : [option.name, option.value.sample]
                let parsed = try ParsedOptions(arguments + positionals(command), for: command)
                if option.isFlag {
                    XCTAssertTrue(parsed.has(option.name), "\(command.name) \(option.name)")
                } else {
                    XCTAssertEqual(parsed.value(option.name), option.value.sample, "\(command.name) \(option.name)")
                    let inline = try ParsedOptions(["\(option.name)=\(option.value.sample)"] + positionals(command), for: command)
                    XCTAssertEqual(inline.value(option.name), option.value.sample, "\(command.name) \(option.name)=")
                }
            }
        }
    }

    /// Every option line of the help comes from the table: nothing documented that the parser refuses.
    func testTheHelpListsNoOptionTheTableLacks() {
        for command in commands.map(\.spec) {
            let documented = command.help.split(separator: "\n").filter { $0.hasPrefix("  -") }.map { line in
                String(line.replacingOccurrences(of: "-h, ", with: "").dropFirst(2).prefix { $0 != " " })
            }
            XCTAssertEqual(documented, command.allOptions.map(\.name), command.name)
        }
    }

    func testBadValuesAreUsageErrors() {
        for command in commands.map(\.spec) {
            for option in command.options {
                let bad: [String]
                switch option.value {
                case .text: continue
                case let .integer(range, _):
                    bad = ["x", "1.5", String(range.lowerBound - 1)] + (range.upperBound == Int.max ? [] : [String(range.upperBound + 1)])
                case .choice: bad = ["nope"]
                case .moduleName: bad = ["9Lives", "My API", "a-b", ""]
                }
                for value in bad {
                    XCTAssertThrowsError(try ParsedOptions([option.name, value] + positionals(command), for: command), "\(command.name) \(option.name) \(value)") { error in
                        let message = (error as? UsageError)?.message ?? ""
                        XCTAssertTrue(message.hasPrefix(option.name + " must be "), message)
                        XCTAssertTrue(message.hasSuffix("not '\(value)'"), message)
                    }
                }
            }
            XCTAssertThrowsError(try ParsedOptions(["--frobnicate"] + positionals(command), for: command))
        }
    }

    func testParserRules() throws {
        XCTAssertThrowsError(try ParsedOptions(["--check=yes"], for: generateCommand)) { XCTAssertEqual(($0 as? UsageError)?.message, "--check takes no value") }
        XCTAssertThrowsError(try ParsedOptions(["--output"], for: generateCommand)) { XCTAssertEqual(($0 as? UsageError)?.message, "--output needs a value (DIR)") }
        XCTAssertThrowsError(try ParsedOptions(["--outptu", "x"], for: generateCommand)) { XCTAssertEqual(($0 as? UsageError)?.message, "unknown option --outptu (did you mean --output?)") }
        XCTAssertThrowsError(try ParsedOptions(["stray"], for: generateCommand)) { XCTAssertEqual(($0 as? UsageError)?.message, "generate takes no arguments (got 1)") }
        XCTAssertThrowsError(try ParsedOptions(["a.json"], for: diffCommand)) { XCTAssertEqual(($0 as? UsageError)?.message, "diff takes exactly 2 documents (got 1)") }
        XCTAssertThrowsError(try ParsedOptions(["--operation", "x"], for: validateCommand)) { XCTAssertEqual(($0 as? UsageError)?.message, "validate takes at least 1 body file (got 0)") }
        let repeated = try ParsedOptions(["--operation", "a", "--operation=b", "--output", "x", "--output", "y", "-h"], for: generateCommand)
        XCTAssertEqual(repeated.values("--operation"), ["a", "b"], "repeatable options keep every value")
        XCTAssertEqual(repeated.value("--output"), "y", "the last value of a single option wins")
        XCTAssertTrue(repeated.has("--help"))
        let dashes = try ParsedOptions(["--operation", "x", "-", "--", "--not-an-option.json"], for: validateCommand)
        XCTAssertEqual(dashes.positionals, ["-", "--not-an-option.json"])
        XCTAssertEqual(try ParsedOptions(["--group-files", "auto"], for: generateCommand).integer("--group-files"), nil)
        XCTAssertEqual(try ParsedOptions(["--group-files", "0"], for: generateCommand).integer("--group-files"), 0)
    }

    func testHelpWrapsAtTheWidthAndKeepsTheColumn() {
        for command in commands.map(\.spec) {
            let options = command.help.components(separatedBy: "OPTIONS:\n")[1]
            for line in options.split(separator: "\n") where line.hasPrefix("  -") || line.hasPrefix("        ") {
                XCTAssertLessThanOrEqual(line.count, CommandSpec.width, "\(command.name): \(line)")
            }
        }
        XCTAssertEqual(CommandSpec.wrap("aa bb cc", width: 5), ["aa bb", "cc"])
        XCTAssertEqual(CommandSpec.wrap("one\ntwo three", width: 40), ["one", "two three"])
    }

    // MARK: the built binary

    func testEveryCommandPrintsItsHelpBothWays() throws {
        for command in commands.map(\.spec) {
            let viaHelp = try runSpecgen(["help", command.name])
            let viaFlag = try runSpecgen([command.name, "--help"])
            XCTAssertEqual(viaHelp.status, 0, command.name)
            XCTAssertEqual(viaHelp.stdout, command.help + "\n", command.name)
            XCTAssertEqual(viaFlag.stdout, viaHelp.stdout, command.name)
            XCTAssertTrue(try runSpecgen(["help"]).stdout.contains("  " + command.name + " "), command.name)
        }
        let unknown = try runSpecgen(["help", "frobnicate"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown command 'frobnicate'"), unknown.stderr)
        let typo = try runSpecgen(["generat"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("unknown command 'generat' (did you mean generate?)"), typo.stderr)
    }

    /// A usage error prints the message, the usage line and where the help is: not the whole help.
    func testUsageErrorsPrintTheUsageLineAndExit2() throws {
        for command in commands.map(\.spec) {
            for arguments in [["--frobnicate"], ["--max-depth", "deep"], ["--help=please"]] {
                let result = try runSpecgen([command.name] + arguments + positionals(command))
                XCTAssertEqual(result.status, 2, "\(command.name) \(arguments)")
                let usageLine = "USAGE: " + command.usage.split(separator: "\n")[0]
                XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr)
                XCTAssertTrue(result.stderr.contains(usageLine + "\nSee `specgen help \(command.name)` for the options.\n"), result.stderr)
                XCTAssertFalse(result.stderr.contains("OPTIONS:"), "a usage error does not print the whole help")
                XCTAssertEqual(result.stdout, "")
            }
        }
    }

    /// `validate --max-depth 0` used to fall back to the default silently.
    func testValidateRefusesABadMaxDepth() throws {
        for value in ["0", "x", "10001"] {
            let result = try runSpecgen(["validate", "--operation", "patch_users_by_id", "--max-depth", value, "-"], stdin: "{}")
            XCTAssertEqual(result.status, 2, value)
            XCTAssertTrue(result.stderr.contains("--max-depth must be an integer from 1 to 10000, not '\(value)'"), result.stderr)
        }
        let valid = try runSpecgen(["validate", "--operation", "patch_users_by_id", "--max-depth", "2", "-"], stdin: #"{"user_metadata": {"a": {"b": 1}}}"#)
        XCTAssertEqual(valid.status, 2, "the depth limit is used, not the default: " + valid.stderr)
        XCTAssertTrue(valid.stderr.contains("nesting is deeper than 2 levels"), valid.stderr)
    }
}
