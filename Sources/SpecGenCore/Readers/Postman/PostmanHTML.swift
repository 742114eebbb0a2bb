/// Converts the HTML that Postman descriptions often hold into Markdown for doc comments and docs pages.
///
/// Handled: `<p>`, `<br>`, `<ul>`/`<ol>`/`<li>` (nested, with unclosed `<li>` tolerated), `<code>`,
/// `<pre>`/`<pre><code>` (fenced block, content verbatim), `<h1>`…`<h6>`, `<a href>`, `<strong>`/`<b>`,
/// `<em>`/`<i>`, `<hr>`, comments, and character references (`&amp;`, `&#39;`, `&#x2F;`, …). Any other tag is
/// dropped and its text kept (`<script>`/`<style>` content is dropped). The output never contains an HTML
/// tag: a literal `<` in text is written `\<` (and `` ` `` and `\` are escaped too, so text cannot open a
/// code span or swallow an escape). Text without any tag is returned unchanged, since Postman
/// descriptions are Markdown by default.
public enum PostmanHTML {
    /// The Markdown for `html`.
    public static func markdown(from html: String) -> String {
        guard containsTag(html) else { return html }
        var renderer = Renderer()
        var tokenizer = Tokenizer(text: html)
        for token in tokenizer.tokens() { renderer.consume(token) }
        return renderer.finish()
    }

    /// True when the text has something that looks like a tag or comment (`<a`, `</`, `<!`).
    static func containsTag(_ text: String) -> Bool {
        var previousWasOpen = false
        for scalar in text.unicodeScalars {
            if previousWasOpen, scalar == "/" || scalar == "!" || scalar.properties.isAlphabetic && scalar.isASCII { return true }
            previousWasOpen = scalar == "<"
        }
        return false
    }

    /// Decodes character references; unknown names are kept as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";"), let decoded = entity(String(after[..<semi])) {
                result += decoded
                rest = after[after.index(after: semi)...]
            } else {
                result += "&"
                rest = after
            }
        }
        result += rest
        return result
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "lsquo": "‘", "rsquo": "’", "ldquo": "“",
        "rdquo": "”", "bull": "•", "middot": "·", "times": "×", "laquo": "«", "raquo": "»", "deg": "°",
    ]

    private static func entity(_ name: String) -> String? {
        let code: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            code = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            code = UInt32(name.dropFirst(), radix: 10)
        } else {
            return named[name]
        }
        guard let code else { return nil }
        // As HTML does: NUL and values that are not scalars become U+FFFD.
        guard code != 0, let scalar = Unicode.Scalar(code) else { return "\u{FFFD}" }
        return String(Character(scalar))
    }
}

private enum Token {
    case text(String)
    case open(name: String, attributes: [String: String], selfClosing: Bool)
    case close(name: String)
}

private struct Tokenizer {
    let scalars: [Unicode.Scalar]
    var position = 0

    init(text: String) { scalars = Array(text.unicodeScalars) }

    mutating func tokens() -> [Token] {
        var result: [Token] = []
        var text = String.UnicodeScalarView()
        func flush() {
            if !text.isEmpty { result.append(.text(String(text))); text = String.UnicodeScalarView() }
        }
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == "<", let tag = readTag() {
                flush()
                if let tag { result.append(tag) }
                continue
            }
            text.append(scalar)
            position += 1
        }
        flush()
        return result
    }

    /// Reads a tag or comment at `position`. Returns nil (outer) when this `<` does not start one, and
    /// `.some(nil)` for a comment or declaration, which produce no token.
    mutating func readTag() -> Token?? {
        var index = position + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "!" {
            // Comment `<!-- … -->` or declaration `<!DOCTYPE …>`.
            if index + 2 < scalars.count, scalars[index + 1] == "-", scalars[index + 2] == "-" {
                var probe = index + 3
                while probe + 2 < scalars.count, !(scalars[probe] == "-" && scalars[probe + 1] == "-" && scalars[probe + 2] == ">") { probe += 1 }
                position = min(scalars.count, probe + 3)
                return .some(nil)
            }
            while index < scalars.count, scalars[index] != ">" { index += 1 }
            position = min(scalars.count, index + 1)
            return .some(nil)
        }
        var closing = false
        if scalars[index] == "/" { closing = true; index += 1 }
        guard index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic else { return nil }
        var name = ""
        while index < scalars.count, scalars[index].isASCII, scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) || scalars[index] == "-" {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        var attributes: [String: String] = [:]
        var selfClosing = false
        while index < scalars.count, scalars[index] != ">" {
            let scalar = scalars[index]
            if scalar == "/" { selfClosing = true; index += 1; continue }
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { index += 1; continue }
            selfClosing = false
            var key = ""
            while index < scalars.count, !" \t\r\n=>/".unicodeScalars.contains(scalars[index]) {
                key.unicodeScalars.append(scalars[index]); index += 1
            }
            var value = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < scalars.count, scalars[index] != quote { value.unicodeScalars.append(scalars[index]); index += 1 }
                    index += 1
                } else {
                    while index < scalars.count, !" \t\r\n>".unicodeScalars.contains(scalars[index]) { value.unicodeScalars.append(scalars[index]); index += 1 }
                }
            }
            if key.isEmpty { index += 1 } else { attributes[key.lowercased()] = PostmanHTML.decodeEntities(value) }
        }
        guard index < scalars.count else { return nil }  // no closing '>': it was text
        position = index + 1
        let lowered = name.lowercased()
        return .some(closing ? .close(name: lowered) : .open(name: lowered, attributes: attributes, selfClosing: selfClosing))
    }
}

