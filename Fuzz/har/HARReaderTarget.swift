// Fuzz target `har`: the HAR reader, then every snippet client on each request it accepts.
// Inputs that are not JSON are skipped (the `json` target covers the JSON reader).

func fuzzHARReader(_ bytes: [UInt8]) {
    guard let document = fuzzDocument(bytes, path: "request.har") else { return }
    do {
        let examples = try HARReader().read(document)
        for example in examples.prefix(4) {
            for client in SnippetClients.all {
                _ = client.limitation(for: example)
                _ = client.render(example, options: SnippetOptions())
            }
        }
    } catch {
        if error.diagnostics.isEmpty { fatalError("HARReader threw without a diagnostic") }
        for diagnostic in error.diagnostics { checkLocated(diagnostic, in: document.source, needsPointer: false) }
    }
}
