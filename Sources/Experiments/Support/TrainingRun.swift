import LatentModels
import Notebook
import Tensors

/// Trains one configuration under the directive's time limit, reporting progress.
///
/// `train(_:progress:)` offers no way to stop early, so the run builds the `Trainer` itself
/// and, once the deadline has passed, sets the optimizer's learning rate to NaN: the next
/// step's loss is then non-finite and the trainer stops with `TrainingError.nonFinite`,
/// which is reported as the `timeout` failure. (Stopgap until LatentModels takes a
/// cancellation hook; see the issue note.)
enum TrainingRun {
    static func train(_ configuration: TrainingConfiguration, name: String,
                      context: ExperimentContext) throws -> TrainedModel {
        let (trainSet, testSet): (Dataset, Dataset)
        do {
            (trainSet, testSet) = try configuration.loadData()
        } catch let error as DatasetError {
            throw ExperimentFailure(id: "missing-dataset", "\(error)",
                                    suggestion: "install the Debian package '\(FashionMNIST.debianPackage)'")
        }
        return try train(configuration, train: trainSet, test: testSet, name: name, context: context)
    }

    static func train(_ configuration: TrainingConfiguration, train trainSet: Dataset, test testSet: Dataset,
                      name: String, context: ExperimentContext) throws -> TrainedModel {
        let architecture = configuration.architecture(inputs: trainSet.dimension, classes: trainSet.classCount)
        let model = VAE(architecture, seed: configuration.seed)
        let trainer = Trainer(configuration: configuration, model: model, train: trainSet, test: testSet)
        var expired: Error?
        var lastReport = -1.0
        do {
            try trainer.run { progress in
                if expired == nil {
                    do { try context.checkDeadline() } catch {
                        expired = error
                        trainer.optimizer.learningRate = .nan
                    }
                }
                switch progress.event {
                case .step:
                    if progress.elapsed - lastReport >= 5 {
                        lastReport = progress.elapsed
                        context.progress("\(name): época \(progress.epoch)/\(progress.epochs), passo \(progress.step)/\(progress.stepsPerEpoch)")
                    }
                case .evaluating:
                    break
                case .epochCompleted(let record):
                    context.progress("\(name): época \(record.epoch)/\(progress.epochs), NELBO de teste "
                                     + SignificantFormat.format(record.testNELBO))
                }
            }
        } catch let error as TrainingError {
            if let expired { throw expired }
            throw ExperimentFailure(id: "training-failed", "training '\(name)' failed: \(error)",
                                    suggestion: "lower 'lr' or check the configuration")
        }
        if let expired { throw expired }
        return TrainedModel(configuration: configuration, model: model, history: trainer.history)
    }
}