private struct Renderer {
    var output = ""
    var lists: [(ordered: Bool, count: Int)] = []
    /// Open `<a>`, `<strong>`, `<em>`: where their text starts in `output` (in scalars), and how to wrap it.
    var spans: [(name: String, start: Int, href: String?)] = []
    var preDepth = 0
    var preText = ""
    var codeDepth = 0
    var codeText = ""
    var skipDepth = 0

    var indent: String { String(repeating: "  ", count: max(0, lists.count - 1)) + (lists.isEmpty ? "" : "  ") }

    mutating func consume(_ token: Token) {
        switch token {
        case .text(let raw):
            guard skipDepth == 0 else { return }
            let text = PostmanHTML.decodeEntities(raw)
            if preDepth > 0 { preText += text } else if codeDepth > 0 { codeText += text } else { appendText(text) }
        case .open(let name, let attributes, let selfClosing):
            open(name, attributes: attributes, selfClosing: selfClosing)
        case .close(let name):
            close(name)
        }
    }

    mutating func open(_ name: String, attributes: [String: String], selfClosing: Bool) {
        if name == "script" || name == "style" { if !selfClosing { skipDepth += 1 }; return }
        guard skipDepth == 0 else { return }
        if preDepth > 0 {
            if name == "pre" { preDepth += 1 }
            if name == "br" { preText += "\n" }
            return
        }
        if codeDepth > 0 {
            if name == "code" { codeDepth += 1 }
            return
        }
        switch name {
        case "br":
            if lists.isEmpty { paragraphBreak() } else { appendText(" ") }
        case "p", "div", "blockquote", "table", "tr":
            if lists.isEmpty { paragraphBreak() } else { appendText(" ") }
        case "hr":
            paragraphBreak(); output += "---"; paragraphBreak()
        case "h1", "h2", "h3", "h4", "h5", "h6":
            paragraphBreak()
            output += String(repeating: "#", count: Int(String(name.dropFirst())) ?? 1) + " "
        case "ul", "ol":
            if lists.isEmpty { paragraphBreak() } else { lineBreak() }
            lists.append((ordered: name == "ol", count: 0))
        case "li":
            if lists.isEmpty { lists.append((ordered: false, count: 0)); paragraphBreak() }
            lineBreak()
            lists[lists.count - 1].count += 1
            let marker = lists[lists.count - 1].ordered ? "\(lists[lists.count - 1].count). " : "- "
            output += String(repeating: "  ", count: lists.count - 1) + marker
        case "pre":
            paragraphBreak()
            preDepth = 1
            preText = ""
        case "code", "tt", "kbd", "samp":
            codeDepth = 1
            codeText = ""
        case "a":
            spans.append((name: "a", start: output.unicodeScalars.count, href: attributes["href"]))
        case "strong", "b":
            spans.append((name: "strong", start: output.unicodeScalars.count, href: nil))
        case "em", "i":
            spans.append((name: "em", start: output.unicodeScalars.count, href: nil))
        case "td", "th":
            appendText(" ")
        default:
            break
        }
    }

    mutating func close(_ name: String) {
        if name == "script" || name == "style" { skipDepth = max(0, skipDepth - 1); return }
        guard skipDepth == 0 else { return }
        if preDepth > 0 {
            if name == "pre" {
                preDepth -= 1
                if preDepth == 0 { emitCodeBlock(preText) }
            }
            return
        }
        if codeDepth > 0 {
            if name == "code" || name == "tt" || name == "kbd" || name == "samp" {
                codeDepth -= 1
                if codeDepth == 0 { emitCodeSpan(codeText) }
            }
            return
        }
        switch name {
        case "p", "div", "blockquote", "table", "tr":
            if lists.isEmpty { paragraphBreak() }
        case "h1", "h2", "h3", "h4", "h5", "h6":
            paragraphBreak()
        case "ul", "ol":
            if !lists.isEmpty { lists.removeLast() }
            if lists.isEmpty { paragraphBreak() } else { lineBreak() }
        case "a", "strong", "b", "em", "i":
            let kind = name == "b" ? "strong" : name == "i" ? "em" : name
            guard let position = spans.lastIndex(where: { $0.name == kind }) else { return }
            let span = spans[position]
            spans.removeSubrange(position...)
            // Line breaks may have trimmed spaces since the span opened: clamp its start.
            let start = output.unicodeScalars.index(output.unicodeScalars.startIndex, offsetBy: min(span.start, output.unicodeScalars.count))
            let inner = String(output.unicodeScalars[start...])
            let trimmed = inner.trimmedOfSpacesAndTabs
            output.unicodeScalars.removeSubrange(start...)
            guard !trimmed.isEmpty else { return }
            // A span that took in blocks (lists, code blocks, paragraphs) is left unwrapped: Markdown
            // emphasis and links cannot cross lines that start blocks.
            if inner.contains("\n") {
                output += inner
                return
            }
            if inner.first == " " { output += " " }
            switch kind {
            case "a":
                if let href = span.href, let destination = Self.linkDestination(href) {
                    output += "[\(trimmed)](\(destination))"
                } else {
                    output += trimmed
                }
            case "strong": output += "**\(trimmed)**"
            default: output += "*\(trimmed)*"
            }
            if inner.last == " " { output += " " }
        default:
            break
        }
    }

