import Experiments
import Foundation
import Notebook

/// The directives this build of `notes` knows.
/// The catalogue with its course configuration hook, so `course.yml`'s dataset folder and the
/// course's folder (for `@Listing`) reach the experiments.
public let defaultRegistry = Catalogue.registry

/// `notes build`: writes the site; 1 when any directive failed.
public struct BuildAction {
    public var options: BuildOptions
    public var registry: ExperimentRegistry
    public var format = DiagnosticFormat.text

    public init(options: BuildOptions, registry: ExperimentRegistry = defaultRegistry) {
        self.options = options
        self.registry = registry
    }

    public func run(console: Console) -> Int32 {
        if options.jobs > 1 { Catalogue.divideThreads(amongJobs: options.jobs) }
        var options = options
        options.numerics = Catalogue.numericSetting
        let live = LiveProgress(console)
        var builder = SiteBuilder(registry: registry, options: options, progress: live.line)
        builder.monitor = live.monitor
        let start = Date()
        do {
            let report = try live.during { try builder.build() }
            for note in report.notes { console.err("note: \(note)") }
            format.print(report.diagnostics, to: console)
            if let freeze = report.freeze { console.err(freezeSummary(freeze)) }
            console.err(summary(report, verb: "Built", seconds: Date().timeIntervalSince(start), into: options.outputFolder.path))
            return report.errorCount > 0 ? 1 : 0
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

/// `notes check`: builds into a temporary folder, prints every diagnostic; 1 on any error.
/// `notes freeze` is the same run with `writesFreeze`.
public struct CheckAction {
    public var options: BuildOptions
    public var registry: ExperimentRegistry
    /// Warnings fail the check too (`--strict`).
    public var strict: Bool
    /// The committed site to compare the fresh build with (`--reproduce`), if any.
    public var reproducing: URL?
    public var format = DiagnosticFormat.text
    /// The summary's first word: "Checked", or "Froze" for `notes freeze`.
    public var verb: String

    public init(options: BuildOptions, registry: ExperimentRegistry = defaultRegistry, strict: Bool = false,
                reproducing: URL? = nil, verb: String = "Checked") {
        self.options = options
        self.registry = registry
        self.strict = strict
        self.reproducing = reproducing
        self.verb = verb
    }

    public func run(console: Console) -> Int32 {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("notes-check-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = options
        options.outputFolder = scratch
        options.numerics = Catalogue.numericSetting
        if options.jobs > 1 { Catalogue.divideThreads(amongJobs: options.jobs) }
        let start = Date()
        do {
            let live = LiveProgress(console)
            var builder = SiteBuilder(registry: registry, options: options, progress: live.line)
            builder.monitor = live.monitor
            var report = try live.during { try builder.build() }
            if let committed = reproducing {
                guard OutputManifest.read(in: committed) != nil else {
                    console.err("error: \(committed.path) has no \(OutputManifest.fileName): there is no committed site to compare with")
                    return 2
                }
                let drift = SiteComparison.compare(built: scratch, committed: committed, origins: report.origins,
                                                   committedName: committed.lastPathComponent)
                report.drift = drift
                console.err(drift.isEmpty ? "Reproduced \(committed.path): every file equal to a cold build (volatile elements aside)"
                                          : "\(counted(drift.count, "file")) of \(committed.path) differ from a cold build")
            }
            format.print(report.diagnostics, to: console)
            if let freeze = report.freeze { console.err(freezeSummary(freeze)) }
            console.err(summary(report, verb: verb, seconds: Date().timeIntervalSince(start), into: nil))
            if strict && report.warningCount > 0 && report.errorCount == 0 {
                console.err("--strict: warnings count as errors")
                return 1
            }
            return report.errorCount > 0 ? 1 : 0
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

/// `notes list`: lessons in order with their directive blocks.
/// `notes new <slug>`: writes a starter lesson (`LessonScaffold`); 1 when it cannot.
public struct NewAction {
    public var options: BuildOptions
    public var slug: String
    public var title: String?

    public init(options: BuildOptions, slug: String, title: String? = nil) {
        self.options = options
        self.slug = slug
        self.title = title
    }

    public func run(console: Console) -> Int32 {
        let builder = SiteBuilder(registry: defaultRegistry, options: options)
        let lessons = (try? builder.loadLessons()) ?? []
        let (course, _) = builder.loadCourse()
        do {
            let url = try LessonScaffold.create(slug: slug, title: title, in: options.notesFolder, course: course, lessons: lessons)
            let shown = options.displayPrefix + "/" + url.lastPathComponent
            console.out("Created \(shown). Build it with: swift run -c release notes build --lesson \(slug)")
            return 0
        } catch {
            console.err("error: \(error)")
            return 1
        }
    }
}

public struct ListAction {
    public var options: BuildOptions
    public var registry: ExperimentRegistry

    public init(options: BuildOptions, registry: ExperimentRegistry = defaultRegistry) {
        self.options = options
        self.registry = registry
    }

    public func run(console: Console) -> Int32 {
        do {
            let loaded = try SiteBuilder(registry: registry, options: options).loadAllLessons()
            for lesson in loaded.lessons where options.lessons.isEmpty || options.lessons.contains(lesson.slug) {
                let plan = LessonPlan(lesson: lesson, registry: registry)
                console.out("\(lesson.slug)  \(lesson.title)  (\(counted(plan.blocks.count, "block")), \(counted(plan.directives.count, "directive")))")
                for directive in plan.directives {
                    let id = directive.id.map { " id: \(LessonPlanText.short($0))" } ?? ""
                    let problems = directive.diagnostics.isEmpty ? "" : "  [\(counted(directive.diagnostics.count, "problem"))]"
                    console.out("  \(lesson.path):\(directive.call.location.line): @\(directive.call.name)\(id)\(problems)")
                }
                for claim in LessonClaims.list(in: lesson) {
                    console.out("  \(lesson.path):\(claim.line):\(claim.column): claim `?\(LessonPlanText.short(claim.text))`")
                }
                // Found without running anything: the names the directives declare.
                for problem in plan.undeclaredReferences(in: lesson) { console.err(problem.description) }
            }
            for problem in loaded.problems { console.err(problem.description) }
            return loaded.problems.contains { $0.severity == .error } ? 1 : 0
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

/// `notes clean`: removes the cache, leftovers of killed builds, and with `--all` the site.
public struct CleanAction {
    public var options: BuildOptions
    public var removeOutput: Bool
    /// `--unused`: only the cache entries no lesson uses.
    public var unusedOnly = false
    /// The directives, whose keys tell which entries are used.
    public var registry = defaultRegistry

    public init(options: BuildOptions, removeOutput: Bool) {
        self.options = options
        self.removeOutput = removeOutput
    }

    public func run(console: Console) -> Int32 {
        let builder = SiteBuilder(registry: defaultRegistry, options: options)
        if let problem = builder.folderProblem() {
            console.err("error: \(problem); nothing was deleted")
            return 2
        }
        do {
            if unusedOnly { return removeUnused(console: console) }
            if let cacheFolder = options.cacheFolder {
                let lock = SafePaths.exists(cacheFolder) ? FolderLock.acquire(cacheFolder, waiting: console.err) : nil
                let removed = try ResultCache.removeAll(in: cacheFolder)
                lock?.release()
                if removed > 0 { console.err("Removed \(counted(removed, "cache file")) from \(cacheFolder.path)") }
            }
            let output = options.outputFolder
            guard SafePaths.exists(output) else { return 0 }
            let lock = FolderLock.acquire(output, waiting: console.err)
            defer { lock?.release() }
            if removeOutput {
                let result = try OutputManifest.removeSite(in: output)
                for note in result.notes { console.err("note: \(note)") }
                console.err("Removed \(counted(result.removed, "file")) of the site from \(output.path)")
            } else {
                AtomicFile.removeLeftovers(in: output)
            }
            return 0
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

extension CleanAction {
    /// `clean --unused`: the cache entries whose keys no lesson's directive has.
    func removeUnused(console: Console) -> Int32 {
        guard let folder = options.cacheFolder, SafePaths.exists(folder) else { return 0 }
        do {
            try ResultCache.claim(folder, dryRun: true)
            let lessons = try SiteBuilder(registry: registry, options: options).loadLessons()
            let used = Set(lessons.flatMap { LessonPlan(lesson: $0, registry: registry).resultKeys().values })
            let lock = FolderLock.acquire(folder, waiting: console.err)
            defer { lock?.release() }
            let cache = ResultCache(folder: folder)
            let removed = cache.prune(keeping: used)
            let entries = removed.entries == 1 ? "1 unused cache entry" : "\(removed.entries) unused cache entries"
            console.err("Removed \(entries) "
                        + "(\(megabytes(removed.bytes))) from \(folder.path); \(megabytes(cache.byteCount)) remain")
            return 0
        } catch {
            console.err("error: \(error); nothing was deleted")
            return 2
        }
    }
}

/// `5.2 MB`.
func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

/// `Froze into Notes/_freeze: 3 new, 79 kept, 1 removed (5.2 MB)`.
func freezeSummary(_ freeze: FreezeSummary) -> String {
    "Freeze \(freeze.folder): \(freeze.written) new, \(freeze.kept) kept, \(freeze.removed) removed (\(megabytes(freeze.bytes)) in all)"
}

/// `3 directives`, `1 directive`, `0 errors`.
func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

/// Names from lessons, shortened for one-line listings.
enum LessonPlanText {
    static func short(_ text: String) -> String { text.count > 64 ? String(text.prefix(64)) + "…" : text }
}

func summary(_ report: BuildReport, verb: String, seconds: Double, into folder: String?) -> String {
    let lessons = report.lessons.count
    let directives = report.lessons.map(\.directives).reduce(0, +)
    let computed = report.lessons.map(\.computed).reduce(0, +), cached = report.lessons.map(\.cached).reduce(0, +)
    let frozen = report.lessons.map(\.frozen).reduce(0, +)
    var text = "\(verb) \(counted(lessons, "lesson")) (\(counted(directives, "directive")): \(computed) computed, "
        + "\(cached) from the cache, \(frozen) frozen) in \(String(format: "%.1f", seconds)) s"
    if let folder { text += " into \(folder)" }
    if !report.unbuilt.isEmpty {
        let files = Set(report.unbuilt.map(\.file)).count
        text += "; problems in \(counted(files, "file")) besides the lessons"
    }
    text += ": \(counted(report.errorCount, "error")), \(counted(report.warningCount, "warning"))"
    if report.claimCount > 0 { text += "; \(counted(report.claimCount, "claim")) checked, \(report.failedClaimCount) failed" }
    return text
}

/// Progress for one build: on a terminal, a `ProgressDisplay` of the build's monitor with
/// other lines printed above it; elsewhere plain lines on stderr.
struct LiveProgress: Sendable {
    let monitor: BuildMonitor?
    let line: @Sendable (String) -> Void
    private let display: ProgressDisplay?

    init(_ console: Console) {
        guard let terminal = console.terminal else {
            (monitor, display, line) = (nil, nil, console.err)
            return
        }
        let monitor = BuildMonitor()
        let display = ProgressDisplay(monitor: monitor, write: terminal)
        (self.monitor, self.display) = (monitor, display)
        line = { text in display.print(TerminalText.escaped(text, keepingNewlines: true)) }
    }

    /// Runs `body` with the display drawn, cleared when it returns or throws.
    func during<T>(_ body: () throws -> T) rethrows -> T {
        display?.start()
        defer { display?.stop() }
        return try body()
    }
}
