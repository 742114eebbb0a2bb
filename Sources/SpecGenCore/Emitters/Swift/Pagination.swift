/// How a list operation pages, found from the spec (its parameters, response schema and headers) or named in
/// `specgen.json` (`"swift": {"pagination": {"<operationId>": "cursor" | "link" | "page" | "checkpoint" | "none"}}`).
/// Rendered as an `APIPaginatedOperation` conformance: `items(in:)` and `next(after:headers:)`.
struct PaginationPlan {
    enum Scheme: String, CaseIterable {
        /// Stripe: `has_more` and the last item's `id` as `starting_after`.
        case cursor
        /// GitHub: the `page` of the `Link: <…>; rel="next"` header.
        case link
        /// Auth0: `page` (from 0) and `per_page`; a short or empty page is the last.
        case page
        /// Auth0: `from` = the response's `next` checkpoint, `take` items per page.
        case checkpoint
    }

    var scheme: Scheme
    /// The success type (the page) and the element type.
    var pageType: String
    var itemType: String
    /// Swift statements of `items(in page:)`'s body.
    var itemsBody: [String]
    /// Swift statements of `next(after page:, headers:)`'s body.
    var nextBody: [String]
}

/// Finds the pagination of an operation from its declaration and the type builder's declarations.
struct PaginationFinder {
    /// Every component declaration by its Swift name, as the type builder made them.
    let components: [String: Decl]

    /// A member of a struct page and how to read it as a non-optional value (`?? default`) or an optional.
    private func read(_ property: PropertyDecl, on base: String) -> (expression: String, optional: Bool) {
        let name = base + "." + SwiftNaming.escaped(property.swiftName)
        switch property.mode {
        case .required: return (name, false)
        case .optional, .requiredNullable: return (name, true)
        case .nullable: return (name + ".value", true)
        }
    }

    /// The declaration behind a named shape (a component, or one nested in the operation).
    private func declaration(_ shape: Shape, nested: [Decl]) -> Decl? {
        switch shape {
        case .named(let name):
            return nested.first(where: { $0.name == name }) ?? components[name]
        case .alias(_, let underlying): return declaration(underlying, nested: nested)
        default: return nil
        }
    }

    /// How to get the items out of one page shape: the statement returning them, and their element type.
    private func items(of shape: Shape, value: String, nested: [Decl], depth: Int = 0) -> (body: [String], element: String)? {
        if case .array(let element, _) = shape { return (["return \(value)"], element.swiftType) }
        if case .alias(_, let underlying) = shape { return items(of: underlying, value: value, nested: nested, depth: depth) }
        guard depth < 2, let decl = declaration(shape, nested: nested) else { return nil }
        switch decl {
        case .structure(let structure):
            let arrays = structure.properties.filter { if case .array = $0.shape { true } else { false } }
            guard arrays.count == 1, let member = arrays.first, case .array(let element, _) = member.shape,
                  !Self.mentions(element.swiftType, structure.nested) else { return nil }
            let (expression, optional) = read(member, on: value)
            return (["return \(expression)\(optional ? " ?? []" : "")"], element.swiftType)
        case .oneOf(let oneOf):
            var lines = ["switch \(value) {"]
            var element: String?
            for entry in oneOf.cases {
                guard let inner = items(of: entry.shape, value: "value", nested: nested + oneOf.nested, depth: depth + 1),
                      element == nil || element == inner.element, !Self.mentions(inner.element, oneOf.nested) else { return nil }
                element = inner.element
                lines.append("case .\(SwiftNaming.escaped(entry.swiftName))(let value):")
                lines.append(contentsOf: inner.body.map { "    " + $0 })
            }
            guard let element else { return nil }
            return (lines + ["}"], element)
        default:
            return nil
        }
    }

    /// True when `type` names one of `declarations` (written outside their parent it would need qualifying).
    static func mentions(_ type: String, _ declarations: [Decl]) -> Bool {
        var identifiers: Set<Substring> = []
        var start: String.Index?
        for index in type.indices {
            let character = type[index]
            if character.isLetter || character.isNumber || character == "_" {
                if start == nil { start = index }
            } else if let begin = start {
                identifiers.insert(type[begin..<index])
                start = nil
            }
        }
        if let begin = start { identifiers.insert(type[begin...]) }
        return declarations.contains { identifiers.contains(Substring($0.name)) }
    }

