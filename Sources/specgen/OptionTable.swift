import SpecGenCore

/// What an option's value must be. Checked while parsing, so every bad value is a usage error.
enum OptionValue: Sendable {
    /// Any text (a path, an id).
    case text
    /// A whole number in `range`, or one of `words` (e.g. `auto`).
    case integer(ClosedRange<Int>, words: [String] = [])
    /// One of these words.
    case choice([String])
    /// A Swift module name (letters, digits and `_`, not starting with a digit).
    case moduleName

    /// Why `text` is not a valid value for `option`, or nil when it is.
    func problem(with text: String, option: String) -> String? {
        switch self {
        case .text:
            return nil
        case let .integer(range, words):
            if words.contains(text) { return nil }
            if let number = Int(text), range.contains(number) { return nil }
            let bound = range.upperBound == Int.max ? "an integer from \(range.lowerBound)" : "an integer from \(range.lowerBound) to \(range.upperBound)"
            return "\(option) must be " + (words.isEmpty ? bound : words.joined(separator: ", ") + " or " + bound) + ", not '\(text)'"
        case let .choice(words):
            if words.contains(text) { return nil }
            return "\(option) must be \(Self.list(words)), not '\(text)'"
        case .moduleName:
            if SpecGenConfig.isModuleName(text) { return nil }
            return "\(option) must be a Swift module name (letters, digits and _, not starting with a digit), not '\(text)'"
        }
    }

    /// A value the option accepts (tests parse every option of the table with it).
    var sample: String {
        switch self {
        case .text: return "x"
        case let .integer(range, _): return String(range.lowerBound)
        case let .choice(words): return words[0]
        case .moduleName: return "Sample"
        }
    }

    static func list(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}

/// One option of a command: its name, its value (nil placeholder: a flag), and its line in `--help`.
struct Option: Sendable {
    var name: String
    /// The value's name in help (`FILE`, `N`); nil for a flag.
    var placeholder: String?
    var value: OptionValue = .text
    /// May be given more than once (every value is kept); otherwise the last one wins.
    var repeatable = false
    var help: String

    /// A flag: no value.
    static func flag(_ name: String, _ help: String) -> Option {
        Option(name: name, placeholder: nil, help: help)
    }

    /// An option whose value is checked as `kind`.
    static func value(_ name: String, _ placeholder: String, _ kind: OptionValue, repeatable: Bool = false, _ help: String) -> Option {
        Option(name: name, placeholder: placeholder, value: kind, repeatable: repeatable, help: help)
    }

    /// An option whose value is any text (a path, an id).
    static func value(_ name: String, _ placeholder: String, repeatable: Bool = false, _ help: String) -> Option {
        Option(name: name, placeholder: placeholder, value: .text, repeatable: repeatable, help: help)
    }

    var isFlag: Bool { placeholder == nil }
}

/// A command's declaration: the one source of both its parser and its `--help`.
struct CommandSpec: Sendable {
    var name: String
    /// The synopsis after `USAGE: ` (its first line is the usage line of errors).
    var usage: String
    /// One line for `specgen help`.
    var abstract: String
    /// Paragraphs between the usage and the options.
    var discussion: String
    var options: [Option]
    /// How many positional arguments the command takes, and what they are called in errors.
    var positionals: ClosedRange<Int> = 0...0
    var positionalName = "argument"
    /// Sections after the options (EXIT STATUS, EXAMPLES), verbatim.
    var footer: String = ""

    /// Every option, `--help` included.
    var allOptions: [Option] { options + [Option.flag("--help", "Show this help.")] }

    func option(named name: String) -> Option? { allOptions.first { $0.name == name } }
}

/// A usage error: what was wrong and, optionally, what to do. Printed with the command's usage line.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var hint: String?
    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
    var description: String { message }
}

/// The arguments of one command, parsed and checked against its `CommandSpec`.
struct ParsedOptions {
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    func value(_ name: String) -> String? { values[name]?.last }
    func values(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }
    /// The value of an `.integer` option (already checked), nil when absent or a word such as `auto`.
    func integer(_ name: String) -> Int? { value(name).flatMap { Int($0) } }

    /// Parses `arguments`: `--name value`, `--name=value`, flags, `-h`, positionals, `--` ending the options.
    init(_ arguments: [String], for command: CommandSpec) throws(UsageError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                positionals.append(contentsOf: arguments[index...])
                break
            }
            guard argument.hasPrefix("-"), argument != "-" else {
                positionals.append(argument)
                continue
            }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if name == "-h" { name = "--help" }
            guard let option = command.option(named: name) else { throw Self.unknown(name, in: command) }
            if option.isFlag {
                guard inline == nil else { throw UsageError("\(name) takes no value") }
                flags.insert(name)
                continue
            }
            guard let value = inline ?? (index < arguments.count ? arguments[index] : nil) else {
                throw UsageError("\(name) needs a value (\(option.placeholder!))")
            }
            if inline == nil { index += 1 }
            if let problem = option.value.problem(with: value, option: name) { throw UsageError(problem) }
            if option.repeatable { values[name, default: []].append(value) } else { values[name] = [value] }
        }
        guard flags.contains("--help") || command.positionals.contains(positionals.count) else {
            throw Self.positionalCount(positionals.count, for: command)
        }
    }

    static func unknown(_ name: String, in command: CommandSpec) -> UsageError {
        let close = command.allOptions.map(\.name).min { editDistance($0, name) < editDistance($1, name) }
        let hint = close.map { editDistance($0, name) <= 3 ? " (did you mean \($0)?)" : "" } ?? ""
        return UsageError("unknown option \(name)\(hint)")
    }

    static func positionalCount(_ count: Int, for command: CommandSpec) -> UsageError {
        let range = command.positionals
        let wanted: String
        if range.upperBound == 0 {
            wanted = "no \(command.positionalName)s"
        } else if range.lowerBound == range.upperBound {
            wanted = "exactly \(range.lowerBound) \(command.positionalName)\(range.lowerBound == 1 ? "" : "s")"
        } else {
            wanted = range.upperBound == Int.max ? "at least \(range.lowerBound) \(command.positionalName)\(range.lowerBound == 1 ? "" : "s")" : "\(range.lowerBound) to \(range.upperBound) \(command.positionalName)s"
        }
        return UsageError("\(command.name) takes \(wanted) (got \(count))")
    }
}
