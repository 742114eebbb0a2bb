// Fuzz target `overlay`: the input is an Overlay 1.0 document applied to a small fixed OpenAPI document.
// Inputs that are not JSON are skipped (the `json` target covers the JSON reader).

/// The document overlays are applied to. Parsed for every input on purpose: a tree kept in a global is
/// reported as leaked by LeakSanitizer, which cannot follow Swift enum payload pointers (their spare
/// bits hold the case tag) when it scans long-lived memory.
private let overlayTargetText = #"""
    {"openapi": "3.1.0", "info": {"title": "T", "version": "1"},
     "paths": {"/users/{id}": {"patch": {"operationId": "updateUser", "tags": ["users"],
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/U"}}}}},
       "get": {"operationId": "getUser", "responses": {"200": {"description": "ok"}}}}},
     "components": {"schemas": {"U": {"type": "object", "properties": {"email": {"type": "string"},
        "password": {"type": "string"}, "n": {"type": "integer", "minimum": 0}}, "required": ["email"]}}}}
    """#

func fuzzOverlayEngine(_ bytes: [UInt8]) {
    guard let overlay = fuzzDocument(bytes, path: "overlay.json") else { return }
    let overlayTargetDocument = try! JSONReader().read(text: overlayTargetText, path: "target.json")
    do {
        let (result, warnings) = try OverlayEngine().apply(overlay, to: overlayTargetDocument)
        for warning in warnings { checkLocated(warning, in: overlay.source, overlayTargetDocument.source, needsPointer: false) }
        // The result must still be a document the writer and reader agree on.
        let written = JSONWriter().string(result.root.value)
        guard let again = try? JSONReader(limits: ReaderLimits(maxDepth: 100_000)).read(text: written), again.root.value.isIdentical(to: result.root.value)
        else { fatalError("overlay result does not round-trip:\n\(written)") }
    } catch {
        if error.diagnostics.isEmpty { fatalError("OverlayEngine threw without a diagnostic") }
        for diagnostic in error.diagnostics { checkLocated(diagnostic, in: overlay.source, overlayTargetDocument.source, needsPointer: false) }
    }
}
