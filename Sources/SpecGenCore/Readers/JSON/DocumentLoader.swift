import Foundation

/// Reads an input file into a `JSONDocument`, choosing the reader from the file's extension.
public enum DocumentLoader {
    /// Reads `path`; throws a located `DiagnosticsError` when the file is missing or malformed.
    public static func load(path: String, limits: ReaderLimits = .default) throws(DiagnosticsError) -> JSONDocument {
        let source = try readSource(path: path, limits: limits)
        return try read(source, limits: limits)
    }

    /// Parses bytes already in memory, choosing the reader from `source.path`'s extension.
    public static func read(_ source: SourceFile, limits: ReaderLimits = .default) throws(DiagnosticsError) -> JSONDocument {
        let lowered = source.path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            return try YAMLReader(limits: limits).read(source)
        }
        return try JSONReader(limits: limits).read(source)
    }

    /// Reads the bytes of a file, refusing files larger than the limit before reading them.
    public static func readSource(path: String, limits: ReaderLimits = .default) throws(DiagnosticsError) -> SourceFile {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else {
            throw DiagnosticsError(.error("cannot read '\(path)': no such file", hint: "check the path, or the inputs named in specgen.json"))
        }
        if let size = attributes[.size] as? NSNumber, size.intValue > limits.maxBytes {
            throw DiagnosticsError(.error("'\(path)' is \(size.intValue) bytes, more than the limit of \(limits.maxBytes)", at: SourceLocation(file: path, line: 1, column: 1), hint: "raise the limit with --max-input-bytes if this document is trusted"))
        }
        guard let data = try? Data(contentsOf: url) else {
            throw DiagnosticsError(.error("cannot read '\(path)'", hint: "check the file's permissions"))
        }
        return SourceFile(path: path, bytes: [UInt8](data))
    }
}
