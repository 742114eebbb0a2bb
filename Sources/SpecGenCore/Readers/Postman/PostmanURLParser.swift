/// Splits a Postman URL string (`https://{{host}}:8080/a/:id?x=1#top`) into `PostmanURL` parts.
///
/// Postman URLs are not RFC 3986 URLs: hosts may be `{{variables}}`, the scheme may be missing, and
/// values are not percent-decoded (they are sent as written), so this is a plain split, never a decode.
enum PostmanURLParser {
    static func parse(_ raw: String) -> PostmanURL {
        var url = PostmanURL(raw: raw)
        var rest = Substring(raw.trimmedOfSpacesAndTabs)
        if let hashIndex = rest.firstIndex(of: "#") {
            url.hash = String(rest[rest.index(after: hashIndex)...])
            rest = rest[..<hashIndex]
        }
        if let questionIndex = rest.firstIndex(of: "?") {
            url.query = parseQuery(rest[rest.index(after: questionIndex)...])
            rest = rest[..<questionIndex]
        }
        if let range = rest.firstRange(of: "://"), !rest[..<range.lowerBound].contains("/"), !rest[..<range.lowerBound].contains("{") {
            url.scheme = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        let hostEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<hostEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        // A port is `:digits` or `:{{var}}` after the last label (never inside `{{ }}`).
        if let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("}") || authority[colon...].hasPrefix(":{{") {
            let port = authority[authority.index(after: colon)...]
            if port.allSatisfy({ $0.isASCII && $0.isNumber }) || port.hasPrefix("{{") {
                url.port = String(port)
                authority = authority[..<colon]
            }
        }
        url.host = authority.isEmpty ? [] : splitHost(authority)
        if hostEnd < rest.endIndex {
            let path = rest[rest.index(after: hostEnd)...]
            url.path = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        }
        return url
    }

    /// Splits host labels on dots that are outside `{{ }}`.
    static func splitHost(_ text: Substring) -> [String] {
        var labels: [String] = []
        var current = ""
        var depth = 0
        var previous: Character?
        for character in text {
            if character == "{" && previous == "{" { depth += 1 }
            if character == "}" && previous == "}" && depth > 0 { depth -= 1 }
            if character == "." && depth == 0 {
                labels.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        labels.append(current)
        return labels
    }

    /// `a=1&b&c=` → `[a: "1", b: nil, c: ""]`; nothing is decoded.
    static func parseQuery(_ text: Substring) -> [PostmanQueryItem] {
        guard !text.isEmpty else { return [] }
        return text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return PostmanQueryItem(String(pair[..<equals]), String(pair[pair.index(after: equals)...]))
            }
            return PostmanQueryItem(String(pair), nil)
        }
    }
}
