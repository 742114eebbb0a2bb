/// Component keys as `$ref`s name them, and the hint for a `$ref` to a component that does not exist.
extension ReaderState {
    func componentKey(_ ref: String) -> String? {
        let prefix = "#/components/schemas/"
        guard ref.hasPrefix(prefix), let parsed = JSONPointer(ref), parsed.tokens.count == 3 else { return nil }
        return parsed.tokens[2]
    }

    func suggestion(for name: String) -> String {
        let lowered = name.lowercased()
        let close = componentSchemas.keys.filter { $0.lowercased() == lowered || editDistance($0.lowercased(), lowered) <= 2 }.sorted()
        if let best = close.first { return "did you mean '\(best)'?" }
        return "check the spelling of the component name"
    }
}
