import Foundation

/// What happened when one directive ran.
public struct DirectiveOutcome: Sendable {
    public var result: ExperimentResult?
    public var diagnostics: [Diagnostic]
    /// Wall time of the run in seconds (0 when it did not run).
    public var seconds: Double
    public var fromCache: Bool

    public init(result: ExperimentResult?, diagnostics: [Diagnostic] = [], seconds: Double = 0, fromCache: Bool = false) {
        self.result = result
        self.diagnostics = diagnostics
        self.seconds = seconds
        self.fromCache = fromCache
    }
}

/// Runs a lesson's planned directives in dependency order.
///
/// A directive whose dependency failed is not run and says so; every other directive runs,
/// so one broken experiment never hides the rest of the page.
public struct LessonRunner: Sendable {
    public var progress: @Sendable (String) -> Void

    public init(progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.progress = progress
    }

    /// Outcomes indexed like `plan.directives`; directives that could not be bound get none.
    public func run(_ plan: LessonPlan, lesson: Lesson) -> [Int: DirectiveOutcome] {
        var outcomes: [Int: DirectiveOutcome] = [:]
        for index in plan.runOrder {
            let directive = plan.directives[index]
            guard let experiment = directive.experiment else { continue }
            var dependencyResults: [String: ExperimentResult] = [:]
            var failedDependency: String?
            for dependency in experiment.dependencies {
                if let producer = plan.directiveForID[dependency], let result = outcomes[producer]?.result {
                    dependencyResults[dependency] = result
                } else {
                    failedDependency = dependency
                }
            }
            if let failedDependency {
                outcomes[index] = DirectiveOutcome(result: nil, diagnostics: [Diagnostic(
                    file: lesson.path, line: directive.call.location.line, column: directive.call.location.column,
                    id: "dependency-failed", message: "@\(directive.call.name) was not run because '\(failedDependency)' failed",
                    suggestion: "fix the error reported for '\(failedDependency)'")])
                continue
            }
            let label = "[\(lesson.slug)] @\(directive.call.name)" + (experiment.id.map { " \($0)" } ?? "")
            progress("\(label): running…")
            let context = ExperimentContext(dependencyResults: dependencyResults, lessonSlug: lesson.slug,
                                            progress: { [progress] line in progress("\(label): \(line)") })
            let start = DispatchTime.now().uptimeNanoseconds
            let outcome: DirectiveOutcome
            do {
                let result = try experiment.run(in: context)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                outcome = DirectiveOutcome(result: result, seconds: seconds)
                progress("\(label): done in \(String(format: "%.2f", seconds)) s")
            } catch {
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                let failure = error as? ExperimentFailure
                    ?? ExperimentFailure(id: "experiment-failed", "\(error)")
                outcome = DirectiveOutcome(result: nil, diagnostics: [Diagnostic(
                    file: lesson.path, line: directive.call.location.line, column: directive.call.location.column,
                    id: failure.id, message: "@\(directive.call.name) failed: \(failure.message)",
                    suggestion: failure.suggestion)], seconds: seconds)
                progress("\(label): failed")
            }
            outcomes[index] = outcome
        }
        return outcomes
    }
}
