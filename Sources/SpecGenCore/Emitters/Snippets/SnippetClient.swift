/// What a snippet client is: its id, display name, language and the file extension of its output.
public struct SnippetClientInfo: Sendable, Hashable {
    /// Stable id used on the command line and in file names (`shell-curl`, `python-requests`).
    public var id: String
    /// A human name (`curl`, `Python requests`).
    public var displayName: String
    /// The language (`shell`, `python`, …) as docs tabs name it.
    public var language: String
    /// The file extension of a snippet without the dot (`sh`, `py`).
    public var fileExtension: String

    /// Creates client info.
    public init(id: String, displayName: String, language: String, fileExtension: String) {
        self.id = id
        self.displayName = displayName
        self.language = language
        self.fileExtension = fileExtension
    }
}

/// Turns a `RequestExample` into source code for one language and library.
public protocol SnippetClient: Sendable {
    /// Who this client is.
    var info: SnippetClientInfo { get }
    /// The snippet text for a request (a complete program or command; ends with a newline).
    func render(_ example: RequestExample, options: SnippetOptions) -> String
    /// Why this client cannot express the request faithfully (nil when it can); the snippet still renders.
    func limitation(for example: RequestExample) -> String?
}

extension SnippetClient {
    /// By default a client can express every request.
    public func limitation(for example: RequestExample) -> String? { nil }
}

/// A client that writes its program into a `CodeWriter` (every client but the shell commands and the raw message):
/// `render` digests the example once, runs `write` and puts the import lines for what it gathered in front.
protocol CodeWritingClient: SnippetClient {
    /// Writes the program for `request` into `code` (indented with the options' unit; `code.imports` starts empty).
    func write(_ request: SnippetRequest, into code: inout CodeWriter)
    /// The text before the program for `imports`, sorted (none by default).
    func header(imports: [String]) -> String
}

extension CodeWritingClient {
    public func render(_ example: RequestExample, options: SnippetOptions) -> String {
        var code = options.writer()
        write(SnippetRequest(example, options: options), into: &code)
        return header(imports: code.imports.sorted()) + code.text
    }

    func header(imports: [String]) -> String { "" }
}

/// The registry of every snippet client, in the order docs pages list them.
public enum SnippetClients {
    /// Every client.
    public static let all: [any SnippetClient] = [
        CurlClient(), WgetClient(), HTTPieClient(),
        PythonHTTPClientClient(), PythonRequestsClient(), PythonHTTPXClient(),
        NodeAxiosClient(), NodeFetchClient(), BrowserFetchClient(),
        GoNativeClient(), RubyNetHTTPClient(), PHPCurlClient(), PHPGuzzleClient(),
        JavaHttpClientClient(), JavaOkHttpClient(), JavaUnirestClient(), KotlinOkHttpClient(),
        CSharpHttpClientClient(), CSharpRestSharpClient(),
        SwiftURLSessionClient(), ObjCNSURLSessionClient(),
        RustReqwestClient(), CLibcurlClient(), PowerShellRestMethodClient(), RHttr2Client(), RawHTTPClient(),
    ]

    /// The client with this id (case-insensitive), or nil.
    public static func client(id: String) -> (any SnippetClient)? {
        let wanted = id.lowercased()
        return all.first { $0.info.id == wanted }
    }
}
