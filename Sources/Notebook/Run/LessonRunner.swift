import Foundation

/// What happened when one directive ran.
public struct DirectiveOutcome: Sendable {
    /// The result as computed or cached: for a `Measured` experiment, its measurement; the
    /// page presents it (`Experiment.presented(_:in:)`).
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

/// Runs planned directives, reusing cached results; independent directives (of one lesson
/// or of several) run concurrently on `jobs` workers, each after the directives it reads.
///
/// A directive whose dependency failed is not run and says so; every other directive runs,
/// so one broken experiment never hides the rest of the page.
public struct LessonRunner: Sendable {
    public var cache: ResultCache?
    public var jobs: Int
    public var progress: @Sendable (String) -> Void
    /// When false, every directive runs even if the cache has its result (which is replaced).
    public var readsCache = true

    public init(cache: ResultCache? = nil, jobs: Int = 1, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        precondition(jobs >= 1, "LessonRunner needs at least one job, got \(jobs)")
        self.cache = cache
        self.jobs = jobs
        self.progress = progress
    }

    /// Outcomes indexed like `plan.directives`; directives that could not be bound get none.
    public func run(_ plan: LessonPlan, lesson: Lesson) -> [Int: DirectiveOutcome] {
        runAll([(plan, lesson)])[0]
    }

    /// Runs several lessons' directives together; outcomes per lesson, in the given order.
    public func runAll(_ work: [(plan: LessonPlan, lesson: Lesson)]) -> [[Int: DirectiveOutcome]] {
        let state = SchedulerState(work: work)
        let workers = max(1, min(jobs, state.nodeCount))
        let work = work
        // A worker holds a slot while it runs a directive; directives with independent parts
        // (seeds) borrow the free ones, so at most `jobs` things run at once.
        let slots = WorkerSlots(jobs)
        let drain: @Sendable () -> Void = {
            while let node = state.next() {
                let (plan, lesson) = work[node.lesson]
                slots.acquire()
                let outcome = runDirective(node.directive, plan: plan, lesson: lesson,
                                           finished: state.outcomes(of: node.lesson), slots: slots)
                slots.release()
                state.finish(node, with: outcome)
            }
        }
        // Dedicated threads (not Dispatch's pool, which may serialize under load); the
        // calling thread is one of the workers. Experiments may block for minutes.
        let group = DispatchGroup()
        for _ in 1..<workers {
            group.enter()
            let thread = Thread { drain(); group.leave() }
            thread.stackSize = 8 << 20
            thread.start()
        }
        drain()
        group.wait()
        return state.allOutcomes
    }

