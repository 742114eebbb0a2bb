// Fuzz target `json`: the JSON reader. Run with `scripts/fuzz json 60`.
//
// Besides "no crash, no sanitizer report", it checks properties that must hold for every input:
// an accepted document survives a write/read round trip unchanged, and every error or warning is
// located inside the input with a JSON pointer and a hint.

func fuzzJSONReader(_ bytes: [UInt8]) {
    let source = SourceFile(path: "fuzz.json", bytes: bytes)
    func checkLocated(_ diagnostic: Diagnostic) {
        SpecGenFuzz.checkLocated(diagnostic, in: source)
        guard diagnostic.hint != nil else { fatalError("diagnostic has no hint: \(diagnostic)") }
    }
    do {
        let document = try JSONReader().read(source)
        document.warnings.forEach(checkLocated)
        let written = JSONWriter().string(document.root.value)
        let again: JSONDocument
        do {
            again = try JSONReader().read(text: written, path: "written.json")
        } catch {
            fatalError("written output does not read back: \(error)\n\(written)")
        }
        guard again.root.value.isIdentical(to: document.root.value) else {
            fatalError("round trip changed the value:\n\(written)")
        }
    } catch {
        guard error.diagnostics.count == 1 else { fatalError("expected one error, got \(error.diagnostics)") }
        checkLocated(error.diagnostics[0])
    }
}
