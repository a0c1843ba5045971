import Foundation
import LatentModels
import Notebook

/// How a trained model travels between directives: `@Train` stores its configuration
/// (JSON), weights (`WeightsFile`) and history (JSON) as result artifacts; directives with
/// `of:` rebuild the model from them without training again.
enum TrainedModelArtifacts {
    static let configurationKey = "configuration.json"
    static let weightsKey = "weights"
    static let historyKey = "history.json"
    /// With `seeds:`, the seeds in order (JSON); the first seed's model sits under the plain
    /// keys (what `of:` reads), every other seed's under `seed<k>/` + the same keys.
    static let seedsKey = "seeds.json"

    static func artifacts(of trained: TrainedModel) throws -> [String: Data] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return [configurationKey: try encoder.encode(trained.configuration),
                weightsKey: trained.weights(),
                historyKey: try encoder.encode(trained.history)]
    }

    /// One model per seed: the first under the plain keys, the others under `seed<k>/`.
    static func artifacts(ofSeeds runs: [TrainedModel]) throws -> [String: Data] {
        var out = try artifacts(of: runs[0])
        for run in runs.dropFirst() {
            for (key, data) in try artifacts(of: run) { out["seed\(run.configuration.seed)/" + key] = data }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        out[seedsKey] = try encoder.encode(runs.map(\.configuration.seed))
        return out
    }

    /// The seeds of `@Train(id: id, seeds: …)`; nil when it trained one model.
    static func seeds(_ id: String, in context: ExperimentContext) throws -> [UInt64]? {
        guard let data = try artifacts(id, in: context)[seedsKey] else { return nil }
        do { return try JSONDecoder().decode([UInt64].self, from: data) } catch {
            throw ExperimentFailure(id: "corrupt-artifact", "the stored seeds of '\(id)' do not decode: \(error)",
                                    suggestion: "delete .notes-cache to retrain")
        }
    }

    /// The configuration and history stored by `@Train(id: id)` (of `seed`'s model when given
    /// and not the first seed).
    static func history(_ id: String, seed: UInt64? = nil, in context: ExperimentContext) throws
        -> (TrainingConfiguration, TrainingHistory) {
        let artifacts = try self.artifacts(id, seed: seed, in: context)
        guard let configurationData = artifacts[configurationKey], let historyData = artifacts[historyKey] else {
            throw notTrained(id)
        }
        do {
            let decoder = JSONDecoder()
            return (try decoder.decode(TrainingConfiguration.self, from: configurationData),
                    try decoder.decode(TrainingHistory.self, from: historyData))
        } catch {
            throw ExperimentFailure(id: "corrupt-artifact", "the stored training of '\(id)' does not decode: \(error)",
                                    suggestion: "delete .notes-cache to retrain")
        }
    }

    /// The model trained by `@Train(id: id)`, rebuilt from its weights.
    static func model(_ id: String, seed: UInt64? = nil, in context: ExperimentContext) throws -> TrainedModel {
        let (configuration, history) = try self.history(id, seed: seed, in: context)
        guard let weights = try artifacts(id, seed: seed, in: context)[weightsKey] else { throw notTrained(id) }
        do {
            return try TrainedModel(configuration: configuration, weights: weights, history: history)
        } catch {
            throw ExperimentFailure(id: "corrupt-artifact", "the stored weights of '\(id)' do not load: \(error)",
                                    suggestion: "delete .notes-cache to retrain")
        }
    }

    /// The model's (binarized) test set; a missing dataset becomes a `missing-dataset` failure.
    static func testSet(of trained: TrainedModel) throws -> Dataset {
        do {
            return try trained.data().test
        } catch let error as DatasetError {
            throw ExperimentFailure(id: "missing-dataset", "\(error)",
                                    suggestion: "install the Debian package '\(FashionMNIST.debianPackage)'")
        }
    }

    /// The artifacts of one seed's model, under the plain keys.
    private static func artifacts(_ id: String, seed: UInt64?, in context: ExperimentContext) throws -> [String: Data] {
        let all = try artifacts(id, in: context)
        guard let seed, let seeds = try self.seeds(id, in: context), seed != seeds.first else { return all }
        let prefix = "seed\(seed)/"
        var out: [String: Data] = [:]
        for (key, data) in all where key.hasPrefix(prefix) { out[String(key.dropFirst(prefix.count))] = data }
        return out
    }

    private static func artifacts(_ id: String, in context: ExperimentContext) throws -> [String: Data] {
        guard let result = context.dependencyResults[id] else {
            throw ExperimentFailure(id: "unknown-id", "no result named '\(id)' is available",
                                    suggestion: "define it with @Train(id: \"\(id)\", …) earlier in the lesson")
        }
        return result.artifacts
    }

    private static func notTrained(_ id: String) -> ExperimentFailure {
        ExperimentFailure(id: "not-a-model", "'\(id)' is not a trained model",
                          suggestion: "'of:' must name an @Train directive")
    }
}
