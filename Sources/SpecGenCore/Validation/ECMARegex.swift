import Foundation

/// Translates ECMA-262 regular expressions (what JSON Schema `pattern` uses) into the ICU dialect that
/// `NSRegularExpression` speaks, so `\d` means ASCII digits and `$` means end of input, as in JavaScript.
public enum ECMARegex {
    /// The ICU pattern, or nil when the pattern uses syntax that cannot be translated faithfully
    /// (lookbehind is fine in both; named groups `(?<n>` are fine; ECMA-only escapes like `\cX` are not).
    public static func translate(_ pattern: String) -> String? {
        // A schema's pattern is translated where its type is rendered and where its rules are written, often for
        // the same long pattern many times (Auth0's 2,144-character URL pattern): each is translated once.
        if let known = translations.value(for: pattern) { return known }
        let translated = translateOnce(pattern)
        translations.store(translated, for: pattern)
        return translated
    }

    private static let translations = TranslationMemo()

    /// Translations made so far, shared by the generator's worker threads (macOS 13 has no `Mutex`).
    private final class TranslationMemo: @unchecked Sendable {
        private let lock = NSLock()
        private var known: [String: String?] = [:]

        func value(for pattern: String) -> String?? { lock.withLock { known[pattern] } }
        func store(_ translation: String?, for pattern: String) { lock.withLock { known[pattern] = translation } }
    }

    private static func translateOnce(_ pattern: String) -> String? {
        var output = ""
        var scalars = Array(pattern.unicodeScalars)[...]
        var inClass = false
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\\":
                guard let next = scalars.popFirst(), let text = escape(next, inClass: inClass) else { return nil }
                output += text
                // `\p{Letter}`: a Unicode property, as JSON Schema's patterns read it (unicode mode), which ICU
                // spells the same; copied whole so its braces are not taken for literal ones.
                if next == "p" || next == "P", scalars.first == "{", let end = scalars.firstIndex(of: "}") {
                    output.unicodeScalars.append(contentsOf: scalars[...end])
                    scalars = scalars[(end + 1)...]
                    continue
                }
                // Annex B: a `-` after a class escape (`[\w-.]`) is a literal, not a range (ICU: an error).
                if inClass, classEscapes.contains(next), scalars.first == "-", scalars.dropFirst().first != "]" {
                    output += "\\-"
                    scalars = scalars.dropFirst()
                }
            case "-" where inClass && scalars.first == "\\" && scalars.dropFirst().first.map(classEscapes.contains) == true:
                // Annex B: `[a-\d]` is `a`, `-` and the digits.
                output += "\\-"
            case "{" where !inClass:
                // Annex B: a `{` that does not start `{n}`, `{n,}` or `{n,m}` is a literal (Auth0's `{8, 20}`).
                guard let quantifier = quantifier(at: scalars) else { output += "\\{"; continue }
                output += "{" + quantifier
                scalars = scalars.dropFirst(quantifier.unicodeScalars.count)
            case "}" where !inClass:
                output += "\\}"
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

    /// The ICU text for the escape `\\next`, or nil when it has no faithful translation.
    private static func escape(_ next: Unicode.Scalar, inClass: Bool) -> String? {
        switch next {
        case "d": return inClass ? "0-9" : "[0-9]"
        case "D": return inClass ? nil : "[^0-9]"
        case "w": return inClass ? "A-Za-z0-9_" : "[A-Za-z0-9_]"
        case "W": return inClass ? nil : "[^A-Za-z0-9_]"
        case "c", "k": return nil
        case "/": return "/"
        default: return "\\" + String(Character(next))
        }
    }

    /// The escapes that stand for a set of characters inside a class.
    private static let classEscapes: Set<Unicode.Scalar> = ["d", "D", "w", "W", "s", "S"]

    /// The rest of a quantifier after its `{` (`8,20}`), or nil when the text is not one.
    private static func quantifier(at scalars: ArraySlice<Unicode.Scalar>) -> String? {
        var text = ""
        var digits = 0, commas = 0
        for scalar in scalars {
            text.unicodeScalars.append(scalar)
            switch scalar {
            case "0"..."9": digits += 1
            case "," where commas == 0 && digits > 0: commas = 1
            case "}": return digits > 0 ? text : nil
            default: return nil
            }
        }
        return nil
    }
}