    /// Runs one directive whose dependencies have all finished (`finished` holds their outcomes).
    func runDirective(_ index: Int, plan: LessonPlan, lesson: Lesson, finished: [Int: DirectiveOutcome],
                      slots: WorkerSlots? = nil) -> DirectiveOutcome {
        let directive = plan.directives[index]
        guard let experiment = directive.experiment else { return DirectiveOutcome(result: nil) }
        var dependencyResults: [String: ExperimentResult] = [:]
        var dependencyKeys: [String: String] = [:]
        for dependency in experiment.dependencies {
            guard let producer = plan.directiveForID[dependency], let outcome = finished[producer],
                  let result = outcome.result else {
                // A consequence, not a second problem: a warning, so the one error is the cause.
                return DirectiveOutcome(result: nil, diagnostics: [diagnostic(
                    directive, lesson: lesson, id: "dependency-failed", severity: .warning,
                    message: "@\(directive.call.name) was not run because '\(dependency)' failed",
                    suggestion: "fix the error reported for '\(dependency)'")])
            }
            dependencyResults[dependency] = result
            dependencyKeys[dependency] = outcome.key
        }
        let key = ResultCache.key(canonicalForm: directive.canonicalForm, fingerprint: experiment.inputFingerprint,
                                  dependencyKeys: dependencyKeys)
        let label = "[\(lesson.slug)] @\(directive.call.name)" + (directive.id.map { " \(LessonPlan.shown($0))" } ?? "")
        // Warnings about this run (a corrupt cache entry, non-finite numbers): diagnostics at
        // the directive, so the summary counts them and the page shows them.
        var notes: [Diagnostic] = []
        if let cache, readsCache {
            switch cache.lookup(key) {
            case .hit(let result, let seconds):
                return DirectiveOutcome(result: result,
                                        diagnostics: nonFinite(result, directive, lesson: lesson),
                                        seconds: seconds, fromCache: true, key: key)
            case .corrupt(let reason):
                progress("warning: \(label): cache entry \(key.prefix(12)) is corrupt (\(reason)); running again")
                notes.append(diagnostic(directive, lesson: lesson, id: "cache-corrupt", severity: .warning,
                                        message: "the cached result of @\(directive.call.name) was corrupt (\(reason)) and was computed again",
                                        suggestion: nil))
            case .miss:
                break
            }
        }
        progress("\(label): running…")
        var context = ExperimentContext(dependencyResults: dependencyResults, lessonSlug: lesson.slug,
                                        timeLimit: directive.timeLimit,
                                        progress: { [progress] line in progress("\(label): \(line)") })
        context.workers = slots
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let result = try experiment.run(in: context)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            progress("\(label): done in \(String(format: "%.2f", seconds)) s")
            if let cache {
                do { try cache.store(result, key: key, seconds: seconds) } catch {
                    progress("warning: \(label): could not store the result in the cache: \(error)")
                    notes.append(diagnostic(directive, lesson: lesson, id: "cache-write-failed", severity: .warning,
                                            message: "the result of @\(directive.call.name) could not be cached: \(error)",
                                            suggestion: "check that the cache folder is writable"))
                }
            }
            notes += nonFinite(result, directive, lesson: lesson)
            return DirectiveOutcome(result: result, diagnostics: notes, seconds: seconds, key: key)
        } catch {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let failure = error as? ExperimentFailure ?? ExperimentFailure(id: "experiment-failed", "\(error)")
            progress("\(label): failed")
            return DirectiveOutcome(result: nil, diagnostics: notes + [diagnostic(
                directive, lesson: lesson, id: failure.id, message: "@\(directive.call.name) failed: \(failure.message)",
                suggestion: failure.suggestion)], seconds: seconds, key: key)
        }
    }

    /// A warning naming the scalars that are NaN or infinite (a diverged run), so prose that
    /// cites them is not trusted silently.
    func nonFinite(_ result: ExperimentResult, _ directive: LessonPlan.Directive, lesson: Lesson) -> [Diagnostic] {
        let names = result.scalars.filter { !$0.value.isFinite }.keys.sorted()
        guard !names.isEmpty else { return [] }
        let shown = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        return [diagnostic(directive, lesson: lesson, id: "non-finite-result", severity: .warning,
                           message: "@\(directive.call.name) produced values that are not finite numbers (NaN or ∞): \(shown)",
                           suggestion: "a diverged run: lower the learning rate or check the model's settings")]
    }

    private func diagnostic(_ directive: LessonPlan.Directive, lesson: Lesson, id: String,
                            severity: Diagnostic.Severity = .error, message: String,
                            suggestion: String?) -> Diagnostic {
        Diagnostic(severity, file: lesson.path, line: directive.call.location.line, column: directive.call.location.column,
                   id: id, message: message, suggestion: suggestion)
    }
}

extension LessonRunner {
    /// The compute time of a lesson's directives as the cache recorded it, without running or
    /// loading anything (keys are derived from the plan; only each entry's header is read);
    /// nil when a runnable directive has no entry. Lets the index keep the compute time of
    /// lessons that a `--lesson` build (or a `serve` rebuild) did not build.
    public func cachedSeconds(of plan: LessonPlan) -> Double? {
        guard let cache else { return nil }
        var keys: [Int: String] = [:]
        var total = 0.0
        for index in plan.runOrder {
            guard let experiment = plan.directives[index].experiment else { continue }
            var dependencyKeys: [String: String] = [:]
            for dependency in experiment.dependencies {
                guard let producer = plan.directiveForID[dependency], let key = keys[producer] else { return nil }
                dependencyKeys[dependency] = key
            }
            let key = ResultCache.key(canonicalForm: plan.directives[index].canonicalForm,
                                      fingerprint: experiment.inputFingerprint, dependencyKeys: dependencyKeys)
            guard let seconds = cache.recordedSeconds(key) else { return nil }
            keys[index] = key
            total += seconds
        }
        return total
    }
}
