/// Pairs Postman requests with API operations by method and normalised path.
///
/// Normalisation: `:id`, `{id}`, `{anything}` and a whole-segment `{{var}}` are all "a parameter"; empty
/// segments (trailing or doubled slashes) are ignored; methods compare case-insensitively. The item's full
/// path is compared with each server's path followed by the template (`{{auth0_domain}}/api/v2/users/:id` ≡
/// `https://{tenantDomain}/api/v2` + `/users/{id}`); when the item's host is a variable (such as
/// `{{baseUrl}}`, which may hold the server's path) the item's path may also match the template alone.
/// Hosts are compared only when both are literal. Among several matches the one with the most literal
/// segments wins, so `/users/me` prefers `/users/me` over `/users/{id}`.
public enum PostmanMatcher {
    /// Each request with its best operation, or nil when none matches.
    public static func match(_ requests: [PostmanRequestItem], operations: [OperationSummary]) -> [(PostmanRequestItem, OperationSummary?)] {
        let prepared = operations.map(PreparedOperation.init)
        return requests.map { request in (request, bestMatch(for: request, in: prepared)) }
    }

    /// The best operation for one request.
    public static func match(_ request: PostmanRequestItem, operations: [OperationSummary]) -> OperationSummary? {
        bestMatch(for: request, in: operations.map(PreparedOperation.init))
    }

    enum Segment: Equatable {
        case literal(String)
        case parameter
    }

    struct PreparedOperation {
        var summary: OperationSummary
        var template: [Segment]
        /// For each server (or one empty server): its literal host (nil when templated or absent) and path.
        var servers: [(host: String?, path: [Segment])]

        init(_ summary: OperationSummary) {
            self.summary = summary
            template = PostmanMatcher.segments(summary.pathTemplate.split(separator: "/", omittingEmptySubsequences: true).map(String.init))
            let urls = summary.serverURLs.isEmpty ? [""] : summary.serverURLs
            servers = urls.map { url in
                var rest = Substring(url)
                var host: String?
                if let scheme = rest.firstRange(of: "://") {
                    rest = rest[scheme.upperBound...]
                    let end = rest.firstIndex(of: "/") ?? rest.endIndex
                    let authority = String(rest[..<end])
                    host = authority.contains("{") ? nil : authority.lowercased()
                    rest = rest[end...]
                } else if rest.hasPrefix("//") {
                    rest = rest.dropFirst(2)
                    let end = rest.firstIndex(of: "/") ?? rest.endIndex
                    rest = rest[end...]
                }
                return (host, PostmanMatcher.segments(rest.split(separator: "/", omittingEmptySubsequences: true).map(String.init)))
            }
        }
    }

    static func segments(_ parts: [String]) -> [Segment] {
        parts.filter { !$0.isEmpty }.map { part in
            if part.hasPrefix(":") && part.count > 1 { return .parameter }
            if part.hasPrefix("{") && part.hasSuffix("}") { return .parameter }  // {id} and {{var}}
            return .literal(part)
        }
    }

    /// Score of a segment-wise match (2 per literal = literal, 1 per parameter), nil when it fails.
    static func score(item: [Segment], operation: [Segment]) -> Int? {
        guard item.count == operation.count else { return nil }
        var total = 0
        for (mine, theirs) in zip(item, operation) {
            switch (mine, theirs) {
            case let (.literal(a), .literal(b)):
                guard a == b else { return nil }
                total += 2
            case (.literal, .parameter), (.parameter, .parameter):
                total += 1
            case (.parameter, .literal):
                return nil
            }
        }
        return total
    }

    static func bestMatch(for request: PostmanRequestItem, in operations: [PreparedOperation]) -> OperationSummary? {
        let method = request.method.uppercased()
        let path = segments(request.url.path)
        let hostText = request.url.host.joined(separator: ".")
        let hostIsVariable = hostText.isEmpty || hostText.contains("{{")
        let literalHost: String? = hostIsVariable ? nil : (request.url.port.map { "\(hostText):\($0)" } ?? hostText).lowercased()

        var best: (summary: OperationSummary, rank: (Int, Int))?
        for operation in operations where operation.summary.method.uppercased() == method {
            for server in operation.servers {
                if let mine = literalHost, let theirs = server.host, mine != theirs { continue }
                var rank: (Int, Int)?
                if let full = score(item: path, operation: server.path + operation.template) {
                    rank = (2, full)
                } else if hostIsVariable, let partial = score(item: path, operation: operation.template) {
                    rank = (1, partial)
                }
                if let rank, best == nil || rank > best!.rank { best = (operation.summary, rank) }
            }
        }
        return best?.summary
    }
}
