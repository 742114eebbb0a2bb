/// Syntax highlighting done at generation time: a snippet becomes escaped HTML with `<span class="…">` around
/// keywords (`k`), strings (`s`), comments (`c`) and numbers (`n`). Only spans are added; the text content
/// of the result is the snippet byte for byte (CR written `&#13;`), whatever the lexer makes of it.
struct SyntaxHighlighter {
    /// The lexical rules of one language family.
    struct Rules {
        var lineComments: [String] = []
        var blockComment: (open: String, close: String)?
        /// String quotes; a quote listed in `rawQuotes` has no backslash escapes (shell `'…'`).
        var quotes: Set<Character> = ["\"", "'"]
        var rawQuotes: Set<Character> = []
        var tripleQuotes = false
        /// A line comment only where a word may start (shell `#`, not `$#` or `a#b`).
        var commentNeedsWordStart = false
        /// Strings may hold raw newlines (shell, Ruby, PHP, R, PowerShell).
        var multilineStrings = false
        var keywords: Set<String> = []
    }

    let rules: Rules

    /// The highlighter for a `SnippetClientInfo.language`.
    init(language: String) {
        rules = Self.rules(for: language)
    }

    static func rules(for language: String) -> Rules {
        let cFamily = ["if", "else", "for", "while", "return", "new", "var", "let", "const", "import", "package", "class", "func",
                       "function", "public", "static", "void", "try", "catch", "throw", "throws", "await", "async", "using", "namespace",
                       "val", "fun", "struct", "defer", "go", "nil", "null", "true", "false", "int", "char", "fn", "use", "mut", "match",
                       "impl", "do", "from", "require", "include", "with", "as", "in", "guard", "private", "final", "object", "main"]
        switch language {
        case "shell", "powershell", "r":
            return Rules(lineComments: ["#"], quotes: ["\"", "'"], rawQuotes: language == "shell" ? ["'"] : [], commentNeedsWordStart: true,
                         multilineStrings: true, keywords: ["curl", "wget", "http", "if", "then", "fi", "else", "function", "library", "TRUE", "FALSE", "NULL", "Invoke-RestMethod"])
        case "python", "ruby":
            return Rules(lineComments: ["#"], tripleQuotes: language == "python", multilineStrings: language == "ruby",
                         keywords: ["import", "from", "def", "return", "if", "else", "elif", "for", "in", "with", "as", "try", "except", "raise",
                                    "None", "True", "False", "require", "end", "do", "nil", "true", "false", "class", "print", "puts", "begin", "rescue"])
        case "php":
            return Rules(lineComments: ["//", "#"], blockComment: ("/*", "*/"), multilineStrings: true, keywords: Set(cFamily + ["echo", "array", "require_once", "fn"]))
        case "javascript", "go", "java", "kotlin", "csharp", "swift", "objectivec", "rust", "c":
            var quotes: Set<Character> = ["\"", "'"]
            if language == "javascript" || language == "go" { quotes.insert("`") }
            return Rules(lineComments: ["//"], blockComment: ("/*", "*/"), quotes: quotes, rawQuotes: language == "go" ? ["`"] : [],
                         tripleQuotes: language == "kotlin" || language == "swift" || language == "java", keywords: Set(cFamily))
        default:
            return Rules()
        }
    }

    /// The snippet as highlighted, escaped HTML.
    func html(_ text: String) -> String {
        var output = ""
        for token in tokens(text) {
            let escaped = HTMLText.escape(String(token.text))
            if let kind = token.kind { output += "<span class=\"\(kind)\">" + escaped + "</span>" } else { output += escaped }
        }
        return output
    }

    /// The text cut into runs, each with its class (nil for plain text); the runs concatenate to the text.
    func tokens(_ text: String) -> [(text: Substring, kind: String?)] {
        var result: [(text: Substring, kind: String?)] = []
        var index = text.startIndex
        var plainStart = index
        func emit(_ end: String.Index, _ kind: String) {
            if plainStart < index { result.append((text[plainStart..<index], nil)) }
            result.append((text[index..<end], kind))
            index = end
            plainStart = end
        }
        while index < text.endIndex {
            let rest = text[index...]
            let atWordStart = index == text.startIndex || text[text.index(before: index)].isWhitespace
            if let comment = rules.lineComments.first(where: { rest.hasPrefix($0) }), !rules.commentNeedsWordStart || atWordStart {
                _ = comment
                emit(rest.firstIndex(of: "\n") ?? text.endIndex, "c")
            } else if let block = rules.blockComment, rest.hasPrefix(block.open) {
                let after = text.index(index, offsetBy: block.open.count)
                emit(text[after...].range(of: block.close)?.upperBound ?? text.endIndex, "c")
            } else if let quote = rest.first, rules.quotes.contains(quote) {
                emit(stringEnd(text, from: index, quote: quote), "s")
            } else if let first = rest.first, first.isASCII, first.isNumber, !previousIsWordCharacter(text, index) {
                emit(rest.firstIndex { !($0.isASCII && ($0.isHexDigit || $0 == "." || $0 == "x" || $0 == "_")) } ?? text.endIndex, "n")
            } else if let first = rest.first, first.isLetter || first == "_" || first == "-", !previousIsWordCharacter(text, index) {
                let end = rest.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") } ?? text.endIndex
                let word = String(text[index..<end])
                if rules.keywords.contains(word) { emit(end, "k") } else { index = end }
            } else {
                index = text.index(after: index)
            }
        }
        if plainStart < text.endIndex { result.append((text[plainStart...], nil)) }
        return result
    }

    private func previousIsWordCharacter(_ text: String, _ index: String.Index) -> Bool {
        guard index > text.startIndex else { return false }
        let previous = text[text.index(before: index)]
        return previous.isLetter || previous.isNumber || previous == "_" || previous == "$" || previous == "." || previous == "-"
    }

    /// The index after the string literal that starts at `start` (the end of the text when it never closes).
    private func stringEnd(_ text: String, from start: String.Index, quote: Character) -> String.Index {
        let triple = String(repeating: quote, count: 3)
        if rules.tripleQuotes, text[start...].hasPrefix(triple) {
            let after = text.index(start, offsetBy: 3)
            return text[after...].range(of: triple)?.upperBound ?? text.endIndex
        }
        let raw = rules.rawQuotes.contains(quote)
        var index = text.index(after: start)
        while index < text.endIndex {
            let character = text[index]
            if character == "\\", !raw {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == quote { return text.index(after: index) }
            if character == "\n", quote != "`", !rules.multilineStrings { return index }
            index = text.index(after: index)
        }
        return text.endIndex
    }
}
