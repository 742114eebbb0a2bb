/// Reads the configured Postman collection, matches its requests to operations and reports drift:
/// names the spec does not know or that the body leaves out, and what the validators say the API
/// would reject in each example body.
enum PostmanStage {
    struct Result {
        var collection: PostmanCollection
        /// Operation id → the first Postman request matched to it.
        var matched: [String: PostmanRequestItem]
        var diagnostics: [Diagnostic]
    }

    static func summaries(_ api: APIDocument) -> [OperationSummary] {
        api.operations.map { operation in
            let schema = operation.requestBody?.json?.schema
            let parts = schema.map { api.objectParts(of: $0) }
            return OperationSummary(
                operationId: operation.id, method: operation.method, pathTemplate: operation.path,
                serverURLs: api.servers.map(\.url), bodyPropertyNames: parts?.properties.map(\.name),
                requiredBodyProperties: parts?.required ?? [])
        }
    }

    /// Reads a loaded collection (and environment), matches it to the API's operations and reports drift.
    static func run(_ document: JSONDocument, environment: JSONDocument?, api: APIDocument) throws(DiagnosticsError) -> Result {
        let collection = try PostmanCollectionReader().read(document, environment: environment)
        var diagnostics = document.warnings
        let summaries = summaries(api)
        var matched: [String: PostmanRequestItem] = [:]
        for (item, summary) in PostmanMatcher.match(collection.requests, operations: summaries) {
            diagnostics.append(contentsOf: PostmanDrift.check(item: item, operation: summary))
            guard let id = summary?.operationId, let operation = api.operation(id: id) else { continue }
            if matched[id] == nil { matched[id] = item }
            diagnostics.append(contentsOf: bodyFindings(item, operation: operation, api: api))
        }
        return Result(collection: collection, matched: matched, diagnostics: diagnostics)
    }

    /// Runs the request-body validators on a Postman raw JSON body.
    static func bodyFindings(_ item: PostmanRequestItem, operation: Operation, api: APIDocument) -> [Diagnostic] {
        guard case .raw(let text, _)? = item.body, let schema = operation.requestBody?.json?.schema,
              let body = try? JSONReader().read(text: text) else { return [] }
        let findings = SchemaValidator(api: api).validate(body.root, against: schema)
        let fallback = item.source.flatMap { source in item.bodyOffset >= 0 ? source.location(ofOffset: item.bodyOffset) : nil } ?? item.location
        return findings.map { finding in
            let location = PostmanDrift.locateInStringLiteral(decodedOffset: finding.offset, item: item) ?? fallback
            return Diagnostic(.warning, "the API would reject the body of Postman request \"\(item.name)\": \(finding.pointer): \(finding.rule): \(finding.message)",
                              at: location, pointer: (item.bodyPointer ?? item.pointer).description,
                              hint: "fix the example in the collection, or the spec if the API accepts it")
        }
    }
}
