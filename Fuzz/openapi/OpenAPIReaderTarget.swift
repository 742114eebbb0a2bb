// Fuzz target `openapi`: the OpenAPI reader, then the Swift emitters on whatever it accepts.
// Inputs that are not JSON are skipped (the `json` target covers the JSON reader).

func fuzzOpenAPIReader(_ bytes: [UInt8]) {
    guard let document = fuzzDocument(bytes, path: "openapi.json") else { return }
    do {
        let (api, warnings) = try OpenAPIReader().read(document)
        for warning in warnings { checkLocated(warning, in: document.source, needsPointer: false) }
        let components = api.schemas.map(\.name)
        _ = SwiftTypesEmitter.emit(api, components: components, operations: api.operations, options: SwiftOptions(), specName: "openapi.json")
    } catch {
        if error.diagnostics.isEmpty { fatalError("OpenAPIReader threw without a diagnostic") }
        for diagnostic in error.diagnostics { checkLocated(diagnostic, in: document.source, needsPointer: false) }
    }
}
