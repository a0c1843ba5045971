/// A problem found in a lesson, reported compiler-style and never thrown.
///
/// Diagnostics are data: tests assert the stable `id`, not the prose. Locations are 1-based
/// and refer to the original lesson file (front matter included); columns count `Character`s
/// (grapheme clusters, so `ç` is one column however it is encoded), as editors do.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var file: String
    public var line: Int
    public var column: Int
    /// Stable identifier such as `unknown-argument`; never reworded.
    public var id: String
    public var message: String
    /// A concrete fix, e.g. `did you mean 'epochs'?` (already part of `description`).
    public var suggestion: String?

    public init(_ severity: Severity = .error, file: String, line: Int, column: Int,
                id: String, message: String, suggestion: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.id = id
        self.message = message
        self.suggestion = suggestion
    }

    /// `Notes/05-gmvae.md:42:17: error: unknown argument 'epoch' for @Train; did you mean 'epochs'? [unknown-argument]`
    public var description: String {
        var text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let suggestion { text += "; \(suggestion)" }
        return text + " [\(id)]"
    }
}
