/// Reads YAML 1.2 into the same `JSONNode` tree the JSON reader builds: mapping key order is kept and
/// every node records the byte offset where its value starts, so messages can say `file:line:column`.
///
/// Supported: block and flow collections, plain/single/double-quoted scalars with every escape, literal
/// and folded block scalars with chomping and indentation indicators, comments, directives and document
/// markers, anchors and aliases (expansions capped by `ReaderLimits.maxAliasExpansions`), `<<` merge keys,
/// the JSON-compatible tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!map`, `!!seq`, `!`), and
/// the core schema for plain scalars. Refused with a located error: other tags, complex (collection) keys,
/// `.inf`/`.nan`, recursive aliases, and files holding more than one document. See docs/YAML.md.
public struct YAMLReader: Sendable {
    public var limits: ReaderLimits

    /// A reader with these limits.
    public init(limits: ReaderLimits = .default) { self.limits = limits }

    /// Parses a file holding one YAML document; throws a located `DiagnosticsError` on the first error.
    public func read(_ source: SourceFile) throws(DiagnosticsError) -> JSONDocument {
        let (documents, warnings) = try readDocuments(source)
        guard documents.count == 1 else {
            if documents.isEmpty {
                throw DiagnosticsError(.error("the document is empty", at: source.location(ofOffset: 0), pointer: "", hint: "a YAML document holds one value, such as a mapping"))
            }
            throw DiagnosticsError(.error("the file holds \(documents.count) YAML documents; one was expected", at: source.location(ofOffset: documents[1].start), pointer: "", hint: "keep one document per file (remove the second '---')"))
        }
        return JSONDocument(source: source, root: documents[0].root, warnings: warnings)
    }

    /// Parses text held in memory (tests, config strings).
    public func read(text: String, path: String = "<memory>") throws(DiagnosticsError) -> JSONDocument {
        try read(SourceFile(path: path, text: text))
    }

    /// Parses every document of a YAML stream (zero or more), with the offset where each starts.
    public func readStream(_ source: SourceFile) throws(DiagnosticsError) -> [JSONDocument] {
        let (documents, warnings) = try readDocuments(source)
        return documents.map { JSONDocument(source: source, root: $0.root, warnings: warnings) }
    }

    private func readDocuments(_ source: SourceFile) throws(DiagnosticsError) -> ([(root: JSONNode, start: Int)], [Diagnostic]) {
        if source.bytes.count > limits.maxBytes {
            throw DiagnosticsError(.error("input is \(source.bytes.count) bytes, more than the limit of \(limits.maxBytes)", at: SourceLocation(file: source.path, line: 1, column: 1), pointer: "", hint: "raise the limit with --max-input-bytes if this document is trusted"))
        }
        let limits = self.limits
        let parse: @Sendable () -> Result<([(root: JSONNode, start: Int)], [Diagnostic]), YAMLSyntaxError> = { source.bytes.withUnsafeBufferPointer { buffer in
            if let bad = Self.firstInvalidCharacter(buffer) {
                return .failure(YAMLSyntaxError(bad.message, at: bad.offset, hint: bad.hint))
            }
            var scanner = YAMLScanner(buffer, maxDepth: limits.maxDepth)
            scanner.scanAll()
            var parser = YAMLParser(scanner: scanner, limits: limits)
            do throws(YAMLSyntaxError) {
                let roots = try parser.parseStream()
                var warnings = parser.warnings.map { warning in
                    Diagnostic.warning(warning.message, at: source.location(ofOffset: warning.offset), pointer: warning.pointer?.description, hint: warning.hint)
                }
                warnings += parser.duplicateKeys.map { duplicate in
                    Diagnostic.warning("duplicate key \"\(duplicate.key)\"; the last occurrence wins", at: source.location(ofOffset: duplicate.offset), pointer: duplicate.pointer.description)
                }
                return .success((zip(roots, parser.documentStarts).map { ($0, $1) }, warnings))
            } catch {
                return .failure(error)
            }
        } }
        // The parser recurses once per nesting level: past the default depth, give it a stack to match.
        let result = limits.maxDepth > ReaderLimits.default.maxDepth ? LargeStack.run(stackSize: LargeStack.size(forDepth: limits.maxDepth), parse) : parse()
        switch result {
        case .success(let value):
            return value
        case .failure(let error):
            throw DiagnosticsError(.error(error.message, at: source.location(ofOffset: error.offset), pointer: error.pointer?.description ?? "", hint: error.hint))
        }
    }

    /// The first byte that is not valid UTF-8 or not a YAML printable character (C0 controls other than
    /// tab, LF and CR, and DEL).
    static func firstInvalidCharacter(_ b: UnsafeBufferPointer<UInt8>) -> (offset: Int, message: String, hint: String)? {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c >= 0x20 && c < 0x7F { i += 1; continue }
            if c == 0x0A || c == 0x0D || c == 0x09 { i += 1; continue }
            if c < 0x80 {
                return (i, "control character 0x\(String(c, radix: 16, uppercase: true)) in the file", c == 0 ? "YAML files must be UTF-8 text (UTF-16 is not supported)" : "remove it, or write it as an escape in a double-quoted string")
            }
            let length: Int
            switch c {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (i, "the file is not valid UTF-8", "save the file as UTF-8")
            }
            guard i + length <= n, String(validating: UnsafeBufferPointer(rebasing: b[i..<(i + length)]), as: UTF8.self) != nil else {
                return (i, "the file is not valid UTF-8", "save the file as UTF-8")
            }
            i += length
        }
        return nil
    }
}
