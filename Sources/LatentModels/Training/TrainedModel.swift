import Foundation
import Tensors

/// The result of `train(_:progress:)`: the configuration, the trained model and its history.
///
/// Weights serialize to `Data` (`weights()`, the `WeightsFile` format); the notebook stores
/// them with the configuration and history and rebuilds the model with
/// `init(configuration:weights:history:)` without training again.
public final class TrainedModel {
    public let configuration: TrainingConfiguration
    public let model: VAE
    public let history: TrainingHistory

    public init(configuration: TrainingConfiguration, model: VAE, history: TrainingHistory) {
        self.configuration = configuration
        self.model = model
        self.history = history
    }

    /// Rebuilds a trained model from stored weights (the data files are read for their shape).
    ///
    /// - Throws: `CheckpointError` for damaged or mismatched weights, `DatasetError` if the
    ///   data is unavailable.
    public convenience init(configuration: TrainingConfiguration, weights: Data, history: TrainingHistory) throws {
        let (inputs, classes) = try configuration.dataShape()
        let model = VAE(configuration.architecture(inputs: inputs, classes: classes), seed: configuration.seed)
        try model.loadWeights(weights)
        self.init(configuration: configuration, model: model, history: history)
    }

    /// The weights in the `WeightsFile` format.
    public func weights() -> Data { model.weights() }

    /// The training set and the binarized test set of the configuration.
    public func data() throws -> (train: Dataset, test: Dataset) { try configuration.loadData() }
}

extension TrainingConfiguration {
    /// Features per example and number of classes of the configured data.
    func dataShape() throws -> (inputs: Int, classes: Int) {
        switch data {
        case .fashionMNIST: return (784, 10)
        case .synthetic(let kind, _, _): return (2, kind.classCount)
        }
    }
}

/// Trains the model `configuration` describes, on its data, and returns it with its history.
///
/// - Parameter progress: called after every step and epoch (pass `ProgressPrinter().callback`
///   for the standard stderr display, or nil for silence).
/// - Throws: `DatasetError` (e.g. Fashion-MNIST not installed), `TrainingError` (divergence,
///   impossible configuration).
public func train(_ configuration: TrainingConfiguration,
                  progress: ((TrainingProgress) throws -> Void)? = nil) throws -> TrainedModel {
    let (trainSet, testSet) = try configuration.loadData()
    return try train(configuration, train: trainSet, test: testSet, progress: progress)
}

/// Trains on explicit datasets (the test set already binarized as it should be evaluated).
public func train(_ configuration: TrainingConfiguration, train trainSet: Dataset, test testSet: Dataset,
                  progress: ((TrainingProgress) throws -> Void)? = nil) throws -> TrainedModel {
    if configuration.conditional && trainSet.labels == nil {
        throw TrainingError.invalidConfiguration("a conditional VAE needs labelled data")
    }
    if configuration.conditional, case .vampprior = configuration.model {
        throw TrainingError.invalidConfiguration("the VampPrior is not supported for the conditional VAE")
    }
    if case .monteCarlo(let s) = configuration.kl, s < 1 {
        throw TrainingError.invalidConfiguration("Monte-Carlo KL needs at least one sample, got \(s)")
    }
    if case .flow = configuration.model, configuration.latent < 2 {
        throw TrainingError.invalidConfiguration("the flow prior needs a latent dimension of at least 2")
    }
    let architecture = configuration.architecture(inputs: trainSet.dimension, classes: trainSet.classCount)
    let model = VAE(architecture, seed: configuration.seed)
    let trainer = Trainer(configuration: configuration, model: model, train: trainSet, test: testSet)
    try trainer.run(progress: progress)
    return TrainedModel(configuration: configuration, model: model, history: trainer.history)
}
