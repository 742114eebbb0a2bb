/// Helpers shared by the shell clients (curl, wget, HTTPie).
enum ShellSupport {
    /// Bodies longer than this are piped in from `printf` (one argument may not exceed 128 KiB on Linux;
    /// `printf` is a shell builtin, so its arguments are not limited).
    static let largeBodyThreshold = 64 * 1024

    /// `text` as one shell word: bare when made only of safe characters, else in single quotes.
    static func quote(_ text: String) -> String {
        if !text.isEmpty, text.unicodeScalars.allSatisfy(isSafe) { return text }
        return StringLiteralStyle.shell.literal(text)
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "%", "+", ",", "=": true
        default: false
        }
    }

    /// Joins command words, one option per line with ` \` continuations when `multiline`.
    static func command(_ words: [String], multiline: Bool, indent: String) -> String {
        multiline ? words.joined(separator: " \\\n" + indent) : words.joined(separator: " ")
    }

    /// A `printf` command that writes `text` byte for byte (no trailing newline).
    static func printf(_ text: String) -> String {
        "printf '%s' " + StringLiteralStyle.shell.literal(text)
    }

    /// A `printf '%b'` command that writes `text` exactly, showing CR and LF as `\r` and `\n`.
    static func printfEscaped(_ text: String) -> String {
        let escaped = text.replacingOccurrences("\\", with: "\\\\")
            .replacingOccurrences("\r", with: "\\r").replacingOccurrences("\n", with: "\\n")
        return "printf '%b' " + StringLiteralStyle.shell.literal(escaped)
    }

    /// Shell lines that write a hand-built multipart body into the file named by `$variable`.
    static func multipartBody(_ parts: [MultipartPart], into variable: String, indent: String) -> [String] {
        var lines = ["\(variable)=$(mktemp)", "{"]
        lines += ManualMultipart(parts).expressions(text: { indent + printfEscaped($0) }, file: { indent + "cat " + quote($0) })
        lines.append("} > \"$\(variable)\"")
        return lines
    }
}
