import Foundation

/// The edge of `specgen diff`: reads OLD and NEW (a file, or `git:REV` for the config's spec at a revision)
/// and applies the config's overlays (as they were at that revision for `git:REV`).
public enum DiffInputs {
    /// One side as named on the command line.
    public enum Source: Sendable, Hashable {
        case file(String)
        case git(revision: String)

        /// `git:REV` or a path.
        public init(argument: String) {
            if argument.hasPrefix("git:") { self = .git(revision: String(argument.dropFirst(4))) } else { self = .file(argument) }
        }
    }

    /// Loads OLD and NEW side by side (each is read on its own thread); when both fail, both errors are reported.
    public static func loadBoth(_ old: Source, _ new: Source, spec: String?, overlays: [String], limits: ReaderLimits = .default) throws(DiagnosticsError) -> (JSONDocument, JSONDocument) {
        let loaded = ParallelMap.map(count: 2) { index -> Result<JSONDocument, DiagnosticsError> in
            do throws(DiagnosticsError) { return .success(try load(index == 0 ? old : new, spec: spec, overlays: overlays, limits: limits)) } catch { return .failure(error) }
        }
        if case .failure(let first) = loaded[0], case .failure(let second) = loaded[1] {
            throw DiagnosticsError(first.diagnostics + second.diagnostics)
        }
        return (try loaded[0].get(), try loaded[1].get())
    }

    /// Loads one side; `spec` and `overlays` are the config's (paths relative to the current folder).
    public static func load(_ source: Source, spec: String?, overlays: [String], limits: ReaderLimits = .default) throws(DiagnosticsError) -> JSONDocument {
        var document: JSONDocument
        switch source {
        case .file(let path):
            document = try DocumentLoader.load(path: path, limits: limits)
        case .git(let revision):
            guard let spec else {
                throw DiagnosticsError(.error("git:\(revision) needs a spec path", hint: "pass --config FILE (its \"spec\" is read at that revision), or give NEW as a file path"))
            }
            document = try DocumentLoader.read(gitShow(revision, spec, limits: limits), limits: limits)
        }
        for path in overlays {
            let overlay: JSONDocument
            if case .git(let revision) = source {
                overlay = try DocumentLoader.read(gitShow(revision, path, limits: limits), limits: limits)
            } else {
                overlay = try DocumentLoader.load(path: path, limits: limits)
            }
            document = try OverlayEngine().apply(overlay, to: document).0
        }
        return document
    }

    /// `git show REV:./path`, as a source named `path@REV` (so locations say which revision).
    static func gitShow(_ revision: String, _ path: String, limits: ReaderLimits) throws(DiagnosticsError) -> SourceFile {
        guard !revision.isEmpty, !revision.hasPrefix("-") else {
            throw DiagnosticsError(.error("'git:\(revision)' is not a revision", hint: "write git:REV, e.g. git:origin/main or git:HEAD~1"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // `git show REV:./x` resolves against the current folder; an absolute path inside it is made relative.
        let current = FileManager.default.currentDirectoryPath
        let relative = path.hasPrefix(current + "/") ? "./" + path.dropFirst(current.count + 1) : path.hasPrefix("/") ? path : "./" + path
        process.arguments = ["git", "show", "\(revision):\(relative)"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw DiagnosticsError(.error("cannot run git: \(error)", hint: "install git, or pass OLD as a file"))
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw DiagnosticsError(.error("git show \(revision):\(relative) failed: \(message.trimmingCharacters(in: " \n"))", hint: "check the revision and that \(path) existed there"))
        }
        guard data.count <= limits.maxBytes else {
            throw DiagnosticsError(.error("\(path) at \(revision) is \(data.count) bytes, more than the limit of \(limits.maxBytes)"))
        }
        return SourceFile(path: "\(path)@\(revision)", bytes: [UInt8](data))
    }
}