    /// Collapses spaces and tabs, keeps newlines (Markdown soft breaks), escapes `<`.
    mutating func appendText(_ text: String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{A0}":
                if let last = output.unicodeScalars.last, last != " ", last != "\n" { output += " " }
            case "\r":
                continue
            case "\n":
                while output.unicodeScalars.last == " " { output.unicodeScalars.removeLast() }
                if output.isEmpty { continue }
                if !lists.isEmpty { output += " "; continue }
                output += "\n"
            case "<", "`", "\\":
                // Escaped so that text never opens a tag or a code span, nor escapes what follows it.
                output += "\\"
                output.unicodeScalars.append(scalar)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func paragraphBreak() {
        while output.unicodeScalars.last == " " { output.unicodeScalars.removeLast() }
        guard !output.isEmpty else { return }
        while !output.hasSuffix("\n\n") { output += "\n" }
    }

    mutating func lineBreak() {
        while output.unicodeScalars.last == " " { output.unicodeScalars.removeLast() }
        guard !output.isEmpty, !output.hasSuffix("\n") else { return }
        output += "\n"
    }

    mutating func emitCodeSpan(_ text: String) {
        let content = text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : String($0) }.joined()
        guard !content.isEmpty else { return }
        let fence = String(repeating: "`", count: Self.longestBacktickRun(content) + 1)
        let pad = content.hasPrefix("`") || content.hasSuffix("`") ? " " : ""
        // Two spans side by side would merge their backtick runs.
        if output.hasSuffix("`") { output += " " }
        output += fence + pad + content + pad + fence
    }

    mutating func emitCodeBlock(_ text: String) {
        var content = text.replacingOccurrences("\r\n", with: "\n")
        if content.hasPrefix("\n") { content.removeFirst() }
        while content.hasSuffix("\n") { content.removeLast() }
        let fence = String(repeating: "`", count: max(3, Self.longestBacktickRun(content) + 1))
        let prefix = lists.isEmpty ? "" : indent
        if lists.isEmpty { paragraphBreak() } else { lineBreak() }
        output += prefix + fence + "\n"
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            output += (line.isEmpty ? "" : prefix) + line + "\n"
        }
        output += prefix + fence
        if lists.isEmpty { paragraphBreak() } else { lineBreak(); output += indent }
    }

    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, current = 0
        for scalar in text.unicodeScalars {
            if scalar == "`" { current += 1; longest = max(longest, current) } else { current = 0 }
        }
        return longest
    }

    /// A safe link destination: http(s), mailto, or relative; spaces and parentheses escaped.
    static func linkDestination(_ href: String) -> String? {
        let trimmed = href.trimmedOfSpacesAndTabs
        guard !trimmed.isEmpty else { return nil }
        let lowered = trimmed.lowercased()
        if let colon = lowered.firstIndex(of: ":"), !lowered[..<colon].contains("/") {
            let scheme = lowered[..<colon]
            guard scheme == "http" || scheme == "https" || scheme == "mailto" else { return nil }
        }
        return trimmed.replacingOccurrences(" ", with: "%20").replacingOccurrences("(", with: "%28").replacingOccurrences(")", with: "%29").replacingOccurrences("<", with: "%3C").replacingOccurrences(">", with: "%3E")
    }

    mutating func finish() -> String {
        if preDepth > 0 { emitCodeBlock(preText) }
        if codeDepth > 0 { emitCodeSpan(codeText) }
        // Trailing spaces would be Markdown hard breaks; more than one blank line says nothing more.
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmedOfTrailingSpaces }
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        while result.last?.isEmpty == true { result.removeLast() }
        lines = result
        return lines.joined(separator: "\n")
    }
}

extension String {
    var trimmedOfTrailingSpaces: String {
        var scalars = unicodeScalars[...]
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
