/// Choices a user can make about the generated snippets; every client honours what applies to it.
public struct SnippetOptions: Sendable, Hashable {
    /// Spaces per indentation level (0 means a tab).
    public var indent: Int
    /// Shell clients: `--request/--header/--data` (true) or `-X/-H/-d` (false).
    public var longFlags: Bool
    /// Print JSON bodies over several lines instead of compactly.
    public var prettyJSON: Bool
    /// A request timeout in seconds, emitted where the client supports one (nil: none).
    public var timeoutSeconds: Int?
    /// Shell clients: break the command over several lines with ` \`.
    public var multilineShell: Bool

    /// Creates options; the defaults match the docs style (2 spaces, long flags, compact JSON, no timeout).
    public init(indent: Int = 2, longFlags: Bool = true, prettyJSON: Bool = false, timeoutSeconds: Int? = nil, multilineShell: Bool = true) {
        self.indent = indent
        self.longFlags = longFlags
        self.prettyJSON = prettyJSON
        self.timeoutSeconds = timeoutSeconds
        self.multilineShell = multilineShell
    }

    /// The default options.
    public static let `default` = SnippetOptions()

    /// The indentation text for one level.
    public var indentUnit: String { indent <= 0 ? "\t" : String(repeating: " ", count: indent) }

    /// A code writer using this indentation.
    public func writer() -> CodeWriter { CodeWriter(indentUnit: indentUnit) }
}
