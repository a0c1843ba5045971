import Experiments
import Foundation
import Notebook

/// The directives this build of `notes` knows.
public let defaultRegistry = ExperimentRegistry(Catalogue.all)

/// `notes build`: writes the site; 1 when any directive failed.
public struct BuildAction {
    public var options: BuildOptions
    public var registry: ExperimentRegistry

    public init(options: BuildOptions, registry: ExperimentRegistry = defaultRegistry) {
        self.options = options
        self.registry = registry
    }

    public func run(console: Console) -> Int32 {
        if options.jobs > 1 { Catalogue.divideThreads(amongJobs: options.jobs) }
        let builder = SiteBuilder(registry: registry, options: options, progress: console.err)
        let start = Date()
        do {
            let report = try builder.build()
            for diagnostic in report.diagnostics { console.err(diagnostic.description) }
            console.err(summary(report, verb: "Built", seconds: Date().timeIntervalSince(start), into: options.outputFolder.path))
            return report.errorCount > 0 ? 1 : 0
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

/// `notes check`: builds into a temporary folder, prints every diagnostic; 1 on any error.
public struct CheckAction {
    public var options: BuildOptions
    public var registry: ExperimentRegistry

    public init(options: BuildOptions, registry: ExperimentRegistry = defaultRegistry) {
        self.options = options
        self.registry = registry
    }

    public func run(console: Console) -> Int32 {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("notes-check-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var options = options
        options.outputFolder = scratch
        if options.jobs > 1 { Catalogue.divideThreads(amongJobs: options.jobs) }
        let start = Date()
        do {
            let report = try SiteBuilder(registry: registry, options: options, progress: console.err).build()
            for diagnostic in report.diagnostics { console.err(diagnostic.description) }
            console.err(summary(report, verb: "Checked", seconds: Date().timeIntervalSince(start), into: nil))
            return report.errorCount > 0 ? 1 : 0
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

/// `notes list`: lessons in order with their directive blocks.
public struct ListAction {
    public var options: BuildOptions
    public var registry: ExperimentRegistry

    public init(options: BuildOptions, registry: ExperimentRegistry = defaultRegistry) {
        self.options = options
        self.registry = registry
    }

    public func run(console: Console) -> Int32 {
        do {
            let lessons = try SiteBuilder(registry: registry, options: options).loadLessons()
            for lesson in lessons where options.lessons.isEmpty || options.lessons.contains(lesson.slug) {
                let plan = LessonPlan(lesson: lesson, registry: registry)
                console.out("\(lesson.slug)  \(lesson.title)  (\(plan.blocks.count) blocks, \(plan.directives.count) directives)")
                for directive in plan.directives {
                    let id = directive.id.map { " id: \($0)" } ?? ""
                    let problems = directive.diagnostics.isEmpty ? "" : "  [\(directive.diagnostics.count) problem(s)]"
                    console.out("  \(lesson.path):\(directive.call.location.line): @\(directive.call.name)\(id)\(problems)")
                }
            }
            return 0
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

    public init(options: BuildOptions, removeOutput: Bool) {
        self.options = options
        self.removeOutput = removeOutput
    }

    public func run(console: Console) -> Int32 {
        let fm = FileManager.default
        do {
            if let cacheFolder = options.cacheFolder, fm.fileExists(atPath: cacheFolder.path) {
                try fm.removeItem(at: cacheFolder)
                console.err("Removed \(cacheFolder.path)")
            }
            if removeOutput, fm.fileExists(atPath: options.outputFolder.path) {
                try fm.removeItem(at: options.outputFolder)
                console.err("Removed \(options.outputFolder.path)")
            } else {
                AtomicFile.removeLeftovers(in: options.outputFolder)
            }
            return 0
        } catch {
            console.err("error: \(error)")
            return 2
        }
    }
}

func summary(_ report: BuildReport, verb: String, seconds: Double, into folder: String?) -> String {
    let lessons = report.lessons.count
    let directives = report.lessons.map(\.directives).reduce(0, +)
    var text = "\(verb) \(lessons) lesson\(lessons == 1 ? "" : "s") (\(directives) directives) in \(String(format: "%.1f", seconds)) s"
    if let folder { text += " into \(folder)" }
    return text + ": \(report.errorCount) error\(report.errorCount == 1 ? "" : "s"), \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")"
}
