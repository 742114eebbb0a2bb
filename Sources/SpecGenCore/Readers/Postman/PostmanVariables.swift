/// `{{name}}` substitution as Postman does it when sending a request.
public enum PostmanVariables {
    /// Replaces every `{{name}}` whose name is in `values`; unknown names and dynamic variables
    /// (`{{$guid}}`) are kept verbatim. Values may refer to other variables (resolved up to 10 levels deep,
    /// so a cycle cannot loop forever).
    public static func resolve(_ text: String, values: [String: String]) -> String {
        guard !values.isEmpty, text.contains("{{") else { return text }
        var current = text
        for _ in 0..<10 {
            let (next, changed) = substituteOnce(current, values: values)
            current = next
            if !changed || !current.contains("{{") { break }
        }
        return current
    }

    /// The names of the `{{variables}}` a text uses, in order of first appearance.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else { break }
            let name = String(after[..<close.lowerBound])
            if !name.isEmpty, !name.contains("{"), !names.contains(name) { names.append(name) }
            rest = after[close.upperBound...]
        }
        return names
    }

    private static func substituteOnce(_ text: String, values: [String: String]) -> (String, Bool) {
        var result = ""
        var changed = false
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else { break }
            let name = after[..<close.lowerBound]
            if !name.contains("{"), let value = values[String(name)] {
                result += rest[..<open.lowerBound]
                result += value
                changed = true
            } else {
                result += rest[..<close.upperBound]
            }
            rest = after[close.upperBound...]
        }
        result += rest
        return (result, changed)
    }
}
