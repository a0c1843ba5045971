import Foundation

extension LessonRunner {
    /// Runs one directive whose dependencies have all finished (`finished` holds their outcomes).
    func runDirective(_ index: Int, plan: LessonPlan, lesson: Lesson, lessonIndex: Int = 0,
                      finished: [Int: DirectiveOutcome], slots: WorkerSlots? = nil,
                      materialized: Materializations = Materializations()) -> DirectiveOutcome {
        let directive = plan.directives[index]
        guard let experiment = directive.experiment else { return DirectiveOutcome(result: nil) }
        var dependencyResults: [String: ExperimentResult] = [:]
        var dependencyKeys: [String: String] = [:]
        var frozenReads: [(id: String, producer: Int)] = []
        for dependency in experiment.dependencies {
            guard let producer = plan.directiveForID[dependency], let outcome = finished[producer],
                  let result = outcome.result else {
                return dependencyFailed(dependency, directive, lesson: lesson)
            }
            dependencyResults[dependency] = result
            dependencyKeys[dependency] = outcome.key
            if outcome.fromFreeze && !outcome.missingArtifacts.isEmpty { frozenReads.append((dependency, producer)) }
        }
        let key = ResultCache.key(canonicalForm: directive.canonicalForm, fingerprint: experiment.inputFingerprint,
                                  dependencyKeys: dependencyKeys)
        let label = "[\(lesson.slug)] @\(directive.call.name)" + (directive.id.map { " \(LessonPlan.shown($0))" } ?? "")
        // Warnings about this run (a corrupt cache entry, non-finite numbers): diagnostics at
        // the directive, so the summary counts them and the page shows them.
        var notes: [Diagnostic] = []
        var frozen: FrozenEntry?
        var freezeEntry: FreezeEntryState?
        if let freeze {
            switch freeze.lookup(lesson: lesson.slug, key: key) {
            case .hit(let entry): (frozen, freezeEntry) = (entry, .held)
            case .miss: freezeEntry = .missing
            case .corrupt(let reason):
                freezeEntry = .unreadable
                notes.append(diagnostic(directive, lesson: lesson, id: "freeze-corrupt",
                                        message: "the frozen result \(freeze.displayPath(lesson: lesson.slug, key: key)) cannot be read (\(reason)), so @\(directive.call.name) was computed instead",
                                        suggestion: "restore the file from git, or delete it and run notes freeze"))
            }
        }
        if let cache, readsCache {
            let (lookup, recorded) = cache.read(key)
            switch lookup {
            case .hit(let result, let seconds):
                if !freezing || frozen != nil || recorded == provenance {
                    cache.touch(key)
                    var outcome = DirectiveOutcome(result: result,
                                                   diagnostics: notes + nonFinite(result, directive, lesson: lesson)
                                                       + drift(result, frozen, directive, lesson: lesson),
                                                   seconds: seconds, source: .cache, key: key)
                    outcome.freezeEntry = freezeEntry
                    return outcome
                }
                progress("\(label): the cached result was computed by \(recorded.map { "\($0)" } ?? "an older notes"); computing it again to freeze this build's result")
            case .corrupt(let reason):
                progress("warning: \(label): cache entry \(key.prefix(12)) is corrupt (\(reason)); running again")
                notes.append(diagnostic(directive, lesson: lesson, id: "cache-corrupt", severity: .warning,
                                        message: "the cached result of @\(directive.call.name) was corrupt (\(reason)) and was computed again",
                                        suggestion: nil))
            case .miss:
                break
            }
        }
        if let frozen, readsFreeze {
            var outcome = DirectiveOutcome(result: frozen.result, diagnostics: notes + nonFinite(frozen.result, directive, lesson: lesson),
                                           source: .freeze, key: key)
            outcome.missingArtifacts = frozen.artifacts
            outcome.freezeEntry = freezeEntry
            return outcome
        }
        // Weights are not frozen: a frozen directive this one reads is computed again first.
        for (dependency, producer) in frozenReads {
            progress("\(label): computing '\(dependency)' again: its result is frozen but its artifacts (\(finished[producer]?.missingArtifacts.joined(separator: ", ") ?? "")) are not")
            var upstream = self
            upstream.readsFreeze = false
            let outcome = materialized.outcome(of: SchedulerState.Node(lesson: lessonIndex, directive: producer)) {
                upstream.runDirective(producer, plan: plan, lesson: lesson, lessonIndex: lessonIndex, finished: finished,
                                      slots: nil, materialized: materialized)
            }
            guard let result = outcome.result else { return dependencyFailed(dependency, directive, lesson: lesson) }
            dependencyResults[dependency] = result
        }
        let tracker = ProgressTracker()
        let token = monitor?.began("@\(directive.call.name)" + (directive.id.map { " \(LessonPlan.shown($0))" } ?? "")
                                   + " · \(lesson.slug)", tracker: tracker)
        defer { if let token { monitor?.ended(token) } }
        if token == nil { progress("\(label): running…") }
        var context = ExperimentContext(dependencyResults: dependencyResults, lessonSlug: lesson.slug,
                                        timeLimit: directive.timeLimit,
                                        progress: { [progress, monitor] line in
                                            if let token { monitor?.said(token, line) } else { progress("\(label): \(line)") }
                                        }, tracker: tracker)
        context.workers = slots
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let result = try experiment.run(in: context)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if token == nil { progress("\(label): done in \(String(format: "%.2f", seconds)) s") }
            if let cache {
                do { try cache.store(result, key: key, seconds: seconds, provenance: provenance) } catch {
                    progress("warning: \(label): could not store the result in the cache: \(error)")
                    notes.append(diagnostic(directive, lesson: lesson, id: "cache-write-failed", severity: .warning,
                                            message: "the result of @\(directive.call.name) could not be cached: \(error)",
                                            suggestion: "check that the cache folder is writable"))
                }
            }
            notes += nonFinite(result, directive, lesson: lesson) + drift(result, frozen, directive, lesson: lesson)
            var outcome = DirectiveOutcome(result: result, diagnostics: notes, seconds: seconds, key: key)
            outcome.freezeEntry = freezeEntry
            return outcome
        } catch {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let failure = error as? ExperimentFailure ?? ExperimentFailure(id: "experiment-failed", "\(error)")
            progress("\(label): failed")
            return DirectiveOutcome(result: nil, diagnostics: notes + [diagnostic(
                directive, lesson: lesson, id: failure.id, message: "@\(directive.call.name) failed: \(failure.message)",
                suggestion: failure.suggestion)], seconds: seconds, key: key)
        }
    }

    /// A consequence, not a second problem: a warning, so the one error is the cause.
    private func dependencyFailed(_ dependency: String, _ directive: LessonPlan.Directive, lesson: Lesson) -> DirectiveOutcome {
        DirectiveOutcome(result: nil, diagnostics: [diagnostic(
            directive, lesson: lesson, id: "dependency-failed", severity: .warning,
            message: "@\(directive.call.name) was not run because '\(dependency)' failed",
            suggestion: "fix the error reported for '\(dependency)'")])
    }

    /// A `freeze-drift` error when a result computed here (or cached) is not the frozen one.
    func drift(_ result: ExperimentResult, _ frozen: FrozenEntry?, _ directive: LessonPlan.Directive,
               lesson: Lesson) -> [Diagnostic] {
        guard let frozen, let freeze, let difference = FreezeComparison.difference(result, from: frozen) else { return [] }
        let name = "@\(directive.call.name)" + (directive.id.map { " '\(LessonPlan.shown($0))'" } ?? "")
        return [diagnostic(directive, lesson: lesson, id: "freeze-drift",
                           message: "\(name) computed here differs from its frozen result (\(freeze.displayPath(lesson: lesson.slug, key: frozen.key))): \(difference)",
                           suggestion: "if the frozen file was edited, restore it from git; if the experiment's code changed on purpose, "
                               + "bump its version (or delete the entry) and run notes freeze; otherwise this machine computes "
                               + "differently (\(provenance.numerics))")]
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

    func diagnostic(_ directive: LessonPlan.Directive, lesson: Lesson, id: String,
                    severity: Diagnostic.Severity = .error, message: String,
                    suggestion: String?) -> Diagnostic {
        Diagnostic(severity, file: lesson.path, line: directive.call.location.line, column: directive.call.location.column,
                   id: id, message: message, suggestion: suggestion)
    }
}
