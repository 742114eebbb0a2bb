/// The code samples of an operation page: one ARIA tab group whose panels are all shown without JavaScript.
extension HTMLPage {
    func samples(folder: String) -> String {
        var html = "<section id=\"examples\">\n<h2>Examples</h2>\n<div class=\"tabs\" data-tabs>\n"
        html += "<div role=\"tablist\" aria-label=\"Code samples\">\n"
        for (index, snippet) in snippets.enumerated() {
            let client = snippet.info
            let id = HTMLText.anchor(client.id)
            html += "<button type=\"button\" role=\"tab\" id=\"tab-\(id)\" aria-controls=\"panel-\(id)\" aria-selected=\"\(index == 0)\" tabindex=\"\(index == 0 ? 0 : -1)\""
                + " data-client=\"" + HTMLText.escape(client.id) + "\" data-language=\"" + HTMLText.escape(client.language) + "\">"
                + HTMLText.escape(client.displayName) + "</button>\n"
        }
        html += "</div>\n"
        for snippet in snippets {
            let (client, text) = (snippet.info, snippet.text)
            let id = HTMLText.anchor(client.id)
            let file = "../Snippets/\(folder)/\(client.id).\(client.fileExtension)"
            html += "<div role=\"tabpanel\" id=\"panel-\(id)\" aria-labelledby=\"tab-\(id)\" tabindex=\"0\">\n"
            html += panelHead(title: client.displayName, codeID: "code-\(id)")
            if let limitation = snippet.limitation {
                html += "<p class=\"note\">Note: " + HTMLText.visible(limitation) + "</p>\n"
            }
            html += "<pre><code id=\"code-\(id)\" data-file=\"" + HTMLText.escape(file) + "\">"
                + SyntaxHighlighter(language: client.language).html(text) + "</code></pre>\n</div>\n"
        }
        html += "</div>\n"
        if let postman {
            html += "<h3>curl, from the Postman collection request “" + HTMLText.visible(postman.name ?? "") + "”</h3>\n"
            html += panelHead(title: "curl (Postman)", codeID: "code-postman-curl")
            html += "<pre><code id=\"code-postman-curl\" data-file=\"../Snippets/\(folder)/postman/shell-curl.sh\">"
                + SyntaxHighlighter(language: "shell").html(postman.curl) + "</code></pre>\n"
        }
        return html + "</section>\n"
    }

    private func panelHead(title: String, codeID: String) -> String {
        "<div class=\"panel-head\"><span class=\"panel-title\">" + HTMLText.escape(title)
            + "</span><button type=\"button\" class=\"copy\" data-copies=\"\(codeID)\" aria-label=\"Copy " + HTMLText.escape(title) + " sample\">Copy</button></div>\n"
    }
}

/// Security schemes in words, shared by the HTML and Markdown pages.
enum DocsAuthorization {
    /// `Bearer token in the Authorization header` and the like, as HTML.
    static func summary(_ scheme: SecurityScheme) -> String {
        switch scheme.kind {
        case .bearer: "HTTP bearer token: <code>Authorization: Bearer &lt;token&gt;</code>"
        case .basic: "HTTP basic: <code>Authorization: Basic &lt;base64(user:password)&gt;</code>"
        case .apiKey(let name, let location):
            "API key in the \(location.rawValue) " + (location == .query ? "parameter" : location == .header ? "header" : "") + " <code>" + HTMLText.visible(name) + "</code>"
        case .oauth2: "OAuth 2.0 access token: <code>Authorization: Bearer &lt;token&gt;</code>"
        case .openIdConnect: "OpenID Connect access token: <code>Authorization: Bearer &lt;token&gt;</code>"
        case .other(let kind): "scheme of type <code>" + HTMLText.visible(kind) + "</code>"
        }
    }

    /// The same in Markdown.
    static func markdown(_ scheme: SecurityScheme) -> String {
        switch scheme.kind {
        case .bearer: "HTTP bearer token: `Authorization: Bearer <token>`"
        case .basic: "HTTP basic: `Authorization: Basic <base64(user:password)>`"
        case .apiKey(let name, let location):
            "API key in the \(location.rawValue) " + (location == .query ? "parameter" : location == .header ? "header" : "") + " " + DocsPage.inlineCode(name)
        case .oauth2: "OAuth 2.0 access token: `Authorization: Bearer <token>`"
        case .openIdConnect: "OpenID Connect access token: `Authorization: Bearer <token>`"
        case .other(let kind): "scheme of type " + DocsPage.inlineCode(kind)
        }
    }
}
