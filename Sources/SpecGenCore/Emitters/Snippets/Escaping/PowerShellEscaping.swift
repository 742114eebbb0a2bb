/// PowerShell single-quoted strings: verbatim, with every single-quote character doubled — including the
/// typographic ones (‘ ’ ‚ ‛), which PowerShell also treats as quotes.
public enum PowerShellEscaping {
    /// `text` as a PowerShell verbatim string literal.
    public static func literal(_ text: String) -> String {
        "'" + EscapingSupport.map(text) { scalar in
            switch scalar.value {
            case 0x27, 0x2018, 0x2019, 0x201A, 0x201B: String(scalar) + String(scalar)
            default: nil
            }
        } + "'"
    }
}
