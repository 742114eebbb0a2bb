import Foundation
import SpecGenCore

/// Output helpers: results on stdout, diagnostics and progress on stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func report(_ diagnostics: [Diagnostic], quiet: Bool = false) {
        for diagnostic in diagnostics where !(quiet && diagnostic.severity < .error) {
            err(diagnostic.description)
        }
    }

    /// Seconds since `start`, formatted.
    static func elapsed(since start: Date) -> String {
        String(format: "%.2f s", Date().timeIntervalSince(start))
    }
}

/// Exit codes CI can trust.
enum ExitCode {
    static let success: Int32 = 0
    /// Findings: stale output, an invalid body.
    static let findings: Int32 = 1
    /// Usage or input errors.
    static let failure: Int32 = 2
}
