/// One string a regular expression matches, walked from the pattern itself: literals as they are, the first
/// member of a class, the first alternative, quantifiers at their minimum (at least once for `+`, `{n,}`).
/// Covers the patterns real API descriptions use (`^exp_[A-HJ-NP-Za-km-z1-9]+$`, `^#([0-9a-f]{3}){1,2}$`);
/// the result is always checked against the schema, so an unusual pattern only means no value.
enum WirePattern {
    static func example(_ pattern: String) -> String? {
        var scanner = Scanner(characters: Array(pattern))
        let text = scanner.alternatives()
        return scanner.failed ? nil : text
    }

    private struct Scanner {
        var characters: [Character]
        var index = 0
        var failed = false

        var atEnd: Bool { index >= characters.count }

        /// `a|b|c`: the first alternative (skipping the rest at this level).
        mutating func alternatives() -> String {
            let first = sequence()
            while !atEnd, characters[index] == "|" {
                index += 1
                _ = sequence()
            }
            return first
        }

        mutating func sequence() -> String {
            var output = ""
            while !atEnd, characters[index] != "|", characters[index] != ")" {
                let atom = self.atom()
                let (low, _) = quantifier()
                output += String(repeating: atom, count: low)
            }
            return output
        }

        mutating func atom() -> String {
            let character = characters[index]
            index += 1
            switch character {
            case "^", "$": return ""
            case ".": return "a"
            case "(":
                if index + 1 < characters.count, characters[index] == "?" {
                    index += 1
                    // Lookarounds (`(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`) consume nothing: walked and dropped (the
                    // result is validated afterwards, so a violated lookaround only means no value).
                    let behind = index + 1 < characters.count && characters[index] == "<" && (characters[index + 1] == "=" || characters[index + 1] == "!")
                    let lookaround = !atEnd && (characters[index] == "=" || characters[index] == "!" || behind)
                    if lookaround {
                        if characters[index] == "<" { index += 1 }
                        index += 1
                        _ = alternatives()
                        if !atEnd, characters[index] == ")" { index += 1 } else { failed = true }
                        return ""
                    }
                    if !atEnd, characters[index] == ":" { index += 1 } else { failed = true }
                }
                let inner = alternatives()
                if !atEnd, characters[index] == ")" { index += 1 } else { failed = true }
                return inner
            case "[": return characterClass()
            case "\\": return escape()
            default: return String(character)
            }
        }

        mutating func escape() -> String {
            guard !atEnd else { failed = true; return "" }
            let character = characters[index]
            index += 1
            switch character {
            case "d": return "1"
            case "w": return "a"
            case "s": return " "
            case "D", "W", "S", "b", "B": failed = failed || character != "b" && character != "B"; return character == "D" || character == "W" ? "-" : ""
            default: return String(character)
            }
        }

        /// `[…]`: its first member (a range's lower end), or a letter/digit outside a negated class.
        mutating func characterClass() -> String {
            var negated = false
            if !atEnd, characters[index] == "^" { negated = true; index += 1 }
            var members: [Character] = []
            var first = true
            while !atEnd, characters[index] != "]" || first {
                first = false
                var character = characters[index]
                index += 1
                if character == "\\", !atEnd {
                    character = characters[index]
                    index += 1
                    if character == "d" { character = "1" } else if character == "w" { character = "a" } else if character == "s" { character = " " }
                }
                members.append(character)
            }
            if atEnd { failed = true } else { index += 1 }
            if negated { return ["a", "1", "A", "_"].first { !members.contains($0) }.map(String.init) ?? "~" }
            return members.first { $0 != "-" }.map(String.init) ?? "-"
        }

        /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (and a lazy `?` after them): the minimum and maximum count.
        mutating func quantifier() -> (Int, Int?) {
            guard !atEnd else { return (1, 1) }
            var result: (Int, Int?) = (1, 1)
            switch characters[index] {
            case "*": index += 1; result = (0, nil)
            case "+": index += 1; result = (1, nil)
            case "?": index += 1; result = (0, 1)
            case "{":
                guard let close = characters[index...].firstIndex(of: "}") else { return (1, 1) }
                let body = String(characters[(index + 1)..<close])
                // `{8, 20}` (a space) is no quantifier in ECMA-262: the text itself.
                guard body.allSatisfy({ $0.isNumber || $0 == "," }), body.first?.isNumber == true else { return (1, 1) }
                let bounds = body.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: " ")) }
                guard let low = bounds.first ?? nil else { return (1, 1) }
                index = close + 1
                result = (low, bounds.count == 1 ? low : bounds[1])
            default: return (1, 1)
            }
            if !atEnd, characters[index] == "?" || characters[index] == "+" { index += 1 }
            // `+` and `*`: once, so a required part is present (`*` stays at zero).
            return result
        }
    }
}