    /// The struct members named `names` (JSON names) of a page shape, for a struct page or each struct of a one-of.
    private func member(_ jsonName: String, of shape: Shape, nested: [Decl]) -> [(caseName: String?, property: PropertyDecl)] {
        switch declaration(shape, nested: nested) {
        case .structure(let structure)?:
            return structure.properties.first { $0.jsonName == jsonName }.map { [(nil, $0)] } ?? []
        case .oneOf(let oneOf)?:
            return oneOf.cases.flatMap { entry -> [(caseName: String?, property: PropertyDecl)] in
                guard case .structure(let structure)? = declaration(entry.shape, nested: nested + oneOf.nested),
                      let property = structure.properties.first(where: { $0.jsonName == jsonName }) else { return [] }
                return [(entry.swiftName, property)]
            }
        default:
            return []
        }
    }

    func plan(for decl: OperationDecl, operation: Operation, override: String?) -> PaginationPlan? {
        if override == "none" { return nil }
        guard decl.method == "GET", case .json(let page)? = decl.success?.payload,
              let found = items(of: page, value: "page", nested: decl.nested) else { return nil }
        let fields = Dictionary(decl.plan.fields.filter { $0.parameter.location == .query }.map { ($0.parameter.name, $0) }, uniquingKeysWith: { first, _ in first })
        let successHeaders = Set(operation.responses.first { $0.status == decl.success?.status }?.headers.map { $0.name.lowercased() } ?? [])
        let wanted = override.flatMap(PaginationPlan.Scheme.init(rawValue:))
        for scheme in wanted.map({ [$0] }) ?? PaginationPlan.Scheme.allCases {
            if let next = nextBody(scheme, page: page, fields: fields, linkHeader: successHeaders.contains("link"), nested: decl.nested) {
                return PaginationPlan(scheme: scheme, pageType: decl.qualified(page), itemType: found.element, itemsBody: found.body, nextBody: next)
            }
        }
        return nil
    }

    private func nextBody(_ scheme: PaginationPlan.Scheme, page: Shape, fields: [String: RequestPlan.Field], linkHeader: Bool, nested: [Decl]) -> [String]? {
        func assign(_ field: RequestPlan.Field, _ value: String) -> [String] {
            ["var next = self", "next.\(SwiftNaming.escaped(field.swiftName)) = \(value)", "return next"]
        }
        switch scheme {
        case .cursor:
            guard let cursor = fields["starting_after"], case .string = cursor.shape,
                  let hasMore = member("has_more", of: page, nested: nested).first, hasMore.caseName == nil,
                  let data = member("data", of: page, nested: nested).first, data.caseName == nil,
                  case .array(let element, _) = data.property.shape, case .structure(let item)? = declaration(element, nested: nested),
                  let id = item.properties.first(where: { $0.jsonName == "id" }), case .string = id.shape else { return nil }
            let more = read(hasMore.property, on: "page")
            let items = read(data.property, on: "page")
            let last = read(id, on: "last")
            return ["guard \(more.expression)\(more.optional ? " == true" : ""), let last = \(items.expression)\(items.optional ? "?" : "").last\(last.optional ? ", let id = \(last.expression)" : "") else { return nil }"]
                + assign(cursor, last.optional ? "id" : last.expression)
        case .link:
            guard linkHeader, let page = fields["page"], case .integer = page.shape else { return nil }
            return ["guard let number = SpecGenLink.nextPage(headers[\"link\"]) else { return nil }"] + assign(page, "number")
        case .page:
            guard let number = fields["page"], case .integer = number.shape, let size = fields["per_page"], case .integer = size.shape else { return nil }
            // Without `page` the server sends its first page: the schema's default, else its minimum, else 0.
            let schema = number.parameter.schema
            let first = schema?.defaultValue?.numberValue?.int ?? schema?.minimum.flatMap { Int(exactly: $0) } ?? 0
            let current = number.parameter.required ? "self.\(number.swiftName)" : "(self.\(number.swiftName) ?? \(first))"
            let perPage = size.parameter.required ? "self.\(size.swiftName)" : "(self.\(size.swiftName) ?? 1)"
            return ["let count = Self.items(in: page).count", "guard count > 0, count >= \(perPage) else { return nil }"]
                + assign(number, "\(current) + 1")
        case .checkpoint:
            guard let from = fields["from"], case .string = from.shape, fields["take"] != nil else { return nil }
            let tokens = member("next", of: page, nested: nested).filter { if case .string = $0.property.shape { true } else { false } }
            guard !tokens.isEmpty else { return nil }
            var lines: [String]
            if tokens.count == 1, tokens[0].caseName == nil {
                let token = read(tokens[0].property, on: "page")
                lines = ["let token: String? = \(token.expression)"]
            } else {
                lines = ["var token: String?"]
                for entry in tokens {
                    let token = read(entry.property, on: "value")
                    lines.append("if case .\(SwiftNaming.escaped(entry.caseName ?? ""))(let value) = page { token = \(token.expression) }")
                }
            }
            return lines + ["guard let token, !token.isEmpty, !Self.items(in: page).isEmpty else { return nil }"] + assign(from, "token")
        }
    }
}
