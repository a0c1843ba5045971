import LatentModels

/// One epoch's train and test values, without its timing: what learning curves and summary
/// tables need from a training history, as stored in measurements (the same numbers on every
/// machine, so a measurement's bytes do not depend on how fast it was made).
struct EpochValues: Codable, Sendable, Hashable {
    var epoch: Int
    var trainNELBO, trainKL, trainReconstruction: Double
    var testNELBO, testKL, testReconstruction: Double

    init(_ record: EpochRecord) {
        epoch = record.epoch
        trainNELBO = record.trainNELBO
        trainKL = record.trainKL
        trainReconstruction = record.trainReconstruction
        testNELBO = record.testNELBO
        testKL = record.testKL
        testReconstruction = record.testReconstruction
    }

    static func of(_ history: TrainingHistory) -> [EpochValues] { history.epochs.map(EpochValues.init) }
}
