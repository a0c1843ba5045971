import Foundation
import Charts
import LatentModels
import Notebook
import Tensors

/// `@GradientVariance`: reparameterization vs score-function (REINFORCE) estimators of
/// ∇_μ E_{q}[f(z)] for a Gaussian q, and how their variance falls with the number of samples.
///
/// ```swift-directive
/// @GradientVariance(function: .quadratic(center: 1), mean: [0, 0], std: [1, 1], samples: [1, 10, 100], repeats: 500)
/// @GradientVariance(function: .decoder(of: "vae", example: 0), samples: [1, 10, 100], repeats: 100)
/// ```
///
/// Arguments: `function` (`.quadratic(center: 1)` (default): f(z) = Σⱼ (zⱼ − c)² with q =
/// N(`mean`, diag `std`²), `mean` default `[0]`, `std` default `[1]`; or `.decoder(of: "id",
/// example: 0)`: f(z) = log p(x | z) of a test input under the trained decoder, with q the
/// model's own posterior q(z | x)), `samples` (default `[1, 10, 100, 1000]`), `repeats` (200,
/// 2…10000), `seed` (0), `caption`, `label` (presentation only). Limits: Σ S × repeats ×
/// dimension ≤ 5×10⁷ normal draws (overflow-checked); for `.decoder`, when it runs, the
/// decoder's activations on max S rows within 2 GiB, one repeat within 5×10¹⁰ operations and
/// all repeats within 10¹⁵ (an `invalid-value` failure otherwise). The time limit is checked
/// after every repeat.
///
/// Table (per S: mean of ∂/∂μ₁ and total variance of each estimator, exact gradient for the
/// quadratic) and a log-log figure of the variances. Scalars: `reparameterization.<S>`,
/// `score.<S>`, `scoreBaseline.<S>` (total variances), `mean.reparameterization.<S>`,
/// `mean.score.<S>`, `exact` (∂/∂μ₁ when known), `ratio.<S>` (score / reparameterization).
public struct GradientVariance: Measured {
    public static let directiveName = "GradientVariance"
    public static let version = 2

    enum Function: Sendable {
        case quadratic(center: Double)
        case decoder(model: String, example: Int)
    }

    let function: Function
    let mean: [Double]
    let std: [Double]
    let sampleCounts: [Int]
    let repeats: Int
    let seed: Int
    let presentation: Presentation

    /// Upper bound on Σ S × repeats × dimension (the normal draws).
    static let maximumDraws = 50_000_000

    public var dependencies: [String] {
        if case .decoder(let model, _) = function { return [model] }
        return []
    }

    public init?(reading arguments: inout ArgumentReader) {
        let function = arguments.member("function", default: "quadratic", [
            ArgumentReader.MemberCase<Function>("quadratic") { r in r.double("center", default: 1).map { .quadratic(center: $0) } },
            .init("decoder") { r in
                let model = r.string("of"), example = r.int("example", default: 0, range: 0...1_000_000)
                guard let model, let example else { return nil }
                return .decoder(model: model, example: example)
            },
        ])
        var meanLocation = arguments.anchor, stdLocation = arguments.anchor
        let mean = arguments.numbers("mean", default: [0], location: &meanLocation)
        let std = arguments.numbers("std", default: [1], positive: true, location: &stdLocation)
        let samples = arguments.ints("samples", default: [1, 10, 100, 1000], range: 1...100_000)
        let repeats = arguments.int("repeats", default: 200, range: 2...10_000)
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let presentation = Presentation(reading: &arguments)
        guard let function, let mean, let std, let samples, let repeats, let seed, !arguments.hasErrors else { return nil }
        guard mean.count == std.count else {
            arguments.report("invalid-value", "'std' has \(std.count) entries but 'mean' has \(mean.count)", at: stdLocation)
            return nil
        }
        let draws = CheckedSize.product(CheckedSize.sum(Array(Set(samples))), repeats, mean.count)
        guard let draws, draws <= Self.maximumDraws else {
            arguments.report("invalid-value", "@GradientVariance would draw \(draws.map { ResourceEstimate.scientific($0) } ?? "too many") "
                                 + "numbers (sum of 'samples' × 'repeats' × dimension); the limit is 5×10⁷",
                             at: arguments.anchor, suggestion: "use fewer repeats or smaller sample counts")
            return nil
        }
        self.function = function
        self.mean = mean
        self.std = std
        self.sampleCounts = Array(Set(samples)).sorted()
        self.repeats = repeats
        self.seed = seed
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let study: GradientEstimatorStudy
        switch function {
        case .quadratic(let c):
            study = GradientEstimatorStudy(target: .quadratic(center: c), mean: mean, std: std)
        case let .decoder(model, example):
            let trained = try TrainedModelArtifacts.model(model, in: context)
            let test = try TrainedModelArtifacts.testSet(of: trained)
            guard example < test.count else {
                throw ExperimentFailure(id: "invalid-value", "'example' must be below the \(test.count) test inputs")
            }
            try Self.decoderEstimate(trained.configuration, sampleCounts: sampleCounts, repeats: repeats)
                .enforce("@GradientVariance on '\(model)'")
            let vae = trained.model
            let one = test.subset([example])
            let condition = vae.isConditional ? one.oneHotLabels(0..<1) : nil
            let q = withNoGrad { vae.encode(one.tensor(), condition: condition) }
            let mu = TensorConversion.doubles(q.mean), sd = TensorConversion.doubles(withNoGrad { (q.logVariance * 0.5).exp() })
            study = GradientEstimatorStudy(target: .decoder(vae, x: TensorConversion.doubles(one.tensor()),
                                                            condition: condition.map(TensorConversion.doubles)),
                                           mean: mu, std: sd)
        }
        let rows = try study.run(samples: sampleCounts, repeats: repeats, seed: UInt64(seed)) {
            try context.checkDeadline(fractionDone: $0)
        }
        return try measure(rows, exact: study.target.exactGradient(mean: study.mean, std: study.std)?.first)
    }

    /// The decoder target: every repeat runs the decoder forward and backward on S rows.
    static func decoderEstimate(_ c: TrainingConfiguration, sampleCounts: [Int], repeats: Int) -> ResourceEstimate {
        let resources = TrainingResources(c)
        let largest = sampleCounts.max() ?? 1
        return ResourceEstimate(
            memory: [.init(what: "the decoder on S rows (samples × hidden × layers)", value: resources.activationBytes(rows: largest),
                           remedy: "use smaller sample counts")],
            operations: [.init(what: "the decoder gradients (samples × repeats × parameters)",
                               value: CheckedSize.product(6, CheckedSize.sum(sampleCounts), repeats, resources.costPerExample),
                               remedy: "use fewer repeats or smaller sample counts")],
            step: [.init(what: "one repeat (samples × parameters)", value: CheckedSize.product(6, largest, resources.costPerExample),
                         remedy: "use smaller sample counts")],
            draws: [.init(what: "the normal draws (samples × repeats × latent)",
                          value: CheckedSize.product(CheckedSize.sum(sampleCounts), repeats, c.latent),
                          remedy: "use fewer repeats or smaller sample counts")])
    }
}
