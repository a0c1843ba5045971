import Foundation

/// Builds the course: every lesson's page, its figures and tables, the index and the assets.
///
/// The output folder is owned through its manifest (`OutputManifest`): a build writes through
/// `SafePaths` (no symbolic link is followed), records every file it wrote, and deletes only
/// files the previous manifest lists and this build no longer produces. The output and cache
/// folders are locked for the build, so two builds never write into each other.
public struct SiteBuilder: Sendable {
    public var registry: ExperimentRegistry
    public var options: BuildOptions
    public var progress: @Sendable (String) -> Void
    /// Told what runs and what is done, for a live display (see `BuildMonitor`).
    public var monitor: BuildMonitor?

    public init(registry: ExperimentRegistry, options: BuildOptions,
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.registry = registry
        self.options = options
        self.progress = progress
    }

    /// Loads the lessons (all of them: navigation and the index need every title).
    public func loadLessons() throws -> [Lesson] { try loadAllLessons().lessons }

    /// The lessons, and diagnostics for files of the lessons folder that are not lessons.
    public func loadAllLessons() throws -> LessonLoader.Loaded {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.notesFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildError("no lessons folder at \(options.notesFolder.path); pass --notes DIR")
        }
        let loaded = try LessonLoader.loadAll(from: options.notesFolder, displayPrefix: options.displayPrefix)
        let slugs = Set(loaded.lessons.map(\.slug))
        for wanted in options.lessons where !slugs.contains(wanted) {
            let hint = closestMatch(to: wanted, in: Array(slugs)).map { "did you mean '\($0)'?" }
                ?? "lessons: " + slugs.sorted().joined(separator: ", ")
            throw BuildError("no lesson '\(TerminalText.escaped(wanted))' in \(options.displayPrefix); \(hint)")
        }
        return loaded
    }

    /// The first reason the folders cannot be used, if any (see `FolderRoles`).
    public func folderProblem() -> String? {
        FolderRoles.problem(notes: options.notesFolder.path, output: options.outputFolder.path,
                            cache: options.cacheFolder?.path)
    }

    /// Builds into `options.outputFolder`. Lesson problems are in the report; only failures
    /// of the build itself (unusable folders, missing KaTeX) throw.
    public func build() throws -> BuildReport {
        if let problem = folderProblem() { throw BuildError(problem) }
        let loaded = try loadAllLessons()
        let lessons = loaded.lessons
        let (course, courseDiagnostics) = loadCourse()
        let output = options.outputFolder
        // Both folders are checked before either is touched.
        try OutputManifest.claim(output, force: options.force, dryRun: true)
        if let folder = options.cacheFolder { try ResultCache.claim(folder, dryRun: true) }
        let previous = try OutputManifest.claim(output, force: options.force)
        let outputLock = FolderLock.acquire(output, waiting: progress)
        defer { outputLock?.release() }
        var cacheLock: FolderLock?
        defer { cacheLock?.release() }
        let cache = try options.cacheFolder.map { folder -> ResultCache in
            try ResultCache.claim(folder)
            cacheLock = FolderLock.acquire(folder, waiting: progress)
            return ResultCache(folder: folder)
        }
        if let cache {
            let removed = cache.prepare()
            if removed > 0 { progress("Removed \(removed) cache file\(removed == 1 ? "" : "s") of an older format from \(cache.folder.path)") }
        }
        let freeze = try openFreeze()
        AtomicFile.removeLeftovers(in: output)
        let journal = ManifestJournal(folder: output, previous: previous)
        var written = Set<String>()
        let katex = course.katexFolder.map { URL(fileURLWithPath: $0) } ?? options.katexFolder
        try AssetInstaller(katexFolder: katex).install(into: output, journal: journal, written: &written)

        var reports: [LessonReport] = []
        var origins: [String: FileOrigin] = [:]
        var runner = LessonRunner(cache: cache, jobs: options.jobs, progress: progress)
        runner.readsCache = options.readsCache
        runner.freeze = freeze
        runner.readsFreeze = options.readsFreeze
        runner.provenance = .current(numerics: options.numerics.description)
        runner.freezing = options.writesFreeze
        runner.monitor = monitor
        let selected = lessons.enumerated().filter { options.lessons.isEmpty || options.lessons.contains($0.element.slug) }
        let plans = selected.map { LessonPlan(lesson: $0.element, registry: registry) }
        let outcomesPerLesson = runner.runAll(zip(plans, selected).map { ($0, $1.element) })
        let bibliography = Bibliography.load(from: options.notesFolder, displayPrefix: options.displayPrefix)
        let (mathProblems, mathNote) = MathCheck(katexFolder: katex).diagnostics(for: selected.map(\.element))
        for ((position, lesson), (plan, outcomes)) in zip(selected, zip(plans, outcomesPerLesson)) {
            let navigation = LessonNavigation(
                previous: position > 0 ? (lessons[position - 1].slug, lessons[position - 1].title) : nil,
                next: position + 1 < lessons.count ? (lessons[position + 1].slug, lessons[position + 1].title) : nil,
                lessons: lessons.map { ($0.slug, $0.title) }, current: lesson.slug)
            let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: outcomes, navigation: navigation, course: course,
                                         lessons: Set(lessons.map(\.slug)), lessonsFolder: options.notesFolder,
                                         bibliography: bibliography)
            origins[page.path] = FileOrigin(lesson: lesson.path, location: SourceLocation(line: 1, column: 1))
            for (path, location) in page.origins { origins[path] = FileOrigin(lesson: lesson.path, location: location) }
            var diagnostics = lesson.diagnostics + plan.diagnostics + outcomes.values.flatMap(\.diagnostics) + page.diagnostics
                + (mathProblems[lesson.path] ?? [])
            do {
                try write(page, journal: journal, written: &written)
            } catch {
                diagnostics.append(Diagnostic(file: lesson.path, line: 1, column: 1, id: "write-failed",
                                              message: "the page could not be written: \(error)",
                                              suggestion: "check that the output folder is writable"))
            }
            var report = LessonReport(slug: lesson.slug, title: lesson.title, directives: plan.directives.count,
                                      diagnostics: diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) },
                                      seconds: outcomes.values.map(\.seconds).reduce(0, +),
                                      claims: page.claims, failedClaims: page.failedClaims)
            for outcome in outcomes.values where outcome.result != nil {
                switch outcome.source {
                case .computed: report.computed += 1
                case .cache: report.cached += 1
                case .freeze: report.frozen += 1
                }
            }
            reports.append(report)
        }
        var (freezeProblems, freezeSummary) = ([Diagnostic](), FreezeSummary?.none)
        if let freeze {
            (freezeProblems, freezeSummary) = reconcile(freeze, plans: plans, lessons: selected.map(\.element),
                                                        outcomes: outcomesPerLesson)
        }
        let pruned = options.lessons.isEmpty ? pruneCache(cache, plans: plans) : 0

        let entries = lessons.map { lesson in
            let plan = LessonPlan(lesson: lesson, registry: registry)
            // A lesson not built this time keeps the compute time its cached results record; a
            // lesson with frozen results has no measured time (they did not run here).
            let report = reports.first(where: { $0.slug == lesson.slug })
            let seconds = report.map { $0.frozen > 0 ? nil : $0.seconds } ?? runner.cachedSeconds(of: plan)
            return IndexPage.Entry(slug: lesson.slug, title: lesson.title, summary: lesson.summary,
                                   experiments: plan.directives.count, seconds: seconds)
        }
        try journal.record(["index.html"])
        try SafePaths.write(Data(IndexPage.render(entries, course: course).utf8), to: "index.html", in: output)
        written.insert("index.html")
        let notes = try updateManifest(previous: previous, written: written, built: selected.map(\.element.slug))
            + (mathNote.map { [$0] } ?? [])
        var report = BuildReport(lessons: reports, unbuilt: courseDiagnostics + loaded.problems + (bibliography?.diagnostics ?? []),
                                 notes: notes, origins: origins)
        report.freezeProblems = freezeProblems
        report.freeze = freezeSummary
        report.prunedCacheEntries = pruned
        return report
    }

    /// The course configuration (`course.yml` in the lessons folder) and its problems, with
    /// its relative folders resolved against the lessons folder; the registry applies it to
    /// the experiments' inputs (`ExperimentRegistry.configure`).
    public func loadCourse() -> (CourseConfiguration, [Diagnostic]) {
        let path = options.displayPrefix + "/" + CourseConfiguration.fileName
        var (course, diagnostics) = CourseConfiguration.load(from: options.notesFolder, path: path)
        course.fashionMNISTFolder = course.fashionMNISTFolder.map { URL(fileURLWithPath: $0, relativeTo: options.notesFolder).path }
        course.katexFolder = course.katexFolder.map { URL(fileURLWithPath: $0, relativeTo: options.notesFolder).path }
        course.sourceRoot = options.notesFolder.standardizedFileURL.deletingLastPathComponent().path
        registry.configure(course)
        return (course, diagnostics)
    }

    /// Writes a page and its files (the page last: it never links to a file not yet written).
    func write(_ page: RenderedPage, journal: ManifestJournal, written: inout Set<String>) throws {
        try journal.record(Array(page.files.keys) + [page.path])
        for (path, data) in page.files.sorted(by: { $0.key < $1.key }) {
            try SafePaths.write(data, to: path, in: options.outputFolder)
            written.insert(path)
        }
        try SafePaths.write(Data(page.html.utf8), to: page.path, in: options.outputFolder)
        written.insert(page.path)
    }

    /// Records what this build wrote and deletes what the previous manifest listed that is no
    /// longer produced: anything, after a build of every lesson; only the built lessons' own
    /// files after `--lesson`. Returns notes about files left alone.
    func updateManifest(previous: OutputManifest, written: Set<String>, built slugs: [String]) throws -> [String] {
        let output = options.outputFolder
        let stale: Set<String>
        var kept = previous.paths
        if options.lessons.isEmpty {
            stale = previous.paths.subtracting(written)
            kept = []
        } else {
            stale = previous.paths.filter { path in
                !written.contains(path) && slugs.contains { OutputManifest.belongs(path, toLesson: $0) }
            }
            kept.subtract(stale)
        }
        var notes: [String] = []
        for path in stale.sorted() {
            if let note = SafePaths.removeFile(path, in: output) { notes.append(note) }
        }
        try OutputManifest(paths: kept.union(written)).write(in: output)
        return notes
    }
}
