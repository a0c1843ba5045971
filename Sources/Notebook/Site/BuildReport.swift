import Foundation

/// Where a build reads and writes.
public struct BuildOptions: Sendable {
    public var notesFolder: URL
    public var outputFolder: URL
    /// Slugs to build; empty means all lessons.
    public var lessons: [String]
    /// How the notes folder is named in diagnostics (`Notes` → `Notes/05-gmvae.md:…`).
    public var displayPrefix: String
    /// Debian's KaTeX (`libjs-katex`); its `fonts` folder links into `fonts-katex`.
    public var katexFolder: URL
    /// Where results are cached between builds; nil runs everything afresh.
    public var cacheFolder: URL?
    /// How many experiments may run at once.
    public var jobs: Int = 1
    /// Write into an output folder that is not empty and has no manifest (`--force`).
    public var force = false
    /// Take results from the cache when there; false runs every directive (the fresh results
    /// are still stored), as `check` does.
    public var readsCache = true
    /// The committed freeze (`<lessons>/_freeze`); nil ignores it.
    public var freezeFolder: URL?
    /// Take results from the freeze when the cache lacks them; false only compares with it.
    public var readsFreeze = true
    /// `notes check`: every result the lessons use must be frozen and every frozen entry used.
    public var auditsFreeze = false
    /// `notes freeze`: write the results the freeze lacks, remove the entries no lesson uses.
    public var writesFreeze = false
    /// How this process computes (recorded with cached results; only the default is frozen).
    public var numerics = NumericSetting.unspecified
    /// The cache's size limit after a build of every lesson (entries no lesson uses go first);
    /// nil leaves it unbounded.
    public var cacheLimit: Int? = ResultCache.defaultLimit

    public init(notesFolder: URL, outputFolder: URL, lessons: [String] = [], displayPrefix: String? = nil,
                cacheFolder: URL? = nil, jobs: Int = 1,
                katexFolder: URL = URL(fileURLWithPath: "/usr/share/javascript/katex")) {
        self.cacheFolder = cacheFolder
        self.jobs = jobs
        self.notesFolder = notesFolder
        self.outputFolder = outputFolder
        self.lessons = lessons
        self.displayPrefix = displayPrefix ?? notesFolder.lastPathComponent
        self.katexFolder = katexFolder
        freezeFolder = notesFolder.appendingPathComponent(ResultFreeze.folderName)
    }

    /// The freeze as diagnostics name it (`Notes/_freeze`).
    var freeze: ResultFreeze? {
        freezeFolder.map { ResultFreeze(folder: $0, displayPath: displayPrefix + "/" + ResultFreeze.folderName) }
    }
}

/// What one lesson's build produced.
public struct LessonReport: Sendable {
    public var slug: String
    public var title: String
    public var directives: Int
    public var diagnostics: [Diagnostic]
    /// Seconds of computation behind the lesson's results; a cached result counts the time
    /// of its original run, so this is what a cold build of the lesson costs.
    public var seconds: Double
    /// Claims in the prose (`` `?…` ``) checked, and how many were false.
    public var claims = 0
    public var failedClaims = 0
    /// Where the directives' results came from.
    public var computed = 0
    public var cached = 0
    public var frozen = 0
}

/// What `notes freeze` changed in the freeze.
public struct FreezeSummary: Sendable {
    public var folder: String
    public var written = 0
    public var kept = 0
    public var removed = 0
    public var bytes = 0
}

public struct BuildReport: Sendable {
    public var lessons: [LessonReport]
    /// Problems of files in the lessons folder that could not be built as lessons at all.
    public var unbuilt: [Diagnostic] = []
    /// Notes about the output folder (files left alone because they changed under notes).
    public var notes: [String] = []
    /// Each written file's origin: the lesson (and directive call) it comes from.
    public var origins: [String: FileOrigin] = [:]
    /// Differences from the committed site (`check --reproduce`).
    public var drift: [Diagnostic] = []
    /// Results missing from the freeze and frozen entries no lesson uses (`notes check`).
    public var freezeProblems: [Diagnostic] = []
    /// What `notes freeze` wrote and removed.
    public var freeze: FreezeSummary?
    /// Entries removed from the cache to keep it within its limit.
    public var prunedCacheEntries = 0
    public var diagnostics: [Diagnostic] { unbuilt + lessons.flatMap(\.diagnostics) + freezeProblems + drift }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var claimCount: Int { lessons.map(\.claims).reduce(0, +) }
    public var failedClaimCount: Int { lessons.map(\.failedClaims).reduce(0, +) }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// A failure of the build itself (not of a lesson): missing folders, unwritable output.
public struct BuildError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Where a file of the site comes from: a lesson file, and the directive call when the file
/// is one of its figures or tables.
public struct FileOrigin: Sendable, Equatable {
    public var lesson: String
    public var location: SourceLocation
}
