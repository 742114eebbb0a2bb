// Fuzz targets `pipeline-json` and `pipeline-yaml`: a fuzzed API description through every stage of a
// default `specgen generate` run, in memory: reading (JSON or YAML), an overlay, type building, Swift
// rendering and file grouping, the Postman drift check, every snippet client, the docs pages and the
// `x-codeSamples` copy of the spec. Nothing may trap, and every diagnostic must be located in an input.
// Inputs the reader refuses are fine (the `json`, `yaml` and `openapi` targets cover those paths).

/// An overlay every input gets: it updates `info` and removes a member, so overlay application runs on
/// fuzzed documents too. Parsed per input (see OverlayTarget.swift on globals and LeakSanitizer).
private let pipelineOverlayText = #"""
    {"overlay": "1.0.0", "info": {"title": "fuzz", "version": "1"},
     "actions": [{"target": "$.info", "update": {"x-fuzzed": true, "description": "*/ \"\\(x)\" <script>"}},
                 {"target": "$.paths.*.*.x-internal", "remove": true}]}
    """#

/// A Postman collection matched against the fuzzed operations (drift warnings, body validation, curl).
private let pipelinePostmanText = #"""
    {"info": {"name": "fuzz", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
     "item": [{"name": "Update", "request": {"method": "PATCH", "url": "https://{{host}}/users/:id",
        "header": [{"key": "Content-Type", "value": "application/json"}],
        "body": {"mode": "raw", "raw": "{\"email\": \"\", \"n\": -9223372036854775808, \"x\": 1e400}"}}},
      {"name": "List", "request": {"method": "GET", "url": "https://{{host}}/pets?limit=1e400"}},
      {"name": "Form", "request": {"method": "POST", "url": "https://{{host}}/pets",
        "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1"}]}}}]}
    """#

func fuzzPipelineJSON(_ bytes: [UInt8]) {
    guard let document = fuzzDocument(bytes, path: "openapi.json") else { return }
    fuzzPipeline(document)
}

func fuzzPipelineYAML(_ bytes: [UInt8]) {
    guard let document = try? YAMLReader().read(SourceFile(path: "openapi.yaml", bytes: bytes)) else { return }
    fuzzPipeline(document)
}

private func fuzzPipeline(_ document: JSONDocument) {
    let overlay = try! JSONReader().read(text: pipelineOverlayText, path: "fuzz.overlay.json")
    let postman = try! JSONReader().read(text: pipelinePostmanText, path: "fuzz.postman_collection.json")
    var config = SpecGenConfig(spec: document.source.path)
    config.codeSamplesSpec = "openapi.code-samples.json"
    let inputs = Generator.Inputs(spec: document, overlays: [overlay], postman: postman)
    do {
        let output = try Generator.run(inputs, config)
        for diagnostic in output.diagnostics { checkLocated(diagnostic, in: document.source, overlay.source, postman.source, needsPointer: false) }
        var paths = Set<String>()
        for file in output.files where !paths.insert(file.path).inserted { fatalError("two generated files at \(file.path)") }
    } catch {
        if error.diagnostics.isEmpty { fatalError("the pipeline threw without a diagnostic") }
        for diagnostic in error.diagnostics { checkLocated(diagnostic, in: document.source, overlay.source, postman.source, needsPointer: false) }
    }
}
