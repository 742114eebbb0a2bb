/// yaml-test-suite cases SpecGen does not claim, with the reason; docs/YAML.md lists the same.
enum YAMLSuiteScope {
    static let outOfScope: [String: String] = [:]
}
