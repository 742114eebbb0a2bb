/// The Postman collection format versions the reader understands.
public enum PostmanSchemaVersion: String, Sendable, Hashable {
    case v2_0 = "2.0"
    case v2_1 = "2.1"
}

/// A `{{name}}` variable defined by a collection, a folder or an environment file.
public struct PostmanVariable: Sendable, Hashable {
    /// Where a variable was defined; later scopes override earlier ones when resolving.
    public enum Scope: String, Sendable, Hashable {
        case collection, folder, environment
    }

    public var key: String
    public var value: String
    public var scope: Scope

    /// Creates a variable.
    public init(key: String, value: String, scope: Scope) {
        self.key = key
        self.value = value
        self.scope = scope
    }
}

/// A key and value pair from a Postman list (headers, path variables), disabled entries already removed.
public struct PostmanKeyValue: Sendable, Hashable {
    public var key: String
    public var value: String

    /// Creates a pair.
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// One query parameter; `value` is nil for a bare `?flag` without `=`.
public struct PostmanQueryItem: Sendable, Hashable {
    public var key: String
    public var value: String?

    /// Creates a query item.
    public init(_ key: String, _ value: String?) {
        self.key = key
        self.value = value
    }
}

/// A request URL split the way Postman stores it; `{{variables}}` and `:pathVariables` are kept verbatim.
public struct PostmanURL: Sendable, Hashable {
    /// The URL as the user typed it (display only; the parts below are authoritative).
    public var raw: String
    /// `https`, `http`, or nil when the URL has no scheme (e.g. `{{baseUrl}}/users`).
    public var scheme: String?
    /// Host labels, e.g. `["api", "example", "com"]` or `["{{auth0_domain}}"]`.
    public var host: [String]
    public var port: String?
    /// Path segments without slashes, e.g. `["api", "v2", "users", ":id"]`; a trailing `""` keeps a trailing slash.
    public var path: [String]
    /// Values of `:name` path segments, in the collection's order.
    public var pathVariables: [PostmanKeyValue]
    /// Enabled query parameters, in order.
    public var query: [PostmanQueryItem]
    /// The fragment after `#`, never sent to a server.
    public var hash: String?

    /// Creates a URL.
    public init(raw: String, scheme: String? = nil, host: [String] = [], port: String? = nil, path: [String] = [], pathVariables: [PostmanKeyValue] = [], query: [PostmanQueryItem] = [], hash: String? = nil) {
        self.raw = raw
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.pathVariables = pathVariables
        self.query = query
        self.hash = hash
    }

    /// `scheme://host:port/path`, without query or fragment, placeholders kept.
    public var base: String {
        var text = ""
        if let scheme { text += scheme + "://" }
        text += host.joined(separator: ".")
        if let port, !port.isEmpty { text += ":" + port }
        if !path.isEmpty { text += "/" + path.joined(separator: "/") }
        return text
    }
}

/// Authentication as Postman describes it.
public enum PostmanAuth: Sendable, Hashable {
    /// `Authorization: Bearer <token>` (also OAuth 2 with a stored access token, with its prefix).
    case bearer(token: String, prefix: String = "Bearer")
    /// `Authorization: Basic base64(username:password)`.
    case basic(username: String, password: String)
    /// An API key sent as a header or as a query parameter.
    case apiKey(key: String, value: String, inQuery: Bool)
    /// Explicitly no authentication (`noauth`): stops inheritance from folders and the collection.
    case none
    /// A scheme SpecGen does not turn into headers (digest, oauth1, awsv4, hawk, ntlm, …).
    case unsupported(type: String)
}

/// One part of a `formdata` body: text, or a file read from `src`.
public struct PostmanFormPart: Sendable, Hashable {
    public var key: String
    /// The text value of a text part (nil for a file part).
    public var value: String?
    /// The file paths of a file part (Postman allows several files under one key).
    public var files: [String]
    public var contentType: String?

    /// True for a file part.
    public var isFile: Bool { value == nil }

