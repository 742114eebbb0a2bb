import XCTest
@testable import SpecGenCore

final class PostmanHTMLTests: XCTestCase {
    func md(_ html: String) -> String { PostmanHTML.markdown(from: html) }

    func testPlainMarkdownIsUnchanged() {
        let text = "A `GET` request.\n\n> POST /hi/there?hand=wave\n\n- a\n- b  \nx < y"
        XCTAssertEqual(md(text), text)
    }

    func testBreaksParagraphsAndHeadings() {
        XCTAssertEqual(md("one<br>two<br/>three<br />four"), "one\n\ntwo\n\nthree\n\nfour")
        XCTAssertEqual(md("<p>First   para</p><p>Second\tpara</p>"), "First para\n\nSecond para")
        XCTAssertEqual(md("<h1>Title</h1>text<h3>Sub</h3><h6>Six</h6>"), "# Title\n\ntext\n\n### Sub\n\n###### Six")
        XCTAssertEqual(md("a<hr>b"), "a\n\n---\n\nb")
    }

    func testLists() {
        XCTAssertEqual(md("Intro:<ul><li>a</li><li>b</li></ul>After"), "Intro:\n\n- a\n- b\n\nAfter")
        XCTAssertEqual(md("<ol><li>one</li><li>two</li></ol>"), "1. one\n2. two")
        XCTAssertEqual(md("<ul><li>a<ul><li>a1</li><li>a2</li></ul></li><li>b</li></ul>"), "- a\n  - a1\n  - a2\n- b")
        // Unclosed <li> (as in Auth0's description) ends at the next <li> or at </ul>.
        XCTAssertEqual(md("<ul><li>x<li>y</ul>z"), "- x\n- y\n\nz")
        XCTAssertEqual(md("<ul><li>line<br>more</li></ul>"), "- line more")
    }

    func testCodeSpansAndBlocks() {
        XCTAssertEqual(md("use <code>user_metadata</code> here"), "use `user_metadata` here")
        XCTAssertEqual(md("<code>a`b</code>"), "``a`b``")
        XCTAssertEqual(md("<code>`x</code>"), "`` `x ``")
        XCTAssertEqual(md("<code>&lt;tag&gt; &amp;</code>"), "`<tag> &`")
        XCTAssertEqual(md("see:<pre><code>{\n  \"a\": \"&lt;b&gt;\"\n}</code></pre>done"), "see:\n\n```\n{\n  \"a\": \"<b>\"\n}\n```\n\ndone")
        XCTAssertEqual(md("<pre>has ``` fence</pre>"), "````\nhas ``` fence\n````")
        XCTAssertEqual(md("<pre><b>kept   as</b> text</pre>"), "```\nkept   as text\n```")
    }

    func testLinksEmphasisAndEntities() {
        XCTAssertEqual(md("see <a href=\"https://auth0.com/docs\">the docs</a>."), "see [the docs](https://auth0.com/docs).")
        XCTAssertEqual(md("<a href='/api/v2#!/Users (x)'>rel</a>"), "[rel](/api/v2#!/Users%20%28x%29)")
        XCTAssertEqual(md("<a href=\"javascript:alert(1)\">click</a>"), "click")
        XCTAssertEqual(md("<a>no href</a>"), "no href")
        XCTAssertEqual(md("<b>bold</b> and <em>it</em> and <strong> spaced </strong>!"), "**bold** and *it* and **spaced** !")
        XCTAssertEqual(md("<p>&amp; &lt; &gt; &quot; &#39; &#x2F; &eacute; &copy; &#0; &#xD800;</p>"), "& \\< > \" ' / &eacute; © \u{FFFD} \u{FFFD}")
    }

    func testNeverEmitsHTML() {
        XCTAssertEqual(md("<script>alert('x')</script><style>p{}</style>safe"), "safe")
        XCTAssertEqual(md("<div><span class=\"x\">text</span></div><img src=x onerror=alert(1)>"), "text")
        XCTAssertEqual(md("<!-- hidden --><p>a &lt;img src=x&gt; b</p>"), "a \\<img src=x> b")
        XCTAssertEqual(md("<p>1 < 2 and <unclosed"), "1 \\< 2 and \\<unclosed")
        let hostile = ["<p>", "</p>", "<br>", "<li>", "&lt;", "<a href=\"x\">", "</a>", "<code>", "</code>", "<pre>", "</pre>", "<b>", "<", ">", "x", " ", "\n", "`", "<h2>", "<!--", "-->", "<ul>", "</ul>", "&#60;", "&#x3C;script&#x3E;"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let input = (0..<Int.random(in: 1...14, using: &generator)).map { _ in hostile.randomElement(using: &generator)! }.joined()
            let output = md(input)
            guard PostmanHTML.containsTag(input) else { continue }
            // Outside code, every `<` is escaped; inside code spans and blocks it is literal, which Markdown never treats as HTML.
            XCTAssertFalse(Self.unescapedTagOutsideCode(output), "input: \(input.debugDescription) output: \(output.debugDescription)")
        }
    }

    /// True when `<letter`, `</` or `<!` appears outside backtick code and is not preceded by a backslash.
    static func unescapedTagOutsideCode(_ markdown: String) -> Bool {
        var inFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") { inFence.toggle(); continue }
            if inFence { continue }
            let scalars = Array(line.unicodeScalars)
            var index = 0
            var inCode = 0
            while index < scalars.count {
                if scalars[index] == "`" {
                    var run = 0
                    while index < scalars.count, scalars[index] == "`" { run += 1; index += 1 }
                    inCode = inCode == 0 ? run : (inCode == run ? 0 : inCode)
                    continue
                }
                if inCode == 0, scalars[index] == "<", index + 1 < scalars.count,
                   scalars[index + 1] == "/" || scalars[index + 1] == "!" || scalars[index + 1].properties.isAlphabetic,
                   index == 0 || scalars[index - 1] != "\\" {
                    return true
                }
                index += 1
            }
        }
        return false
    }
}
