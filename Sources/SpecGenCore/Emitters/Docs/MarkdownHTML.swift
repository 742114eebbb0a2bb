/// Renders the Markdown a spec's descriptions hold as HTML, at generation time.
///
/// A CommonMark subset: ATX headings (shifted below the page's own), paragraphs, `-`/`*`/`+` and `1.` lists
/// (one level; indented lines continue an item), `>` quotes, fenced code, thematic breaks, code spans,
/// `**strong**`, `*em*`, `[links](url)` and `<autolinks>`, backslash escapes, hard line breaks are not kept.
/// Every character of the input is escaped: raw HTML in a description (`<script>`, `<a href>`, `onerror=`)
/// is shown as text, never interpreted. Links keep only http(s), mailto, fragment and relative targets.
enum MarkdownHTML {
    /// The HTML for a Markdown text; `headingOffset` is added to heading levels (capped at 6).
    static func render(_ markdown: String, headingOffset: Int = 2) -> String {
        let text = DocsPage.visible(markdown.replacingOccurrences("\r\n", with: "\n").replacingOccurrences("\r", with: "\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output: [String] = []
        var index = 0
        var paragraph: [String] = []
        func flush() {
            if !paragraph.isEmpty { output.append("<p>" + inline(paragraph.joined(separator: "\n")) + "</p>") }
            paragraph = []
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: " \t")
            if trimmed.isEmpty { flush(); index += 1; continue }
            if let fence = fenceOpening(line) {
                flush()
                var code: [String] = []
                index += 1
                while index < lines.count, !closesFence(lines[index], fence) { code.append(lines[index]); index += 1 }
                index += 1
                output.append("<pre class=\"md-code\"><code>" + HTMLText.escape(code.joined(separator: "\n")) + "</code></pre>")
                continue
            }
            if let (level, title) = heading(trimmed) {
                flush()
                let shown = min(6, level + headingOffset)
                output.append("<h\(shown)>" + inline(title) + "</h\(shown)>")
                index += 1
                continue
            }
            if isThematicBreak(trimmed) { flush(); output.append("<hr>"); index += 1; continue }
            if trimmed.hasPrefix(">") {
                flush()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: " ").hasPrefix(">") {
                    let body = lines[index].trimmingCharacters(in: " ").dropFirst()
                    quoted.append(String(body.first == " " ? body.dropFirst() : body))
                    index += 1
                }
                output.append("<blockquote>" + render(quoted.joined(separator: "\n"), headingOffset: headingOffset) + "</blockquote>")
                continue
            }
            if let first = listItem(line) {
                flush()
                let ordered = first.ordered
                var items: [String] = []
                while index < lines.count {
                    if let item = listItem(lines[index]), item.ordered == ordered {
                        items.append(item.text)
                    } else if !items.isEmpty, lines[index].hasPrefix("  "), !lines[index].trimmingCharacters(in: " \t").isEmpty {
                        items[items.count - 1] += "\n" + lines[index].trimmingCharacters(in: " \t")
                    } else {
                        break
                    }
                    index += 1
                }
                let tag = ordered ? "ol" : "ul"
                output.append("<\(tag)>" + items.map { "<li>" + inline($0) + "</li>" }.joined() + "</\(tag)>")
                continue
            }
            paragraph.append(trimmed)
            index += 1
        }
        flush()
        return output.joined(separator: "\n")
    }

