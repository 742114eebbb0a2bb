// Checks shared by the fuzz targets: every diagnostic must point into the input it talks about.

/// Traps unless `diagnostic` names one of `sources`, a line inside it, a column, and (when `needsPointer`)
/// a well-formed JSON pointer.
func checkLocated(_ diagnostic: Diagnostic, in sources: SourceFile..., needsPointer: Bool = true) {
    guard let location = diagnostic.location, let source = sources.first(where: { $0.path == location.file })
    else { fatalError("diagnostic is not located in \(sources.map(\.path)): \(diagnostic)") }
    let lineCount = source.bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    guard (1...lineCount).contains(location.line), location.column >= 1
    else { fatalError("diagnostic points outside \(source.path): \(diagnostic)") }
    if needsPointer {
        guard let pointer = diagnostic.pointer, pointer.isEmpty || pointer.utf8.first == UInt8(ascii: "/")
        else { fatalError("diagnostic has no JSON pointer: \(diagnostic)") }
    }
}

/// Reads fuzz input as JSON; nil when it is not JSON (the JSON target covers that path).
func fuzzDocument(_ bytes: [UInt8], path: String) -> JSONDocument? {
    try? JSONReader().read(SourceFile(path: path, bytes: bytes))
}
