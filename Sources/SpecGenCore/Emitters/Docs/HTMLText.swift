/// HTML escaping for the docs pages: every piece of spec text reaches a page through one of these.
enum HTMLText {
    /// Text safe between tags and inside double-quoted attributes: `& < > " '` as references, CR as `&#13;`
    /// (an HTML parser would turn a raw CR into LF) and NUL as U+FFFD (what a parser makes of it anyway).
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            // Every replaced scalar is at most `>` (U+003E): the table is looked up for those only.
            if scalar.value <= 0x3E, let reference = references[scalar] { output += reference } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }

    /// What `escape` writes for each scalar it replaces.
    private static let references: [Unicode.Scalar: String] = [
        "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;", "\r": "&#13;", "\0": "\u{FFFD}",
    ]

    /// Spec text shown on a page: control, bidi and zero-width characters made visible as `\u{…}`, then escaped.
    static func visible(_ text: String) -> String {
        escape(DocsPage.visible(text))
    }

    /// An `id` attribute value made of ASCII letters, digits, `-` and `_` (deterministic for any text).
    static func anchor(_ text: String) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCIIAlphanumeric || scalar == "-" || scalar == "_" {
                output.unicodeScalars.append(scalar)
            } else {
                output += "-" + String(scalar.value, radix: 16)
            }
        }
        return output.isEmpty ? "_" : output
    }

    /// A link target a page may carry: http(s), mailto, a fragment or a relative path; nil for anything
    /// else (`javascript:`, `data:`, `vbscript:` …), compared after removing whitespace and controls.
    static func safeURL(_ url: String) -> String? {
        let compact = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        let lowered = compact.lowercased()
        if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") || lowered.hasPrefix("#") {
            return compact
        }
        if let colon = lowered.firstIndex(of: ":") {
            let beforeColon = lowered[..<colon]
            if !beforeColon.contains("/") && !beforeColon.contains("?") && !beforeColon.contains("#") { return nil }
        }
        return compact.isEmpty ? nil : compact
    }
}
