import Foundation
import XCTest
@testable import SpecGenCore

/// The HTML reference's text handling: spec Markdown rendered with every character escaped, highlighting that
/// never changes a snippet's text, and page names. The pages themselves are checked in Chromium by
/// `scripts/browser-check/check_pages.py` (run by `.ci/run`).
final class HTMLDocsTests: XCTestCase {
    /// The text a browser shows for an HTML fragment: tags dropped, the five references and `&#13;` decoded.
    func textContent(_ html: String) -> String {
        var output = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">", inTag { inTag = false; continue }
            if !inTag { output.append(character) }
        }
        for (reference, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#13;", "\r"), ("&amp;", "&")] {
            output = output.replacingOccurrences(of: reference, with: character)
        }
        return output
    }

    func testMarkdownEscapesHTMLAndDropsScriptLinks() {
        let html = MarkdownHTML.render("Hi <script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[bad](javascript:alert(3)) [bad2]( JaVaScRiPt:alert(4)) [good](https://example.com/?a=1&b=2)\n\n```\n</code><script>x</script>\n```\n\n- **one** `a<b`\n- two")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<img"), html)
        XCTAssertFalse(html.lowercased().contains("javascript:"), html)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.com/?a=1&amp;b=2\">good</a>"), html)
        XCTAssertTrue(html.contains("<pre class=\"md-code\"><code>&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;</code></pre>"), html)
        XCTAssertTrue(html.contains("<ul><li><strong>one</strong> <code>a&lt;b</code></li><li>two</li></ul>"), html)
    }

    func testMarkdownHeadingsShiftBelowThePageAndUnclosedFencesEnd() {
        XCTAssertEqual(MarkdownHTML.render("# Title\n\ntext", headingOffset: 2), "<h3>Title</h3>\n<p>text</p>")
        XCTAssertEqual(MarkdownHTML.render("```\nopen"), "<pre class=\"md-code\"><code>open</code></pre>")
        XCTAssertEqual(MarkdownHTML.render("a \u{202E}b"), "<p>a \\u{202E}b</p>")
    }

    /// Every client's snippet for every hostile request keeps its exact text through highlighting.
    func testHighlightingNeverChangesASnippet() throws {
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtureURL("snippets/hostile").path).sorted() where name.hasSuffix(".json") {
            let document = try DocumentLoader.load(path: fixtureURL("snippets/hostile/" + name).path)
            for example in try HARReader().read(document) {
                for client in SnippetClients.all {
                    let text = client.render(example, options: .default)
                    let html = SyntaxHighlighter(language: client.info.language).html(text)
                    XCTAssertEqual(textContent(html), text, "\(client.info.id) \(name)")
                    XCTAssertFalse(html.contains("\r"), "a raw CR would become LF in a browser")
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 200)
    }

    func testHighlightingMarksStringsCommentsAndKeywords() {
        let html = SyntaxHighlighter(language: "python").html("import requests  # send\nx = \"a\\\"b\" + 'c'\n")
        XCTAssertEqual(html, "<span class=\"k\">import</span> requests  <span class=\"c\"># send</span>\nx = <span class=\"s\">&quot;a\\&quot;b&quot;</span> + <span class=\"s\">&#39;c&#39;</span>\n")
        let shell = SyntaxHighlighter(language: "shell").html("curl 'a#b' # c\n")
        XCTAssertEqual(shell, "<span class=\"k\">curl</span> <span class=\"s\">&#39;a#b&#39;</span> <span class=\"c\"># c</span>\n")
    }

    func testPageNamesNeverReplaceTheIndex() {
        XCTAssertEqual(HTMLPage.fileName(for: "index"), "index_operation.html")
        XCTAssertEqual(HTMLPage.fileName(for: "patch_users_by_id"), "patch_users_by_id.html")
        XCTAssertNil(HTMLText.safeURL("java\u{0}script:alert(1)"))
        XCTAssertNil(HTMLText.safeURL("data:text/html,x"))
        XCTAssertEqual(HTMLText.safeURL("../other.html#x"), "../other.html#x")
    }
}
