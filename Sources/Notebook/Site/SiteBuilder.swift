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
}

public struct BuildReport: Sendable {
    public var lessons: [LessonReport]
    public var diagnostics: [Diagnostic] { lessons.flatMap(\.diagnostics) }
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// A failure of the build itself (not of a lesson): missing folders, unwritable output.
public struct BuildError: Error, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Builds the course: every lesson's page, its figures and tables, the index and the assets.
public struct SiteBuilder: Sendable {
    public var registry: ExperimentRegistry
    public var options: BuildOptions
    public var progress: @Sendable (String) -> Void

    public init(registry: ExperimentRegistry, options: BuildOptions,
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.registry = registry
        self.options = options
        self.progress = progress
    }

    /// Loads the lessons (all of them: navigation and the index need every title).
    public func loadLessons() throws -> [Lesson] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.notesFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildError("no lessons folder at \(options.notesFolder.path); pass --notes DIR")
        }
        let lessons = try LessonLoader.load(from: options.notesFolder, displayPrefix: options.displayPrefix)
        let slugs = Set(lessons.map(\.slug))
        for wanted in options.lessons where !slugs.contains(wanted) {
            let hint = closestMatch(to: wanted, in: Array(slugs)).map { "did you mean '\($0)'?" }
                ?? "lessons: " + slugs.sorted().joined(separator: ", ")
            throw BuildError("no lesson '\(wanted)' in \(options.displayPrefix); \(hint)")
        }
        return lessons
    }

    /// Builds into `options.outputFolder`. Lesson problems are in the report; only failures
    /// of the build itself throw.
    public func build() throws -> BuildReport {
        let lessons = try loadLessons()
        let output = options.outputFolder
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        AtomicFile.removeLeftovers(in: output)
        try AssetInstaller(katexFolder: options.katexFolder).install(into: output)

        var reports: [LessonReport] = []
        let cache = options.cacheFolder.map(ResultCache.init(folder:))
        if let cache {
            let removed = cache.prepare()
            if removed > 0 { progress("Removed \(removed) cache files of an older format from \(cache.folder.path)") }
        }
        let runner = LessonRunner(cache: cache, jobs: options.jobs,
                                  progress: progress)
        let selected = lessons.enumerated().filter { options.lessons.isEmpty || options.lessons.contains($0.element.slug) }
        let plans = selected.map { LessonPlan(lesson: $0.element, registry: registry) }
        let outcomesPerLesson = runner.runAll(zip(plans, selected).map { ($0, $1.element) })
        for ((position, lesson), (plan, outcomes)) in zip(selected, zip(plans, outcomesPerLesson)) {
            let navigation = LessonNavigation(
                previous: position > 0 ? (lessons[position - 1].slug, lessons[position - 1].title) : nil,
                next: position + 1 < lessons.count ? (lessons[position + 1].slug, lessons[position + 1].title) : nil)
            let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: outcomes, navigation: navigation)
            try write(page, slug: lesson.slug)
            let diagnostics = (lesson.diagnostics + plan.diagnostics + outcomes.values.flatMap(\.diagnostics) + page.diagnostics)
                .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            reports.append(LessonReport(slug: lesson.slug, title: lesson.title, directives: plan.directives.count,
                                        diagnostics: diagnostics,
                                        seconds: outcomes.values.map(\.seconds).reduce(0, +)))
        }

        let entries = lessons.map { lesson in
            IndexPage.Entry(slug: lesson.slug, title: lesson.title, summary: lesson.summary,
                            experiments: LessonPlan(lesson: lesson, registry: registry).directives.count,
                            seconds: reports.first(where: { $0.slug == lesson.slug })?.seconds)
        }
        try AtomicFile.write(IndexPage.render(entries), to: output.appendingPathComponent("index.html"))
        if options.lessons.isEmpty { try removeStalePages(keeping: Set(lessons.map(\.slug))) }
        return BuildReport(lessons: reports)
    }

    /// Writes a page and its files; removes figures and tables the lesson no longer produces.
    func write(_ page: RenderedPage, slug: String) throws {
        let output = options.outputFolder
        for (path, data) in page.files.sorted(by: { $0.key < $1.key }) {
            try AtomicFile.write(data, to: output.appendingPathComponent(path))
        }
        for folder in ["figures/\(slug)", "data/\(slug)"] {
            let url = output.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            where page.files["\(folder)/\(name)"] == nil {
                try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
            }
        }
        // The page goes last: it never links to a file that is not written yet.
        try AtomicFile.write(page.html, to: output.appendingPathComponent(page.path))
    }

    /// Deletes pages, figures and tables of lessons that no longer exist.
    func removeStalePages(keeping slugs: Set<String>) throws {
        let fm = FileManager.default
        let output = options.outputFolder
        for name in (try? fm.contentsOfDirectory(atPath: output.path)) ?? []
        where name.hasSuffix(".html") && name != "index.html" && !slugs.contains(String(name.dropLast(5))) {
            try fm.removeItem(at: output.appendingPathComponent(name))
        }
        for folder in ["figures", "data"] {
            let url = output.appendingPathComponent(folder)
            for name in (try? fm.contentsOfDirectory(atPath: url.path)) ?? [] where !slugs.contains(name) {
                try fm.removeItem(at: url.appendingPathComponent(name))
            }
        }
    }
}
