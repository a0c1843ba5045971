import LatentModels
import Notebook
import Tensors

/// Trains one configuration under the directive's time limit, reporting progress.
///
/// The progress callback checks the deadline after every step and evaluation batch, recording
/// the fraction of steps done (for the suggested `timeout:`); its `timeout` failure stops the
/// trainer at once and propagates unchanged. A diverged run fails with `diverged`.
enum TrainingRun {
    static func run(_ configuration: TrainingConfiguration, name: String,
                      context: ExperimentContext) throws -> TrainedModel {
        let (trainSet, testSet): (Dataset, Dataset)
        do {
            (trainSet, testSet) = try configuration.loadData()
        } catch let error as DatasetError {
            throw ExperimentFailure(id: "missing-dataset", "\(error)",
                                    suggestion: "install the Debian package '\(FashionMNIST.debianPackage)'")
        }
        return try run(configuration, train: trainSet, test: testSet, name: name, context: context)
    }

    static func run(_ configuration: TrainingConfiguration, train trainSet: Dataset, test testSet: Dataset,
                      name: String, context: ExperimentContext) throws -> TrainedModel {
        var lastReport = -1.0
        do {
            return try train(configuration, train: trainSet, test: testSet) { progress in
                try context.checkDeadline(fractionDone: progress.fraction)
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
            throw failure(error, name: name, learningRate: configuration.learningRate)
        }
    }

    /// A NaN or infinite loss is `diverged` (suggesting a tenth of the learning rate); an
    /// impossible configuration is `training-failed`.
    static func failure(_ error: TrainingError, name: String, learningRate: Float) -> ExperimentFailure {
        switch error {
        case let .nonFinite(quantity, value, epoch, step):
            // Through the shortest Float description, so 0.001 gives 0.0001 (not 0.000100000005).
            let lower = SignificantFormat.format(max((Double(learningRate.description) ?? Double(learningRate)) / 10, 1e-8), digits: 1)
            return ExperimentFailure(id: "diverged",
                                     "training '\(name)' diverged: the \(quantity) became \(value) at epoch \(epoch), step \(step)",
                                     suggestion: "lower the learning rate (e.g. 'lr: \(lower)'), or use 'warmup:' or a smaller 'beta'")
        case .invalidConfiguration:
            return ExperimentFailure(id: "training-failed", "training '\(name)' failed: \(error)",
                                     suggestion: "check the configuration")
        }
    }
}
