import Foundation
import SpecGenCore

/// `specgen snippet`: one HAR request, one client, the snippet on standard output.
let snippetCommand = CommandSpec(
    name: "snippet",
    usage: "specgen snippet --har FILE --client ID [options]\n       specgen snippet --list-clients",
    abstract: "Print a request as code in one of many languages (curl, Python, Go, …).",
    discussion: "Prints a code snippet for one HTTP request described in a HAR file.",
    options: [
        .value("--har", "FILE", "A HAR 1.2 request object, or a HAR log whose log.entries[].request are read.\nExample: --har Specs/update-user.har.json"),
        .value("--client", "ID", "The snippet client (see --list-clients).\nExample: --client python-requests"),
        .value("--entry", "N", .integer(1...Int.max), "Which request of a HAR log to use, counting from 1 (default: 1).\nExample: --entry 2"),
        .value("--indent", "N", .integer(0...16), "Spaces per indentation level, 0 to 16; 0 indents with tabs (default: 2). Go output always uses tabs, as gofmt does.\nExample: --indent 4"),
        .flag("--short-flags", "Shell clients use short options (curl -X, -H, -F) instead of long ones (--request, --header, --form).\nExample: --client shell-curl --short-flags"),
        .flag("--long-flags", "Shell clients use long options (the default; undoes an earlier --short-flags).\nExample: --client shell-curl --long-flags"),
        .flag("--single-line", "Shell clients print the command on one line instead of one option per line.\nExample: --client shell-curl --single-line"),
        .flag("--pretty-json", "Print JSON bodies over several lines (default: compact).\nExample: --pretty-json"),
        .value("--timeout", "SECONDS", .integer(1...Int.max), "Add a request timeout where the client supports one.\nExample: --timeout 30"),
        .flag("--list-clients", "List every client: id, language, file extension (one per line)."),
    ],
    footer: """
    EXAMPLES:
      specgen snippet --har update-user.har.json --client shell-curl
      specgen snippet --har session.har --entry 3 --client go-native --timeout 10
      specgen snippet --list-clients

    EXIT STATUS: 0 on success, 2 for a usage error or an unreadable or malformed HAR file.
    """
)

/// Runs `specgen snippet` with `raw` (after the `snippet` word); `write` and `writeError` take whole lines.
func runSnippet(_ raw: [String], readFile: (String) throws -> String = readTextFile,
                write: (String) -> Void = Console.out, writeError: (String) -> Void = Console.err) -> Int32 {
    execute(snippetCommand, raw, out: write, err: writeError) { options in
        if options.has("--list-clients") {
            for client in SnippetClients.all { write("\(client.info.id)\t\(client.info.language)\t\(client.info.fileExtension)") }
            return ExitCode.success
        }
        guard let harPath = options.value("--har") else {
            throw UsageError("missing --har FILE", hint: "example: specgen snippet --har request.har.json --client shell-curl")
        }
        let client = try snippetClient(options.value("--client"))
        let text: String
        do {
            text = try readFile(harPath)
        } catch {
            throw DiagnosticsError(.error("cannot read '\(harPath)': \(error)", hint: "check the path given to --har"))
        }
        let document = try JSONReader().read(text: text, path: harPath)
        let requests = try HARReader().read(document)
        let entry = options.integer("--entry") ?? 1
        guard entry <= requests.count else {
            throw UsageError("--entry \(entry) is past the end: '\(harPath)' holds \(requests.count) request\(requests.count == 1 ? "" : "s")")
        }
        let example = requests[entry - 1]
        if let limitation = client.limitation(for: example) {
            writeError(Diagnostic.warning("\(client.info.displayName): \(limitation)").description)
        }
        var snippet = client.render(example, options: snippetOptions(options))
        if snippet.hasSuffix("\n") { snippet.removeLast() }
        write(snippet)
        return ExitCode.success
    }
}

/// The client `--client` names; a usage error (with the ids to choose from) otherwise.
func snippetClient(_ id: String?) throws(UsageError) -> any SnippetClient {
    let ids = "choose one of: " + SnippetClients.all.map(\.info.id).joined(separator: ", ")
    guard let id else { throw UsageError("missing --client ID", hint: ids) }
    if let client = SnippetClients.client(id: id) { return client }
    if id.lowercased() == SwiftSDKSnippet.info.id {
        throw UsageError("the swift-sdk snippet calls the SDK generated from an OpenAPI description; a HAR request has none",
                         hint: "run `specgen generate`: it writes Snippets/<operationId>/swift-sdk.swift beside the SDK")
    }
    throw UsageError("unknown client '\(id)'", hint: ids)
}

/// The rendering options the flags ask for.
func snippetOptions(_ options: ParsedOptions) -> SnippetOptions {
    var result = SnippetOptions()
    if let indent = options.integer("--indent") { result.indent = indent }
    if let timeout = options.integer("--timeout") { result.timeoutSeconds = timeout }
    // --long-flags is the default; --short-flags wins when both are given.
    if options.has("--long-flags") { result.longFlags = true }
    if options.has("--short-flags") { result.longFlags = false }
    if options.has("--single-line") { result.multilineShell = false }
    if options.has("--pretty-json") { result.prettyJSON = true }
    return result
}

/// A file's text (UTF-8), for `--har`.
func readTextFile(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
    return String(decoding: data, as: UTF8.self)
}