    /// Creates a part.
    public init(key: String, value: String?, files: [String] = [], contentType: String? = nil) {
        self.key = key
        self.value = value
        self.files = files
        self.contentType = contentType
    }
}

/// A request body as Postman stores it, disabled fields already removed.
public enum PostmanBody: Sendable, Hashable {
    /// Text sent byte for byte (CRLF kept); `language` is `options.raw.language` (`json`, `xml`, `text`, …).
    case raw(String, language: String?)
    case urlEncoded([PostmanKeyValue])
    case formData([PostmanFormPart])
    /// GraphQL query and the variables text (JSON, possibly empty).
    case graphQL(query: String, variables: String?)
    /// A binary file body read from `src`.
    case file(src: String?)
}

/// One request of a collection, flattened out of its folders.
public struct PostmanRequestItem: Sendable {
    public var name: String
    /// Names of the enclosing folders, outermost first (empty at the collection's top level).
    public var folderPath: [String]
    /// JSON pointer of the item in the collection file (e.g. `/item/0/item/3`).
    public var pointer: JSONPointer
    /// Byte offset of the item object in the collection file (-1 when synthetic).
    public var offset: Int
    /// `file:line:column` of the item (nil when synthetic).
    public var location: SourceLocation?
    /// Upper-cased HTTP method (`GET` when the collection omits it).
    public var method: String
    public var url: PostmanURL
    /// Enabled headers, in order, repeats kept.
    public var headers: [PostmanKeyValue]
    public var body: PostmanBody?
    /// JSON pointer of the body's payload (`…/request/body/raw`), for locating findings about it.
    public var bodyPointer: JSONPointer?
    /// Byte offset of the body's payload in the collection file (-1 when unknown).
    public var bodyOffset: Int = -1
    /// The effective authentication after inheritance from folders and the collection (nil: none).
    public var auth: PostmanAuth?
    /// The description as written (HTML or Markdown).
    public var description: String?
    /// Variables visible to this item, in resolution order (collection, folders, environment).
    public var variables: [PostmanVariable]
    /// The collection file the item was read from (nil when built in code), for locating findings inside it.
    public var source: SourceFile?

    /// Creates an item.
    public init(name: String, folderPath: [String] = [], pointer: JSONPointer = .root, offset: Int = -1, location: SourceLocation? = nil, method: String, url: PostmanURL, headers: [PostmanKeyValue] = [], body: PostmanBody? = nil, bodyPointer: JSONPointer? = nil, auth: PostmanAuth? = nil, description: String? = nil, variables: [PostmanVariable] = [], source: SourceFile? = nil) {
        self.name = name
        self.folderPath = folderPath
        self.pointer = pointer
        self.offset = offset
        self.location = location
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.bodyPointer = bodyPointer
        self.auth = auth
        self.description = description
        self.variables = variables
        self.source = source
    }

    /// The description converted to Markdown for doc comments (HTML tags never survive).
    public var descriptionMarkdown: String? {
        description.map { PostmanHTML.markdown(from: $0) }
    }

    /// The value each variable name resolves to for this item (later scopes win).
    public var variableValues: [String: String] {
        var values: [String: String] = [:]
        for variable in variables { values[variable.key] = variable.value }
        return values
    }
}

/// A Postman collection read into requests.
public struct PostmanCollection: Sendable {
    public var name: String
    public var version: PostmanSchemaVersion
    public var description: String?
    /// Collection variables followed by environment variables (later entries win when resolving).
    public var variables: [PostmanVariable]
    /// The collection-level authentication, if any.
    public var auth: PostmanAuth?
    /// Every request, in document order, flattened out of folders.
    public var requests: [PostmanRequestItem]
    /// Non-fatal findings (unsupported auth, items without a request, …), located in the collection file.
    public var warnings: [Diagnostic]

    /// Creates a collection.
    public init(name: String, version: PostmanSchemaVersion, description: String? = nil, variables: [PostmanVariable] = [], auth: PostmanAuth? = nil, requests: [PostmanRequestItem] = [], warnings: [Diagnostic] = []) {
        self.name = name
        self.version = version
        self.description = description
        self.variables = variables
        self.auth = auth
        self.requests = requests
        self.warnings = warnings
    }

    /// The first request with this name (optionally inside this folder path).
    public func request(named name: String, in folderPath: [String]? = nil) -> PostmanRequestItem? {
        requests.first { $0.name == name && (folderPath == nil || $0.folderPath == folderPath!) }
    }
}
