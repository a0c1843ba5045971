import Foundation
import Tensors

/// Trains a `VAE` by stochastic gradient ascent on the ELBO (Adam), epoch by epoch.
///
/// Each epoch: shuffle the training set from the seed, draw batches (binarized afresh for
/// `.dynamic`), estimate the ELBO, step Adam on the `TrainingObjective`'s loss, then
/// evaluate the single-sample NELBO on the test set. Random streams are separate and
/// derived from `configuration.seed` (order, binarization, noise, evaluation noise), so a
/// run is reproducible bit for bit. A NaN or infinite loss (or test NELBO) stops training
/// with `TrainingError.nonFinite` naming the epoch and step.
public final class Trainer {
    public let configuration: TrainingConfiguration
    public let model: VAE
    public let train: Dataset
    public let test: Dataset
    public let optimizer: Adam
    public private(set) var history = TrainingHistory()
    private var stepCount = 0

    public init(configuration: TrainingConfiguration, model: VAE, train: Dataset, test: Dataset) {
        precondition(configuration.batchSize > 0 && configuration.epochs >= 0, "Trainer: batch size and epochs must be positive")
        self.configuration = configuration
        self.model = model
        self.train = train
        self.test = test
        optimizer = Adam(parameters: model.parameters, learningRate: configuration.learningRate)
    }

    /// Runs all epochs; `progress` is called on the calling thread after every step and epoch.
    /// An error thrown by `progress` stops training at once and propagates (cancellation, time
    /// limits); the model keeps the weights of the last completed step.
    public func run(progress: ((TrainingProgress) throws -> Void)? = nil) throws {
        guard configuration.epochs > 0 else { return }
        for epoch in 1...configuration.epochs { try runEpoch(epoch, progress: progress) }
    }

    private func runEpoch(_ epoch: Int, progress: ((TrainingProgress) throws -> Void)?) throws {
        let c = configuration
        let root = RandomGenerator(seed: c.seed)
        let order = root.stream(UInt64(1000 + epoch)).permutation(train.count)
        let pixels = root.stream(UInt64(2000 + epoch)), noise = root.stream(UInt64(3000 + epoch))
        let objective = c.objective
        let binarization = c.trainingBinarization
        let steps = (train.count + c.batchSize - 1) / c.batchSize
        var sums = (nelbo: 0.0, kl: 0.0, reconstruction: 0.0)
        let start = ProcessInfo.processInfo.systemUptime
        let previous = history.trainingSeconds
        var weight = objective.klWeight(step: stepCount, stepsPerEpoch: steps)
        for step in 0..<steps {
            let indices = order[(step * c.batchSize)..<Swift.min((step + 1) * c.batchSize, train.count)]
            let x = train.batch(indices, binarization: binarization, rng: pixels)
            let condition = model.isConditional ? train.oneHotLabels(indices) : nil
            let estimate = model.elbo(x, condition: condition, kl: objective.kl,
                                      perDimensionKL: objective.freeBits > 0, rng: noise)
            weight = objective.klWeight(step: stepCount, stepsPerEpoch: steps)
            let loss = objective.loss(estimate, klWeight: weight)
            let value = loss.item()
            guard value.isFinite else {
                throw TrainingError.nonFinite(quantity: "loss", value: value, epoch: epoch, step: step + 1)
            }
            optimizer.zeroGrad()
            loss.backward()
            optimizer.step()
            stepCount += 1
            let (r, k) = (Self.sum(estimate.reconstruction), Self.sum(estimate.kl))
            sums.reconstruction -= r; sums.kl += k; sums.nelbo += k - r
            if let progress {
                let seen = Swift.min((step + 1) * c.batchSize, train.count)
                let elapsed = ProcessInfo.processInfo.systemUptime - start
                let rate = Double(seen) / Swift.max(elapsed, 1e-9)
                let remaining = Double(train.count - seen + (c.epochs - epoch) * train.count) / rate
                try progress(TrainingProgress(event: .step, epoch: epoch, epochs: c.epochs, step: step + 1, stepsPerEpoch: steps,
                                          runningNELBO: sums.nelbo / Double(seen), examplesPerSecond: rate,
                                          elapsed: previous + elapsed, estimatedRemaining: remaining))
            }
        }
        let seconds = ProcessInfo.processInfo.systemUptime - start
        let evaluating = TrainingProgress(event: .evaluating, epoch: epoch, epochs: c.epochs, step: steps, stepsPerEpoch: steps,
                                          runningNELBO: sums.nelbo / Double(train.count), examplesPerSecond: Double(train.count) / seconds,
                                          elapsed: previous + seconds, estimatedRemaining: Double(c.epochs - epoch) * seconds)
        try progress?(evaluating)
        let evalStart = ProcessInfo.processInfo.systemUptime
        // `.evaluating` again after every test batch, so that a time limit is seen during evaluation too.
        let summary = try model.evaluateELBO(on: test, kl: objective.kl, seed: c.testSeed) { try progress?(evaluating) }
        guard summary.nelbo.isFinite else {
            throw TrainingError.nonFinite(quantity: "test NELBO", value: Float(summary.nelbo), epoch: epoch, step: steps)
        }
        let n = Double(train.count)
        let record = EpochRecord(epoch: epoch, trainNELBO: sums.nelbo / n, trainKL: sums.kl / n,
                                 trainReconstruction: sums.reconstruction / n, testNELBO: summary.nelbo, testKL: summary.kl,
                                 testReconstruction: summary.reconstruction, klWeight: Double(weight), seconds: seconds,
                                 evaluationSeconds: ProcessInfo.processInfo.systemUptime - evalStart,
                                 examplesPerSecond: n / seconds)
        history.epochs.append(record)
        try progress?(TrainingProgress(event: .epochCompleted(record), epoch: epoch, epochs: c.epochs, step: steps,
                                   stepsPerEpoch: steps, runningNELBO: record.trainNELBO, examplesPerSecond: record.examplesPerSecond,
                                   elapsed: history.trainingSeconds, estimatedRemaining: Double(c.epochs - epoch) * seconds))
    }

    /// Σ of a tensor's elements in Double.
    static func sum(_ t: Tensor) -> Double {
        t.withUnsafeBufferPointer { b in b.reduce(0.0) { $0 + Double($1) } }
    }
}
