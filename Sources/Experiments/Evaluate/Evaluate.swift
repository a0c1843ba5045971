import Charts
import LatentModels
import Notebook

/// `@Evaluate`: measures trained models on their test sets, one table row per model.
///
/// ```swift-directive
/// @Evaluate(of: ["vae", "gmvae"], metrics: [.nelbo, .kl, .reconstruction, .iwae(samples: 100), .activeUnits],
///           caption: "Mesmo orçamento, dois priors.")
/// ```
///
/// Arguments: `of` (required, ids of `@Train`), `metrics` (default `[.nelbo, .kl, .reconstruction]`):
/// `.nelbo`, `.kl`, `.reconstruction` (single-sample ELBO terms, with the model's KL
/// estimator, nats per example), `.iwae(samples: 100)` (the IWAE-k bound as an NLL, 1…5000),
/// `.activeUnits(threshold: 0.01)` (Burda et al.'s count), `.klPerDimension` (a figure of the
/// mean analytic KL per latent dimension, sorted; only for the standard-normal prior);
/// `seed` (0, the IWAE noise); `caption`, `label` (presentation only).
///
/// Limits: `.iwae(samples: k)` evaluates `max(k, 10 000)` decoder rows at once; on a model too
/// large for that (more than 2 GiB of activations or 5×10¹⁰ operations per batch) the
/// directive fails with `invalid-value` before evaluating. The time limit is checked after
/// every batch of every metric.
///
/// Scalars: `<id>.nelbo`, `<id>.kl`, `<id>.reconstruction`, `<id>.iwae<k>`, `<id>.activeUnits`;
/// `<id>.<metric>.rank` (1 = the lowest value among the models evaluated, ties share a rank),
/// for orderings in prose; and for `.klPerDimension`, `<id>.kl.dim<j>` (sorted, largest
/// first), `<id>.kl.total`, and `<id>.kl.drop` (the dimension j after which the sorted KL falls
/// the most, by the ratio kl.dim(j+1) / kl.dim(j): where the figure's curve drops).
public struct Evaluate: Measured {
    public static let directiveName = "Evaluate"
    public static let version = 3 + LatentModels.semanticVersion * 100

    enum Metric: Hashable, Sendable {
        case nelbo, kl, reconstruction
        case iwae(samples: Int)
        case activeUnits(threshold: Double)
        case klPerDimension
    }

    let models: [String]
    let metrics: [Metric]
    let seed: Int
    let presentation: Presentation

    public var dependencies: [String] { models }

    public init?(reading arguments: inout ArgumentReader) {
        let models = arguments.strings("of")
        let metrics = arguments.members("metrics", default: ["nelbo", "kl", "reconstruction"], [
            ArgumentReader.MemberCase<Metric>("nelbo", value: .nelbo),
            .init("kl", value: .kl),
            .init("reconstruction", value: .reconstruction),
            .init("iwae") { r in r.int("samples", default: 100, range: 1...5000).map { .iwae(samples: $0) } },
            .init("activeUnits") { r in r.double("threshold", default: 0.01, range: 0...100).map { .activeUnits(threshold: $0) } },
            .init("klPerDimension", value: .klPerDimension),
        ])
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let presentation = Presentation(reading: &arguments)
        guard let models, let metrics, let seed, !arguments.hasErrors else { return nil }
        self.init(models: models, metrics: metrics, seed: seed, presentation: presentation)
    }

    init(models: [String], metrics: [Metric], seed: Int = 0, presentation: Presentation = .init(caption: nil, label: nil)) {
        self.models = models
        self.metrics = metrics
        self.seed = seed
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        var measurements: [EvaluationMeasurement] = []
        for (index, id) in models.enumerated() {
            let part = context.part(index, of: models.count)
            try part.checkDeadline(fractionDone: 0)
            context.progress("avaliando '\(id)'")
            let trained = try TrainedModelArtifacts.model(id, in: context)
            measurements.append(try EvaluationMeasurement.measure(id: id, trained: trained, metrics: metrics,
                                                                  seed: UInt64(seed), context: part))
        }
        return try measure(measurements)
    }
}
