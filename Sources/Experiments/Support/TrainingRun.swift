import LatentModels
import Notebook
import Tensors

/// Trains one configuration under the directive's time limit, reporting progress.
///
/// The progress callback checks the deadline after every step; its `timeout` failure stops
/// the trainer at once and propagates unchanged.
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
                try context.checkDeadline()
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
            throw ExperimentFailure(id: "training-failed", "training '\(name)' failed: \(error)",
                                    suggestion: "lower 'lr' or check the configuration")
        }
    }
}
