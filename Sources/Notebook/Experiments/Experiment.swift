import Dispatch
import Foundation

/// A directive that runs: the only thing the notebook engine knows about experiments.
///
/// A conforming type is built from its parsed call by reading its arguments (unknown ones are
/// reported by the engine afterwards), declares the id it defines and the ids it reads, and
/// runs to produce an `ExperimentResult`. The engine caches results by the directive's
/// canonical arguments, `version`, and the keys of its dependencies.
public protocol Experiment: Sendable {
    /// The directive name without `@`, e.g. `"KLVariance"`.
    static var directiveName: String { get }
    /// Bump whenever the same arguments would now produce different results.
    static var version: Int { get }
    /// What the directive does, in a sentence (for `notes help <directive>`).
    static var summary: String { get }
    /// The scalars it exposes (for `notes help` and the check of `` `=id.name` ``).
    static var scalarNames: [ScalarName] { get }
    /// Reads the arguments; returns nil when it reported an error on the reader.
    init?(reading arguments: inout ArgumentReader)
    /// The id this directive defines (`id:`), if any.
    var id: String? { get }
    /// Ids this directive reads (`of:`), resolved by the engine before it runs.
    var dependencies: [String] { get }
    /// Runs the experiment. Throws `ExperimentFailure` (or any error) when it cannot complete.
    /// The result is cached by the directive's semantic arguments, so it must not depend on
    /// presentation-only arguments (captions, labels): apply those in `presenting(_:)`.
    func run(in context: ExperimentContext) throws -> ExperimentResult
    /// The result's tables, figures and notes for a page (`Measured` experiments draw them
    /// from their measurement; the others return the outputs `run` made).
    func present(_ result: ExperimentResult, in page: PageContext) throws -> [ExperimentOutput]
    /// Applies presentation-only arguments (captions, labels) to a result, fresh or cached.
    func presenting(_ result: ExperimentResult) -> ExperimentResult
    /// Identifies the external inputs the result depends on (e.g. dataset files' sizes and
    /// dates), so the cache is invalidated when they change.
    var inputFingerprint: String { get }
}

extension Experiment {
    public static var summary: String { "" }
    public static var scalarNames: [ScalarName] { [] }
    public var id: String? { nil }
    public var dependencies: [String] { [] }
    public func presenting(_ result: ExperimentResult) -> ExperimentResult { result }
    public func present(_ result: ExperimentResult, in page: PageContext) throws -> [ExperimentOutput] { result.outputs }
    public var inputFingerprint: String { "" }
}

/// What a running experiment can see: the results of its dependencies, a progress channel,
/// its time limit.
public struct ExperimentContext: Sendable {
    /// Results of the directives named in `dependencies`, by id.
    public var dependencyResults: [String: ExperimentResult]
    /// Receives human-readable progress lines (shown on stderr by the CLI).
    public var progress: @Sendable (String) -> Void
    /// Lesson slug, for messages.
    public var lessonSlug: String
    /// When the directive's time limit (`timeout:`) runs out; nil for none.
    public var deadline: DispatchTime?
    /// The limit in seconds, for messages.
    public var timeLimit: Double?
    /// When the directive started (for the elapsed time in `timeout` messages).
    public let start: DispatchTime
    /// How much of the whole directive is done, shared by every copy of the context.
    let tracker: ProgressTracker
    /// Maps a part's own fraction [0, 1] into the whole directive's (see `part(_:of:)`).
    var fractionOffset = 0.0, fractionScale = 1.0
    /// The tracker's slot this context records into (see `ProgressTracker`).
    var progressSlot = 0
    /// The build's worker slots, from which `concurrentParts` borrows; nil outside a build.
    var workers: WorkerSlots?

    public init(dependencyResults: [String: ExperimentResult] = [:], lessonSlug: String = "",
                timeLimit: Double? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.init(dependencyResults: dependencyResults, lessonSlug: lessonSlug, timeLimit: timeLimit, progress: progress,
                  tracker: ProgressTracker())
    }

    /// A context recording its fraction done into `tracker` (which the build's monitor reads).
    init(dependencyResults: [String: ExperimentResult], lessonSlug: String, timeLimit: Double?,
         progress: @escaping @Sendable (String) -> Void, tracker: ProgressTracker) {
        self.dependencyResults = dependencyResults
        self.lessonSlug = lessonSlug
        self.progress = progress
        self.timeLimit = timeLimit
        let now = DispatchTime.now()
        self.start = now
        self.deadline = timeLimit.map { now + $0 }
        self.tracker = tracker
    }

    /// A context for part `index` (0-based) of `count` equal parts of the work: fractions
    /// reported through it count for 1/count of the whole. Parts nest.
    public func part(_ index: Int, of count: Int) -> ExperimentContext {
        weighted(from: Double(index) / Double(max(count, 1)), to: Double(index + 1) / Double(max(count, 1)))
    }

