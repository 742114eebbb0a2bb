/// What matching and drift checks need to know about an API operation, independent of the OpenAPI model.
public struct OperationSummary: Sendable, Hashable {
    public var operationId: String?
    /// HTTP method, any case (`PATCH`).
    public var method: String
    /// The path template, e.g. `/users/{id}`.
    public var pathTemplate: String
    /// Server URL templates, e.g. `["https://{tenantDomain}/api/v2"]`; empty when the description has none.
    public var serverURLs: [String]
    /// Properties of the JSON (or form) request body in schema order; nil when the body is not an object
    /// with known properties, which turns the body checks off.
    public var bodyPropertyNames: [String]?
    /// Properties the body schema requires.
    public var requiredBodyProperties: [String]

    /// Creates a summary.
    public init(operationId: String?, method: String, pathTemplate: String, serverURLs: [String] = [], bodyPropertyNames: [String]? = nil, requiredBodyProperties: [String] = []) {
        self.operationId = operationId
        self.method = method
        self.pathTemplate = pathTemplate
        self.serverURLs = serverURLs
        self.bodyPropertyNames = bodyPropertyNames
        self.requiredBodyProperties = requiredBodyProperties
    }

    /// `PATCH /users/{id}` (with the operation id when there is one), for messages.
    public var displayName: String {
        "\(method.uppercased()) \(pathTemplate)" + (operationId.map { " (\($0))" } ?? "")
    }
}
