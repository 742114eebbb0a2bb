import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What writing (or checking) an output folder changed or would change.
public struct OutputReport: Sendable, Equatable {
    public var created: [String] = []
    public var updated: [String] = []
    public var removed: [String] = []
    public var unchanged: [String] = []

    /// True when the folder already matches.
    public var isClean: Bool { created.isEmpty && updated.isEmpty && removed.isEmpty }
}

/// Applies a set of generated files to an output folder: only files whose bytes differ are written,
/// each atomically (temporary file + rename, all renames after all writes); files a previous run produced that are no longer
/// produced are removed, after every write succeeded. The list of produced files is kept in
/// `.specgen-manifest` so files SpecGen did not write are never touched.
public enum OutputWriter {
    public static let manifestName = ".specgen-manifest"

    /// Compares without writing anything.
    public static func check(_ files: [GeneratedFile], in directory: String) -> OutputReport {
        var report = OutputReport()
        let produced = Set(files.map(\.path))
        for file in files {
            let path = directory + "/" + file.path
            if let existing = FileManager.default.contents(atPath: path) {
                if existing == Data(file.contents.utf8) { report.unchanged.append(file.path) } else { report.updated.append(file.path) }
            } else {
                report.created.append(file.path)
            }
        }
        for old in previousManifest(in: directory) where !produced.contains(old) {
            if FileManager.default.fileExists(atPath: directory + "/" + old) { report.removed.append(old) }
        }
        return report
    }

    /// Writes what differs in two phases: every changed file is first written to a temporary file beside
    /// its target, then all are renamed into place; stale files are removed last. A failure (or a kill)
    /// before the rename phase leaves every existing file as it was; leftover temporary files are removed
    /// by the next run.
    public static func write(_ files: [GeneratedFile], to directory: String) throws(DiagnosticsError) -> OutputReport {
        removeLeftoverTemporaries(in: directory)
        let report = check(files, in: directory)
        let changed = Set(report.created + report.updated)
        var staged: [(temporary: String, target: String)] = []
        do throws(DiagnosticsError) {
            for file in files where changed.contains(file.path) {
                let target = directory + "/" + file.path
                staged.append((try stage(Data(file.contents.utf8), for: target), target))
            }
            let manifest = Data(manifestText(files).utf8)
            if FileManager.default.contents(atPath: directory + "/" + manifestName) != manifest {
                staged.append((try stage(manifest, for: directory + "/" + manifestName), directory + "/" + manifestName))
            }
        } catch {
            for entry in staged { try? FileManager.default.removeItem(atPath: entry.temporary) }
            throw error
        }
        for entry in staged {
            guard rename(entry.temporary, entry.target) == 0 else {
                let reason = String(cString: strerror(errno))
                for rest in staged { try? FileManager.default.removeItem(atPath: rest.temporary) }
                throw DiagnosticsError(.error("cannot replace '\(entry.target)': \(reason)"))
            }
        }
        for old in report.removed {
            try? FileManager.default.removeItem(atPath: directory + "/" + old)
            removeEmptyParents(of: old, in: directory)
        }
        return report
    }

    static let temporaryMarker = ".specgen-tmp-"

    /// Writes `data` to a temporary file in the target's folder and returns its path.
    static func stage(_ data: Data, for path: String) throws(DiagnosticsError) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent)\(temporaryMarker)\(ProcessInfo.processInfo.processIdentifier)")
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) || !isFolder.boolValue {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw DiagnosticsError(.error("cannot create '\(folder.path)': \(error.localizedDescription)", hint: "check that the output folder is writable"))
            }
        }
        // Plain open/write/close: Foundation's Data.write syncs every file to disk, which made writing
        // thousands of files (a whole API) take tens of seconds. The rename phase keeps each file whole.
        try writeFile(data, to: temporary.path)
        return temporary.path
    }

    /// Removes temporary files an interrupted run left behind (only files carrying our marker).
    static func removeLeftoverTemporaries(in directory: String) {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return }
        for case let relative as String in enumerator where relative.contains(temporaryMarker) {
            try? FileManager.default.removeItem(atPath: directory + "/" + relative)
        }
    }

    static func manifestText(_ files: [GeneratedFile]) -> String {
        "# Files written by specgen generate; stale ones listed here are removed on the next run.\n" + files.map(\.path).sorted().joined(separator: "\n") + "\n"
    }

    static func previousManifest(in directory: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + manifestName), let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty && !$0.contains("..") && !$0.hasPrefix("/") }
    }

    static func writeFile(_ data: Data, to path: String) throws(DiagnosticsError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw DiagnosticsError(.error("cannot write '\(path)': \(String(cString: strerror(errno)))", hint: "check that the output folder is writable"))
        }
        defer { close(descriptor) }
        let failed = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 { if errno == EINTR { continue }; return true }
                offset += written
            }
            return false
        }
        if failed {
            let reason = String(cString: strerror(errno))
            unlink(path)
            throw DiagnosticsError(.error("cannot write '\(path)': \(reason)", hint: "check that the disk is not full"))
        }
    }

    static func removeEmptyParents(of relative: String, in directory: String) {
        var parts = relative.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let folder = directory + "/" + parts.joined(separator: "/")
            guard let contents = try? FileManager.default.contentsOfDirectory(atPath: folder), contents.isEmpty else { return }
            try? FileManager.default.removeItem(atPath: folder)
            parts = parts.dropLast()
        }
    }
}
