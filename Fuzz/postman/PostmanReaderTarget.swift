// Fuzz target `postman`: the Postman collection reader, then request examples from each item.
// Inputs that are not JSON are skipped (the `json` target covers the JSON reader).

func fuzzPostmanReader(_ bytes: [UInt8]) {
    guard let document = fuzzDocument(bytes, path: "collection.json") else { return }
    do {
        let collection = try PostmanCollectionReader().read(document)
        for warning in collection.warnings { checkLocated(warning, in: document.source, needsPointer: false) }
    } catch {
        if error.diagnostics.isEmpty { fatalError("PostmanCollectionReader threw without a diagnostic") }
        for diagnostic in error.diagnostics { checkLocated(diagnostic, in: document.source, needsPointer: false) }
    }
}
