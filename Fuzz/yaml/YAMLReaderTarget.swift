// Fuzz target `yaml`: the YAML reader (single document and stream). Every accepted document must be
// something JSONWriter turns into JSON that our JSON reader reads back identical; every error is located.

func fuzzYAMLReader(_ bytes: [UInt8]) {
    let source = SourceFile(path: "fuzz.yaml", bytes: bytes)
    do {
        let document = try YAMLReader().read(source)
        for warning in document.warnings { checkLocated(warning, in: source, needsPointer: false) }
        let written = JSONWriter().string(document.root.value)
        let again: JSONDocument
        do {
            again = try JSONReader(limits: ReaderLimits(maxDepth: 100_000)).read(text: written, path: "written.json")
        } catch {
            fatalError("YAML read as a value JSONWriter cannot write as JSON: \(error)\n\(written)")
        }
        guard again.root.value.isIdentical(to: document.root.value) else {
            fatalError("YAML value changed through JSON:\n\(written)")
        }
    } catch {
        if error.diagnostics.isEmpty { fatalError("YAMLReader threw without a diagnostic") }
        for diagnostic in error.diagnostics { checkLocated(diagnostic, in: source, needsPointer: false) }
    }
    do {
        _ = try YAMLReader().readStream(source)
    } catch {
        for diagnostic in error.diagnostics { checkLocated(diagnostic, in: source, needsPointer: false) }
    }
}
