/// Per-epoch measurements of a training run (Codable: the notebook caches it).
///
/// NELBO, KL and reconstruction are per-example means in nats; the training values average
/// the single-sample estimates seen during the epoch (so they lag the weights), the test
/// values are measured after the epoch. `seconds` is the training time of the epoch alone.
public struct EpochRecord: Codable, Hashable, Sendable {
    public var epoch: Int
    public var trainNELBO: Double
    public var trainKL: Double
    public var trainReconstruction: Double
    public var testNELBO: Double
    public var testKL: Double
    public var testReconstruction: Double
    /// The KL weight β_t at the end of the epoch.
    public var klWeight: Double
    public var seconds: Double
    public var evaluationSeconds: Double
    /// Training examples per second.
    public var examplesPerSecond: Double
}

/// The history of a training run, epoch by epoch.
public struct TrainingHistory: Codable, Hashable, Sendable {
    public var epochs: [EpochRecord] = []

    public init(epochs: [EpochRecord] = []) { self.epochs = epochs }

    /// The last epoch's record.
    public var last: EpochRecord? { epochs.last }
    /// Total training seconds (without evaluation).
    public var trainingSeconds: Double { epochs.reduce(0) { $0 + $1.seconds } }
    /// Mean training seconds per epoch.
    public var secondsPerEpoch: Double { epochs.isEmpty ? 0 : trainingSeconds / Double(epochs.count) }
}
