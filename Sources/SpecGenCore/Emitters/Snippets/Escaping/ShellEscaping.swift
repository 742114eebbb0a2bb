/// POSIX shell quoting: single quotes, where nothing is special except `'` itself (written `'\''`).
public enum ShellEscaping {
    /// `text` as one shell word. Words made only of safe characters stay bare.
    public static func quote(_ text: String) -> String {
        if !text.isEmpty, text.unicodeScalars.allSatisfy(isSafe) { return text }
        return "'" + text.replacingOccurrences("'", with: "'\\''") + "'"
    }

    /// `text` always in single quotes.
    public static func singleQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences("'", with: "'\\''") + "'"
    }

    private static func isSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", ":", "@", "%", "+", ",", "=": true
        default: false
        }
    }
}
