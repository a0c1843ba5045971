/// What happened when one directive ran.
public struct DirectiveOutcome: Sendable {
    /// Where the result came from.
    public enum Source: Sendable, Equatable {
        /// Computed in this build.
        case computed
        /// The local cache (`.notes-cache`), with the artifacts and timings of its run.
        case cache
        /// The committed freeze: measurement and scalars only.
        case freeze
    }

    /// The result as computed, cached or frozen: for a `Measured` experiment, its measurement;
    /// the page presents it (`Experiment.presented(_:in:)`).
    public var result: ExperimentResult?
    public var diagnostics: [Diagnostic]
    /// Wall time of the computation in seconds (for a cached result: of the original run; for
    /// a frozen one: 0, the freeze keeps no times).
    public var seconds: Double
    public var source: Source
    /// The directive's cache key (empty when it did not run).
    public var key: String
    /// What the freeze held under `key` when the directive ran (nil without a freeze), so the
    /// build's reconciliation with the freeze does not read every entry again.
    public var freezeEntry: FreezeEntryState?
    /// The artifacts a frozen result lacks (trained weights): a directive that reads them
    /// computes this one again first.
    public var missingArtifacts: [String] = []

    public var fromCache: Bool { source == .cache }
    public var fromFreeze: Bool { source == .freeze }

    public init(result: ExperimentResult?, diagnostics: [Diagnostic] = [], seconds: Double = 0,
                source: Source = .computed, key: String = "") {
        self.result = result
        self.diagnostics = diagnostics
        self.seconds = seconds
        self.source = source
        self.key = key
    }
}

/// Whether the freeze had a directive's entry.
public enum FreezeEntryState: Sendable, Equatable {
    case held, missing, unreadable
}
