import Foundation

/// Runs planned directives, reusing cached and frozen results; independent directives (of
/// one lesson or of several) run concurrently on `jobs` workers, each after the directives it
/// reads.
///
/// A result comes from the local cache when it is there (with its trained weights), else from
/// the committed freeze (measurement only), else it is computed. Whenever a directive is
/// computed or read from the cache and the freeze holds its key, the two must be equal bit
/// for bit, or the outcome carries a `freeze-drift` error. A directive that needs the weights
/// of a frozen directive first computes that one again (`Materializations`).
///
/// A directive whose dependency failed is not run and says so; every other directive runs,
/// so one broken experiment never hides the rest of the page.
public struct LessonRunner: Sendable {
    public var cache: ResultCache?
    /// The committed freeze, when the course has one.
    public var freeze: ResultFreeze?
    public var jobs: Int
    public var progress: @Sendable (String) -> Void
    /// When false, every directive runs even if the cache has its result (which is replaced).
    public var readsCache = true
    /// When false, frozen results are not used (only compared with).
    public var readsFreeze = true
    /// What computes here; recorded with every cache entry.
    public var provenance = Provenance.current(numerics: NumericSetting.unspecified.description)
    /// While freezing: a cached result that another build computed is not reused for a key
    /// the freeze lacks, so only this build's results are frozen.
    public var freezing = false
    /// Told what runs and what is done, for a live display; nil prints progress lines only.
    public var monitor: BuildMonitor?

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
        monitor?.planned(state.nodeCount)
        let workers = max(1, min(jobs, state.nodeCount))
        let work = work
        // A worker holds a slot while it runs a directive; directives with independent parts
        // (seeds) borrow the free ones, so at most `jobs` things run at once.
        let slots = WorkerSlots(jobs)
        let materialized = Materializations()
        let drain: @Sendable () -> Void = {
            while let node = state.next() {
                let (plan, lesson) = work[node.lesson]
                slots.acquire()
                let outcome = runDirective(node.directive, plan: plan, lesson: lesson, lessonIndex: node.lesson,
                                           finished: state.outcomes(of: node.lesson), slots: slots,
                                           materialized: materialized)
                slots.release()
                state.finish(node, with: outcome)
                monitor?.completed()
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
        // A frozen directive computed again for a reader of its weights: its outcome is the
        // computation (with its time and any drift), not the frozen copy.
        var outcomes = state.allOutcomes
        for (node, outcome) in materialized.all { outcomes[node.lesson][node.directive] = outcome }
        return outcomes
    }
}

extension LessonRunner {
    /// The compute time of a lesson's directives as the cache recorded it, without running or
    /// loading anything (keys are derived from the plan; only each entry's header is read);
    /// nil when a runnable directive has no entry. Lets the index keep the compute time of
    /// lessons that a `--lesson` build (or a `serve` rebuild) did not build.
    public func cachedSeconds(of plan: LessonPlan) -> Double? {
        guard let cache else { return nil }
        let keys = plan.resultKeys()
        var total = 0.0
        for index in plan.runOrder where plan.directives[index].experiment != nil {
            guard let key = keys[index], let seconds = cache.recordedSeconds(key) else { return nil }
            total += seconds
        }
        return total
    }
}