    /// A context for the part of the work between fractions `lower` and `upper` of this one.
    public func weighted(from lower: Double, to upper: Double) -> ExperimentContext {
        var copy = self
        copy.fractionOffset = fractionOffset + fractionScale * lower
        copy.fractionScale = fractionScale * max(0, upper - lower)
        return copy
    }

    /// Records that `fraction` (in [0, 1]) of this context's work is done; the `timeout`
    /// message derives its suggested limit from it.
    public func reportProgress(_ fraction: Double) {
        guard fraction.isFinite else { return }
        tracker.record(fractionOffset + fractionScale * min(max(fraction, 0), 1), slot: progressSlot)
    }

    /// Throws a `timeout` failure once the time limit has passed. Long experiments call it
    /// between steps (a training step, a batch of samples, an EM iteration): the limit is
    /// cooperative, so every step is kept short (see the directives' work limits).
    /// `fractionDone`, when given, is recorded first (as `reportProgress`).
    public func checkDeadline(fractionDone: Double? = nil) throws {
        if let fractionDone { reportProgress(fractionDone) }
        guard let deadline else { return }
        let now = DispatchTime.now()
        guard now >= deadline else { return }
        let elapsed = Double(now.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        throw Self.timeoutFailure(limit: timeLimit ?? 0, elapsed: elapsed, fraction: tracker.fraction)
    }

    /// The `timeout` failure: the suggested limit is the measured time extrapolated from the
    /// fraction done, with half again as margin, rounded up to a round number; without a
    /// measured fraction it suggests no number.
    static func timeoutFailure(limit: Double, elapsed: Double, fraction: Double?) -> ExperimentFailure {
        let ran = "exceeded its time limit of \(seconds(limit)) (stopped after \(String(format: "%.1f", elapsed)) s"
        guard let fraction, fraction > 0, fraction < 1 else {
            return ExperimentFailure(id: "timeout", ran + ")",
                                     suggestion: "raise 'timeout:' or make the experiment smaller")
        }
        let percent = fraction * 100 < 1 ? String(format: "%.2f", fraction * 100) : String(Int(fraction * 100))
        let needed = max(elapsed, limit) / fraction
        let suggested = min(suggestedLimit(needed), Int(maximumTimeLimit))
        guard needed * 1.2 <= maximumTimeLimit else {
            return ExperimentFailure(id: "timeout", ran + ", about \(percent)% done)",
                                     suggestion: "it needs about \(seconds(needed.rounded(.up))) in all, more than the largest "
                                         + "'timeout:' (\(Int(maximumTimeLimit))); make the experiment smaller")
        }
        return ExperimentFailure(id: "timeout", ran + ", about \(percent)% done)",
                                 suggestion: "it needs about \(seconds(needed.rounded(.up))) in all; raise it with "
                                     + "'timeout: \(suggested)' or make the experiment smaller")
    }

    /// The largest `timeout:` a directive accepts (LessonPlan's range).
    static let maximumTimeLimit = 86_400.0

    /// `needed` × 1.5, rounded up to 1, 2 or 5 × a power of ten (at least 2 s).
    static func suggestedLimit(_ needed: Double) -> Int {
        let target = max(2, needed * 1.5)
        guard target < 1e12 else { return Int(1e12) }
        var unit = 1.0
        while unit * 10 <= target { unit *= 10 }
        for step in [1.0, 2.0, 5.0, 10.0] where step * unit >= target { return Int(step * unit) }
        return Int(10 * unit)
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }
}

/// How much of a directive's work is done (shared by every copy of its context, thread-safe).
///
/// Progress is recorded per slot: one slot for the directive's sequential work, the furthest
/// fraction reported in it; one more for each part that `concurrentParts` runs, holding that
/// part's share. The whole is the sum, so parts running side by side add up instead of the
/// one started last counting as if everything before it were finished.
final class ProgressTracker: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Double] = [:]
    private var slotCount = 1

    func record(_ fraction: Double, slot: Int = 0) {
        lock.lock(); defer { lock.unlock() }
        values[slot] = max(values[slot] ?? 0, fraction)
    }

    /// `count` new slots; returns the first.
    func newSlots(_ count: Int) -> Int {
        lock.lock(); defer { lock.unlock() }
        defer { slotCount += count }
        return slotCount
    }

    var fraction: Double? {
        lock.lock(); defer { lock.unlock() }
        return values.isEmpty ? nil : min(1, values.values.reduce(0, +))
    }
}

/// An experiment could not complete for a reason the lesson's author can act on
/// (a missing dataset, a diverged training run). Rendered as an error box at the directive.
public struct ExperimentFailure: Error, CustomStringConvertible, Sendable {
    public var id: String
    public var message: String
    public var suggestion: String?
    public init(id: String, _ message: String, suggestion: String? = nil) {
        self.id = id
        self.message = message
        self.suggestion = suggestion
    }
    public var description: String { message + (suggestion.map { "; " + $0 } ?? "") }
}
