import Foundation

/// Translates ECMA-262 regular expressions (what JSON Schema `pattern` uses) into the ICU dialect that
/// `NSRegularExpression` speaks, so `\d` means ASCII digits and `$` means end of input, as in JavaScript.
public enum ECMARegex {
    /// The ICU pattern, or nil when the pattern uses syntax that cannot be translated faithfully
    /// (lookbehind is fine in both; named groups `(?<n>` are fine; ECMA-only escapes like `\cX` are not).
    public static func translate(_ pattern: String) -> String? {
        var output = ""
        var scalars = Array(pattern.unicodeScalars)[...]
        var inClass = false
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\":
                guard let next = scalars.popFirst() else { return nil }
                switch next {
                case "d": output += inClass ? "0-9" : "[0-9]"
                case "D": if inClass { return nil } else { output += "[^0-9]" }
                case "w": output += inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
                case "W": if inClass { return nil } else { output += "[^A-Za-z0-9_]" }
                case "c", "k": return nil
                case "/": output += "/"
                default:
                    output += "\\"
                    output.unicodeScalars.append(next)
                }
            case "[" where !inClass:
                inClass = true
                output += "["
                if scalars.first == "^" { output += "^"; scalars = scalars.dropFirst() }
                // ECMA allows `]` right after `[` only as an empty class; ICU reads it literally.
                if scalars.first == "]" { return nil }
            case "[" where inClass:
                // ICU treats a nested `[` as a set operation; ECMA as a literal.
                output += "\\["
            case "]" where inClass:
                inClass = false
                output += "]"
            case "$" where !inClass:
                // ECMA `$` (without the m flag) matches only at the very end.
                output += "\\z"
            case "&" where inClass, "~" where inClass:
                // Escape ICU set-operator characters that ECMA reads literally.
                output += "\\"
                output.unicodeScalars.append(scalar)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        // A pattern ICU cannot compile (e.g. an unmatched `)`) would make generated validators pass
        // everything silently; nil makes the reader warn that it is not validated instead.
        guard !inClass, (try? NSRegularExpression(pattern: output)) != nil else { return nil }
        return output
    }
}