    private static func fenceOpening(_ line: String) -> (character: Character, count: Int)? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" else { return nil }
        let run = trimmed.prefix { $0 == first }.count
        guard run >= 3, first == "~" || !trimmed.dropFirst(run).contains("`") else { return nil }
        return (first, run)
    }

    private static func closesFence(_ line: String, _ fence: (character: Character, count: Int)) -> Bool {
        let trimmed = line.drop { $0 == " " }
        let run = trimmed.prefix { $0 == fence.character }.count
        return run >= fence.count && trimmed.dropFirst(run).allSatisfy { $0 == " " }
    }

    private static func heading(_ trimmed: String) -> (Int, String)? {
        let hashes = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = trimmed.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var title = rest.trimmingCharacters(in: " ")
        while title.hasSuffix("#") { title.removeLast() }
        return (hashes, title.trimmingCharacters(in: " "))
    }

    private static func isThematicBreak(_ trimmed: String) -> Bool {
        let compact = trimmed.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3 else { return nil }
        if let first = trimmed.first, "-*+".contains(first), trimmed.dropFirst().first == " " {
            return (false, String(trimmed.dropFirst(2)))
        }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        let rest = trimmed.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else { return nil }
        return (true, String(rest.dropFirst(2)))
    }

    /// Inline Markdown to HTML: code spans, emphasis, links; everything else escaped.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        var strongOpen = false, emphasisOpen = false
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count, characters[index + 1].isASCII, characters[index + 1].isPunctuation || characters[index + 1].isSymbol {
                output += HTMLText.escape(String(characters[index + 1]))
                index += 2
                continue
            }
            if character == "`", let (code, next) = codeSpan(characters, at: index) {
                output += "<code>" + HTMLText.escape(code) + "</code>"
                index = next
                continue
            }
            if character == "[", let (label, url, next) = link(characters, at: index) {
                if let safe = HTMLText.safeURL(url) {
                    output += "<a href=\"" + HTMLText.escape(safe) + "\">" + inline(label) + "</a>"
                } else {
                    output += inline(label)
                }
                index = next
                continue
            }
            if character == "<", let end = characters[index...].firstIndex(of: ">"), end > index + 1 {
                let inside = String(characters[(index + 1)..<end])
                if (inside.hasPrefix("https://") || inside.hasPrefix("http://")) && !inside.contains(" "), let safe = HTMLText.safeURL(inside) {
                    output += "<a href=\"" + HTMLText.escape(safe) + "\">" + HTMLText.escape(inside) + "</a>"
                    index = end + 1
                    continue
                }
            }
            if (character == "*" || character == "_"), index + 1 < characters.count, characters[index + 1] == character,
               strongOpen || characters[(index + 2)...].contains(character) {
                output += strongOpen ? "</strong>" : "<strong>"
                strongOpen.toggle()
                index += 2
                continue
            }
            if character == "*", emphasisOpen || (index + 1 < characters.count && characters[index + 1] != " " && characters[(index + 1)...].contains("*")) {
                output += emphasisOpen ? "</em>" : "<em>"
                emphasisOpen.toggle()
                index += 1
                continue
            }
            output += character == "\n" ? "\n" : HTMLText.escape(String(character))
            index += 1
        }
        if emphasisOpen { output += "</em>" }
        if strongOpen { output += "</strong>" }
        return output
    }

    private static func codeSpan(_ characters: [Character], at start: Int) -> (String, Int)? {
        var run = 0
        while start + run < characters.count, characters[start + run] == "`" { run += 1 }
        var index = start + run
        while index < characters.count {
            if characters[index] == "`" {
                var closing = 0
                while index + closing < characters.count, characters[index + closing] == "`" { closing += 1 }
                if closing == run {
                    var code = String(characters[(start + run)..<index]).replacingOccurrences("\n", with: " ")
                    if code.count > 2, code.hasPrefix(" "), code.hasSuffix(" ") { code = String(code.dropFirst().dropLast()) }
                    return (code, index + closing)
                }
                index += closing
            } else {
                index += 1
            }
        }
        return nil
    }

    private static func link(_ characters: [Character], at start: Int) -> (String, String, Int)? {
        var depth = 0
        var index = start
        while index < characters.count {
            if characters[index] == "[" { depth += 1 }
            if characters[index] == "]" { depth -= 1; if depth == 0 { break } }
            index += 1
        }
        guard index + 1 < characters.count, characters[index + 1] == "(" else { return nil }
        guard let close = characters[(index + 2)...].firstIndex(of: ")") else { return nil }
        let label = String(characters[(start + 1)..<index])
        let target = String(characters[(index + 2)..<close]).trimmingCharacters(in: " ")
        let url = target.split(separator: " ").first.map(String.init) ?? ""
        return (label, url, close + 1)
    }
}
