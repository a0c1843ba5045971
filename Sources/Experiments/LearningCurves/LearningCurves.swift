import Charts
import LatentModels
import Notebook

/// `@LearningCurves`: draws stored training histories, one line per model.
///
/// ```swift-directive
/// @LearningCurves(of: ["vae", "gmvae"], metric: .nelbo, split: .test,
///                 caption: "NELBO de teste por época.", label: "fig-curvas")
/// ```
///
/// Arguments: `of` (required, ids of `@Train`), `metric` (`.nelbo` (default) | `.kl` |
/// `.reconstruction`), `split` (`.test` (default) | `.train` | `.both`, training lines
/// dashed), `caption`, `label` (presentation only). Trains nothing: it reads the histories
/// stored with the models.
///
/// Scalars, of the drawn metric (the test split when `.both`): `<id>.final` (last epoch),
/// `<id>.best` (lowest value), `<id>.max` (highest value), `<id>.maxEpoch` (the epoch of the
/// highest value) and `<id>.epoch<N>` (the value after epoch N, N = 1, 2, …).
public struct LearningCurves: Measured {
    public static let directiveName = "LearningCurves"
    public static let version = 3

    /// Each model's values per epoch, in `of` order.
    public struct Measurement: Codable, Sendable {
        var runs: [Run]
        struct Run: Codable, Sendable {
            var id: String
            var epochs: [EpochValues]
        }
    }

    let models: [String]
    let metric: LearningCurveFigure.Metric
    let splits: [LearningCurveFigure.Split]
    let presentation: Presentation

    public var dependencies: [String] { models }

    public init?(reading arguments: inout ArgumentReader) {
        let models = arguments.strings("of")
        let metric = arguments.member("metric", default: "nelbo",
                                      LearningCurveFigure.Metric.allCases.map { .init($0.rawValue, value: $0) })
        let splits = arguments.member("split", default: "test", [
            ArgumentReader.MemberCase<[LearningCurveFigure.Split]>("test", value: [.test]),
            .init("train", value: [.train]),
            .init("both", value: [.train, .test]),
        ])
        let presentation = Presentation(reading: &arguments)
        guard let models, let metric, let splits, !arguments.hasErrors else { return nil }
        self.init(models: models, metric: metric, splits: splits, presentation: presentation)
    }

    init(models: [String], metric: LearningCurveFigure.Metric, splits: [LearningCurveFigure.Split],
         presentation: Presentation = .init(caption: nil, label: nil)) {
        self.models = models
        self.metric = metric
        self.splits = splits
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        var runs: [Measurement.Run] = []
        for id in models {
            let (_, history) = try TrainedModelArtifacts.history(id, in: context)
            runs.append(.init(id: id, epochs: EpochValues.of(history)))
        }
        let split = splits.last!
        var scalars: [String: Double] = [:]
        for run in runs {
            let id = run.id
            let values = run.epochs.map { metric.value($0, split) }
            if let last = values.last { scalars["\(id).final"] = last }
            if let best = values.min() { scalars["\(id).best"] = best }
            if let peak = values.indices.max(by: { values[$0] < values[$1] }) {
                scalars["\(id).max"] = values[peak]
                scalars["\(id).maxEpoch"] = Double(peak + 1)
            }
            for (index, value) in values.enumerated() { scalars["\(id).epoch\(index + 1)"] = value }
        }
        return try measured(Measurement(runs: runs), scalars: scalars)
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let split = splits.last!
        let splitText = splits.count > 1 ? page.text("treino (tracejado) e teste", "training (dashed) and test") : split.name(page)
        let name = metric.shortName(page)
        let capitalized = name.prefix(1).uppercased() + name.dropFirst()
        let figure = LearningCurveFigure.figure(
            name: "curvas-" + models.joined(separator: "-") + "-" + metric.rawValue,
            runs: measurement.runs.map { ($0.id, $0.epochs) }, metric: metric, splits: splits,
            caption: page.text("\(capitalized) de \(splitText) por época, em nats por exemplo.",
                               "\(capitalized) on \(splitText) per epoch, in nats per example."),
            page: page)
        return [.figure(figure)]
    }
}
