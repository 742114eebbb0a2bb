/// A name and value pair, for headers, query items and form fields (order and repeats matter).
public struct NameValue: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A concrete HTTP request described independently of any language: what snippet clients render.
///
/// `url` holds scheme, host and path only, with placeholders such as `{yourDomain}`, `USER_ID` or
/// `{{auth0_domain}}` kept verbatim; query items live in `query` so every client can encode them its
/// own way. Authentication is already expressed as headers (`Authorization: Bearer …`).
public struct RequestExample: Sendable, Equatable {
    public var method: String
    public var url: String
    public var query: [NameValue]
    public var headers: [NameValue]
    public var body: RequestBody?
    /// A one-line title for docs pages and comments (e.g. "Update a user").
    public var summary: String?

    public init(method: String, url: String, query: [NameValue] = [], headers: [NameValue] = [], body: RequestBody? = nil, summary: String? = nil) {
        self.method = method
        self.url = url
        self.query = query
        self.headers = headers
        self.body = body
        self.summary = summary
    }

    /// The value of the first header with this name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }
}

/// One part of a multipart/form-data body.
public struct MultipartPart: Sendable, Equatable {
    public var name: String
    /// The text value for a plain field; nil for a file part.
    public var value: String?
    /// The file name for a file part (its content is read from this path by the snippet).
    public var fileName: String?
    public var contentType: String?

    public init(name: String, value: String? = nil, fileName: String? = nil, contentType: String? = nil) {
        self.name = name
        self.value = value
        self.fileName = fileName
        self.contentType = contentType
    }
}

/// A request body in a form each snippet client can render idiomatically.
public enum RequestBody: Sendable, Equatable {
    /// A JSON document kept as a value (key order preserved); content type `application/json` unless overridden.
    case json(JSONValue, contentType: String = "application/json")
    /// Text sent byte for byte (which may be JSON with placeholders that is not valid JSON).
    case text(String, contentType: String?)
    /// `application/x-www-form-urlencoded` fields, in order.
    case urlEncoded([NameValue])
    /// `multipart/form-data` parts, in order.
    case multipart([MultipartPart])

    /// The content type the body implies.
    public var contentType: String? {
        switch self {
        case .json(_, let type): type
        case .text(_, let type): type
        case .urlEncoded: "application/x-www-form-urlencoded"
        case .multipart: "multipart/form-data"
        }
    }
}
