/// `specgen snippet`: one HAR request, one client, the snippet on standard output.
public enum SnippetCLI {
    /// The `--help` text.
    public static let help = """
    OVERVIEW: Print a code snippet for one HTTP request described in a HAR file.

    USAGE: specgen snippet --har <file> --client <id> [options]
           specgen snippet --list-clients

    OPTIONS:
      --har <file>          A HAR 1.2 request object, or a HAR log whose log.entries[].request are read.
                            Example: --har Specs/update-user.har.json
      --client <id>         The snippet client (see --list-clients). Example: --client python-requests
      --entry <n>           Which request of a HAR log to use, counting from 1 (default: 1).
                            Example: --entry 2
      --indent <n>          Spaces per indentation level; 0 indents with tabs (default: 2). Go output
                            always uses tabs, as gofmt does. Example: --indent 4
      --short-flags         Shell clients use short options (curl -X, -H, -F) instead of long ones
                            (--request, --header, --form). Example: --client shell-curl --short-flags
      --single-line         Shell clients print the command on one line instead of one option per line.
                            Example: --client shell-curl --single-line
      --pretty-json         Print JSON bodies over several lines (default: compact).
                            Example: --pretty-json
      --timeout <seconds>   Add a request timeout where the client supports one.
                            Example: --timeout 30
      --list-clients        List every client: id, language, file extension (one per line).
      -h, --help            Show this help.

    EXAMPLES:
      specgen snippet --har update-user.har.json --client shell-curl
      specgen snippet --har session.har --entry 3 --client go-native --timeout 10
      specgen snippet --list-clients

    EXIT STATUS: 0 on success, 2 for a usage error or an unreadable or malformed HAR file.
    """

    /// Runs the command with `arguments` (after the `snippet` word); returns the exit status.
    public static func run(_ arguments: [String], readFile: (String) throws -> String, write: (String) -> Void, writeError: (String) -> Void) -> Int32 {
        var harPath: String?
        var clientID: String?
        var entry = 1
        var options = SnippetOptions()
        var listClients = false

        func usage(_ message: String, hint: String? = nil) -> Int32 {
            writeError(Diagnostic.error(message, hint: hint ?? "run 'specgen snippet --help' for the options").description + "\n")
            return 2
        }

        var index = 0
        func value(for option: String) -> String? {
            guard index + 1 < arguments.count else { return nil }
            index += 1
            return arguments[index]
        }
        while index < arguments.count {
            var argument = arguments[index]
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                inline = String(argument[argument.index(after: equals)...])
                argument = String(argument[..<equals])
            }
            func take() -> String? { inline ?? value(for: argument) }
            switch argument {
            case "-h", "--help":
                write(help + "\n")
                return 0
            case "--list-clients": listClients = true
            case "--har":
                guard let path = take() else { return usage("--har needs a file path", hint: "example: --har request.har.json") }
                harPath = path
            case "--client":
                guard let id = take() else { return usage("--client needs a client id", hint: "see 'specgen snippet --list-clients'") }
                clientID = id
            case "--entry":
                guard let text = take(), let number = Int(text), number >= 1 else { return usage("--entry needs a number from 1", hint: "example: --entry 2") }
                entry = number
            case "--indent":
                guard let text = take(), let number = Int(text), (0...16).contains(number) else { return usage("--indent needs a number from 0 to 16", hint: "example: --indent 4") }
                options.indent = number
            case "--timeout":
                guard let text = take(), let number = Int(text), number > 0 else { return usage("--timeout needs a positive number of seconds", hint: "example: --timeout 30") }
                options.timeoutSeconds = number
            case "--short-flags": options.longFlags = false
            case "--long-flags": options.longFlags = true
            case "--single-line": options.multilineShell = false
            case "--pretty-json": options.prettyJSON = true
            default:
                return usage("unknown argument '\(arguments[index])'")
            }
            index += 1
        }

        if listClients {
            for client in SnippetClients.all {
                write("\(client.info.id)\t\(client.info.language)\t\(client.info.fileExtension)\n")
            }
            return 0
        }
        guard let harPath else { return usage("missing --har <file>", hint: "example: specgen snippet --har request.har.json --client shell-curl") }
        guard let clientID else { return usage("missing --client <id>", hint: "choose one of: " + SnippetClients.all.map(\.info.id).joined(separator: ", ")) }
        guard let client = SnippetClients.client(id: clientID) else {
            if clientID.lowercased() == SwiftSDKSnippet.info.id {
                return usage("the swift-sdk snippet calls the SDK generated from an OpenAPI description; a HAR request has none",
                             hint: "run `specgen generate`: it writes Snippets/<operationId>/swift-sdk.swift beside the SDK")
            }
            return usage("unknown client '\(clientID)'", hint: "choose one of: " + SnippetClients.all.map(\.info.id).joined(separator: ", "))
        }
        let text: String
        do {
            text = try readFile(harPath)
        } catch {
            writeError(Diagnostic.error("cannot read '\(harPath)': \(error)", hint: "check the path given to --har").description + "\n")
            return 2
        }
        let requests: [RequestExample]
        do {
            let document = try JSONReader().read(text: text, path: harPath)
            requests = try HARReader().read(document)
        } catch {
            writeError(error.description + "\n")
            return 2
        }
        guard entry <= requests.count else {
            return usage("--entry \(entry) is past the end: '\(harPath)' holds \(requests.count) request\(requests.count == 1 ? "" : "s")")
        }
        let example = requests[entry - 1]
        if let limitation = client.limitation(for: example) {
            writeError(Diagnostic.warning("\(client.info.displayName): \(limitation)").description + "\n")
        }
        write(client.render(example, options: options))
        return 0
    }
}
