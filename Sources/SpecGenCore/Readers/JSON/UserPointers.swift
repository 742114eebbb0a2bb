/// How pointers into a converted document (Swagger 2.0 read as OpenAPI 3) map back to the document the user
/// wrote, so diagnostics name `#/definitions/Pet` and `/paths/~1pets/get/parameters/0`, at the user's
/// file:line:column, rather than the converted `#/components/schemas/Pet`.
public struct UserPointers: Sendable {
    /// The document as the user wrote it (its nodes carry the byte offsets of the user's file).
    public let original: JSONNode
    /// Converted pointer text → the user's pointer tokens; the longest recorded prefix of a pointer wins.
    private var prefixes: [String: [String]] = [:]
    /// Reference prefixes in message text (`#/components/schemas/` → `#/definitions/`).
    private var referencePrefixes: [(converted: String, original: String)] = []

    /// An empty translation over the user's document.
    public init(original: JSONNode) { self.original = original }

    /// Records that `converted` and everything below it stands for `original` and the same tokens below it.
    public mutating func map(_ converted: JSONPointer, to original: JSONPointer) {
        prefixes[converted.description] = original.tokens
    }

    /// Records a component folder that was renamed, for pointers and for references quoted in messages.
    public mutating func mapFolder(_ converted: [String], to original: [String]) {
        map(JSONPointer(tokens: converted), to: JSONPointer(tokens: original))
        referencePrefixes.append((JSONPointer(tokens: converted).description + "/", JSONPointer(tokens: original).description + "/"))
    }

    /// The user's pointer for a pointer into the converted document (unchanged where nothing was recorded).
    public func userPointer(_ pointer: JSONPointer) -> JSONPointer {
        var probe = pointer
        var below: [String] = []
        while true {
            if let original = prefixes[probe.description] { return JSONPointer(tokens: original + below.reversed()) }
            guard let last = probe.tokens.last else { return pointer }
            below.append(last)
            probe = probe.parent
        }
    }

    /// `text` with converted references (`'#/components/schemas/Pet'`) written as the user wrote them.
    public func userText(_ text: String) -> String {
        var result = text
        for prefix in referencePrefixes { result = result.replacingOccurrences("#" + prefix.converted, with: "#" + prefix.original) }
        return result
    }
}
