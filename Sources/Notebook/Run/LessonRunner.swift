import Foundation

/// What happened when one directive ran.
public struct DirectiveOutcome: Sendable {
    public var result: ExperimentResult?
    public var diagnostics: [Diagnostic]
    /// Wall time of the computation in seconds (for a cached result: of the original run).
    public var seconds: Double
    public var fromCache: Bool
    /// The directive's cache key (empty when it did not run).
    public var key: String

    public init(result: ExperimentResult?, diagnostics: [Diagnostic] = [], seconds: Double = 0,
                fromCache: Bool = false, key: String = "") {
        self.result = result
        self.diagnostics = diagnostics
        self.seconds = seconds
        self.fromCache = fromCache
        self.key = key
    }
}

/// Runs a lesson's planned directives in dependency order, reusing cached results.
///
/// A directive whose dependency failed is not run and says so; every other directive runs,
/// so one broken experiment never hides the rest of the page.
public struct LessonRunner: Sendable {
    public var cache: ResultCache?
    public var progress: @Sendable (String) -> Void

    public init(cache: ResultCache? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.cache = cache
        self.progress = progress
    }

    /// Outcomes indexed like `plan.directives`; directives that could not be bound get none.
    public func run(_ plan: LessonPlan, lesson: Lesson) -> [Int: DirectiveOutcome] {
        var outcomes: [Int: DirectiveOutcome] = [:]
        for index in plan.runOrder {
            let directive = plan.directives[index]
            guard let experiment = directive.experiment else { continue }
            var dependencyResults: [String: ExperimentResult] = [:]
            var dependencyKeys: [String: String] = [:]
            var failedDependency: String?
            for dependency in experiment.dependencies {
                if let producer = plan.directiveForID[dependency], let outcome = outcomes[producer],
                   let result = outcome.result {
                    dependencyResults[dependency] = result
                    dependencyKeys[dependency] = outcome.key
                } else {
                    failedDependency = dependency
                }
            }
            if let failedDependency {
                outcomes[index] = DirectiveOutcome(result: nil, diagnostics: [diagnostic(
                    directive, lesson: lesson, id: "dependency-failed",
                    message: "@\(directive.call.name) was not run because '\(failedDependency)' failed",
                    suggestion: "fix the error reported for '\(failedDependency)'")])
                continue
            }
            let key = ResultCache.key(canonicalForm: directive.canonicalForm, fingerprint: experiment.inputFingerprint,
                                      dependencyKeys: dependencyKeys)
            let label = "[\(lesson.slug)] @\(directive.call.name)" + (experiment.id.map { " \($0)" } ?? "")
            if let cache {
                switch cache.lookup(key) {
                case .hit(let result, let seconds):
                    outcomes[index] = DirectiveOutcome(result: experiment.presenting(result), seconds: seconds,
                                                       fromCache: true, key: key)
                    continue
                case .corrupt(let reason):
                    progress("warning: \(label): cache entry \(key.prefix(12)) is corrupt (\(reason)); running again")
                case .miss:
                    break
                }
            }
            outcomes[index] = execute(experiment, directive: directive, lesson: lesson, label: label, key: key,
                                      dependencyResults: dependencyResults)
        }
        return outcomes
    }

    private func execute(_ experiment: any Experiment, directive: LessonPlan.Directive, lesson: Lesson, label: String,
                         key: String, dependencyResults: [String: ExperimentResult]) -> DirectiveOutcome {
        progress("\(label): running…")
        let context = ExperimentContext(dependencyResults: dependencyResults, lessonSlug: lesson.slug,
                                        progress: { [progress] line in progress("\(label): \(line)") })
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let result = try experiment.run(in: context)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            progress("\(label): done in \(String(format: "%.2f", seconds)) s")
            if let cache {
                do { try cache.store(result, key: key, seconds: seconds) } catch {
                    progress("warning: \(label): could not store the result in the cache: \(error)")
                }
            }
            return DirectiveOutcome(result: experiment.presenting(result), seconds: seconds, key: key)
        } catch {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let failure = error as? ExperimentFailure ?? ExperimentFailure(id: "experiment-failed", "\(error)")
            progress("\(label): failed")
            return DirectiveOutcome(result: nil, diagnostics: [diagnostic(
                directive, lesson: lesson, id: failure.id, message: "@\(directive.call.name) failed: \(failure.message)",
                suggestion: failure.suggestion)], seconds: seconds, key: key)
        }
    }

    private func diagnostic(_ directive: LessonPlan.Directive, lesson: Lesson, id: String, message: String,
                            suggestion: String?) -> Diagnostic {
        Diagnostic(file: lesson.path, line: directive.call.location.line, column: directive.call.location.column,
                   id: id, message: message, suggestion: suggestion)
    }
}
