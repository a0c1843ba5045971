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
    /// How many characters from `column` on the same line the problem spans (the label, the
    /// name, the value); nil for a point.
    public var length: Int?
    /// Edits that carry out the suggestion, for editors and tools (`notes check --diagnostics json`).
    public var fixIts: [FixIt]?

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

/// Replace `length` characters at `line:column` with `replacement`: a did-you-mean suggestion
/// an editor can apply (`epoch` → `epochs`).
public struct FixIt: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var length: Int
    public var replacement: String

    public init(line: Int, column: Int, length: Int, replacement: String) {
        self.line = line
        self.column = column
        self.length = length
        self.replacement = replacement
    }
}

extension Diagnostic {
    /// The diagnostic spanning `length` characters, with the fix-it that replaces them.
    public func replacing(_ length: Int, with replacement: String?) -> Diagnostic {
        var copy = self
        copy.length = length
        if let replacement { copy.fixIts = [FixIt(line: line, column: column, length: length, replacement: replacement)] }
        return copy
    }
}

