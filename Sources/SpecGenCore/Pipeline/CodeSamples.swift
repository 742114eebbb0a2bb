/// A copy of the spec with `x-codeSamples` filled in for the selected operations, for Redoc-style renderers.
enum CodeSamples {
    /// Redoc's language names.
    static func redocLanguage(_ language: String) -> String {
        switch language {
        case "shell": "Shell"
        case "python": "Python"
        case "javascript": "JavaScript"
        case "go": "Go"
        case "ruby": "Ruby"
        case "php": "PHP"
        case "java": "Java"
        case "kotlin": "Kotlin"
        case "csharp": "C#"
        case "swift": "Swift"
        case "objectivec": "Objective-C"
        case "rust": "Rust"
        case "c": "C"
        case "powershell": "PowerShell"
        case "http": "HTTP"
        default: language
        }
    }

    /// The spec text with `x-codeSamples` set on each operation that has snippets (others untouched).
    static func document(_ source: JSONDocument, samples: [(pointer: JSONPointer, snippets: [(SnippetClientInfo, String)])]) -> String {
        var root = source.root
        for (pointer, snippets) in samples {
            let list: [JSONNode] = snippets.map { info, text in
                JSONNode(.object(JSONObject([
                    .init(key: "lang", value: JSONNode(.string(redocLanguage(info.language)))),
                    .init(key: "label", value: JSONNode(.string(info.displayName))),
                    .init(key: "source", value: JSONNode(.string(text))),
                ])))
            }
            root = root.setting(JSONNode(.array(list)), at: pointer.appending("x-codeSamples"))
        }
        return JSONWriter(style: .pretty(indent: 2)).string(root.value) + "\n"
    }
}

extension JSONNode {
    /// A copy with the member at `pointer` set (its parent must be an existing object); unchanged otherwise.
    func setting(_ value: JSONNode, at pointer: JSONPointer) -> JSONNode {
        guard let first = pointer.tokens.first else { return value }
        let rest = JSONPointer(tokens: Array(pointer.tokens.dropFirst()))
        switch self.value {
        case .object(var object):
            if rest.tokens.isEmpty {
                object.set(first, value)
            } else {
                guard let child = object[first] else { return self }
                object.set(first, child.setting(value, at: rest))
            }
            return JSONNode(.object(object), offset: offset)
        case .array(var items):
            guard let index = Int(first), items.indices.contains(index) else { return self }
            items[index] = rest.tokens.isEmpty ? value : items[index].setting(value, at: rest)
            return JSONNode(.array(items), offset: offset)
        default:
            return self
        }
    }
}
