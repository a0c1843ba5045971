import LatentModels
import Notebook

/// The numbers `@Evaluate` measured for one model.
struct EvaluationMeasurement: Codable, Sendable {
    var id: String
    var model: TrainingConfiguration.Model
    var testCount: Int
    /// By `Evaluate.key(_:)` of the metric (sorted-key JSON: the same bytes every run).
    var values: [String: Double] = [:]
    /// Mean analytic KL per dimension, when asked for and available.
    var klPerDimension: [Double]?

    static func measure(id: String, trained: TrainedModel, metrics: [Evaluate.Metric], seed: UInt64,
                        context: ExperimentContext) throws -> EvaluationMeasurement {
        let test = try TrainedModelArtifacts.testSet(of: trained)
        let model = trained.model
        let c = trained.configuration
        var m = EvaluationMeasurement(id: id, model: c.model, testCount: test.count)
        for case .iwae(let k) in metrics { try TrainingResources(c).enforce(iwae: k, "@Evaluate of '\(id)'") }
        let check = { try context.checkDeadline() }
        let needsELBO = metrics.contains { [.nelbo, .kl, .reconstruction, .klPerDimension].contains($0) }
        if needsELBO {
            let summary = try model.evaluateELBO(on: test, kl: c.kl, seed: c.testSeed, checkpoint: check)
            m.values[Evaluate.key(.nelbo)] = summary.nelbo
            m.values[Evaluate.key(.kl)] = summary.kl
            m.values[Evaluate.key(.reconstruction)] = summary.reconstruction
            if metrics.contains(.klPerDimension) {
                m.klPerDimension = try summary.perDimensionKL
                    ?? model.evaluateELBO(on: test, kl: .analytic, seed: c.testSeed, checkpoint: check).perDimensionKL
            }
        }
        for (index, metric) in metrics.enumerated() {
            try context.checkDeadline(fractionDone: Double(index) / Double(metrics.count))
            switch metric {
            case .iwae(let k):
                context.progress("'\(id)': IWAE com k = \(k)")
                m.values[Evaluate.key(metric)] = try model.importanceWeightedNLL(on: test, samples: k, seed: seed, checkpoint: check)
            case .activeUnits(let threshold):
                m.values[Evaluate.key(metric)] = Double(try model.activeUnits(on: test, threshold: threshold, checkpoint: check).count)
            default:
                break
            }
        }
        return m
    }
}
