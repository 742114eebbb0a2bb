extension OperationSummary {
    /// The summary of an operation read by `OpenAPIReader`: servers of the document, and the properties of
    /// the JSON (else form) request body, `allOf` members included, `$ref`s followed.
    public init(_ operation: Operation, in document: APIDocument) {
        var names: [String]?
        var required: [String] = []
        let media = operation.requestBody.flatMap { body in
            body.json ?? body.content.first { $0.mediaType.hasPrefix("application/x-www-form-urlencoded") || $0.mediaType.hasPrefix("multipart/form-data") }
        }
        if let schema = media?.schema {
            var collected: [String] = []
            var visited = 0
            func collect(_ schema: Schema) {
                visited += 1
                guard visited < 256 else { return }
                let resolved = document.dereference(schema)
                for property in resolved.properties where !collected.contains(property.name) { collected.append(property.name) }
                for name in resolved.required where !required.contains(name) { required.append(name) }
                for member in resolved.allOf { collect(member) }
            }
            collect(schema)
            names = collected.isEmpty ? nil : collected
        }
        self.init(operationId: operation.id, method: operation.method, pathTemplate: operation.path, serverURLs: document.servers.map(\.url), bodyPropertyNames: names, requiredBodyProperties: required)
    }
}
