import Dispatch

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
    /// Applies presentation-only arguments (captions, labels) to a result, fresh or cached.
    func presenting(_ result: ExperimentResult) -> ExperimentResult
    /// Identifies the external inputs the result depends on (e.g. dataset files' sizes and
    /// dates), so the cache is invalidated when they change.
    var inputFingerprint: String { get }
}

extension Experiment {
    public var id: String? { nil }
    public var dependencies: [String] { [] }
    public func presenting(_ result: ExperimentResult) -> ExperimentResult { result }
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

    public init(dependencyResults: [String: ExperimentResult] = [:], lessonSlug: String = "",
                timeLimit: Double? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.dependencyResults = dependencyResults
        self.lessonSlug = lessonSlug
        self.progress = progress
        self.timeLimit = timeLimit
        self.deadline = timeLimit.map { DispatchTime.now() + $0 }
    }

    /// Throws a `timeout` failure once the time limit has passed. Long experiments call it
    /// between steps (a training step, a batch of samples): the limit is cooperative.
    public func checkDeadline() throws {
        if let deadline, DispatchTime.now() >= deadline {
            throw ExperimentFailure(id: "timeout", "exceeded its time limit of \(Self.seconds(timeLimit ?? 0))",
                                    suggestion: "raise it with 'timeout: \(Int(((timeLimit ?? 0) * 2).rounded()))' or make the experiment smaller")
        }
    }

    static func seconds(_ s: Double) -> String { s == s.rounded() ? "\(Int(s)) s" : "\(s) s" }
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
