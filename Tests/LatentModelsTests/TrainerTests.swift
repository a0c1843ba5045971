import Foundation
import Testing
import Tensors
@testable import LatentModels

@Suite struct TrainerTests {
    func configuration(_ model: TrainingConfiguration.Model = .vae, epochs: Int = 3) -> TrainingConfiguration {
        TrainingConfiguration(model: model, data: .synthetic(.ring(components: 4, radius: 2, spread: 0.15), train: 512, test: 256),
                              latent: 2, hidden: 32, epochs: epochs, batchSize: 64, learningRate: 3e-3, seed: 4)
    }

    @Test func trainingReducesTheTestNELBOAndIsReproducible() throws {
        let a = try train(configuration())
        let b = try train(configuration())
        #expect(a.history == b.history.withSecondsFrom(a.history))
        #expect(a.weights() == b.weights())
        let h = a.history.epochs
        #expect(h.count == 3 && h[2].testNELBO < h[0].testNELBO)
        #expect(h.allSatisfy { $0.testKL >= 0 && $0.seconds > 0 })
        let decoded = try JSONDecoder().decode(TrainingHistory.self, from: JSONEncoder().encode(a.history))
        #expect(decoded == a.history)
    }

    @Test(arguments: [TrainingConfiguration.Model.gmvae(components: 4), .vampprior(pseudoInputs: 8), .flow(couplings: 2)])
    func everyPriorTrains(model: TrainingConfiguration.Model) throws {
        var c = configuration(model, epochs: 2)
        c.kl = .monteCarlo(samples: 2)
        let trained = try train(c)
        let h = trained.history.epochs
        #expect(h.allSatisfy { $0.testNELBO.isFinite } && h[1].trainNELBO < h[0].trainNELBO)
        let restored = try TrainedModel(configuration: c, weights: trained.weights(), history: trained.history)
        let test = try c.loadData().test
        #expect(restored.model.evaluateELBO(on: test, kl: c.kl) == trained.model.evaluateELBO(on: test, kl: c.kl))
    }

    @Test func conditionalVAEWarmupAndFreeBitsTrain() throws {
        var c = configuration(epochs: 2)
        c.conditional = true; c.warmup = 1; c.freeBits = 0.1; c.beta = 0.5
        let trained = try train(c)
        #expect(trained.model.isConditional)
        #expect(trained.history.epochs.map(\.klWeight) == [0.5, 0.5])
        let (_, test) = try c.loadData()
        let units = trained.model.activeUnits(on: test)
        #expect(units.variances.count == 2 && (0...2).contains(units.count))
        #expect(trained.model.evaluateELBO(on: test).perDimensionKL?.count == 2)
        let nll = trained.model.importanceWeightedNLL(on: test, samples: 20)
        #expect(nll < trained.model.evaluateELBO(on: test, kl: .monteCarlo(samples: 1)).nelbo + 0.5)
    }

    struct Cancelled: Error {}

    /// A throwing progress callback stops training right after the step that reported, with
    /// the callback's own error (how directive time limits cancel a run).
    @Test func progressCallbackCancelsTraining() throws {
        let c = configuration(epochs: 3)
        let model = VAE(c.architecture(inputs: 2, classes: 4), seed: c.seed)
        let (trainSet, testSet) = try c.loadData()
        let trainer = Trainer(configuration: c, model: model, train: trainSet, test: testSet)
        var steps = 0
        #expect(throws: Cancelled.self) {
            try trainer.run { progress in
                if case .step = progress.event { steps += 1 }
                if steps == 3 { throw Cancelled() }
            }
        }
        #expect(steps == 3 && trainer.history.epochs.isEmpty)
        #expect(model.parameters.parameters.allSatisfy { $0.withUnsafeBufferPointer { $0.allSatisfy(\.isFinite) } })
    }

    @Test func nonFiniteLossStopsWithEpochAndStep() throws {
        let c = configuration(epochs: 1)
        var features = SyntheticData.twoMoons(noise: 0.1).generate(count: 256, seed: 1).features
        features[200] = .nan
        let bad = Dataset(name: "bad", features: features, dimension: 2, labels: nil, classCount: 0)
        let good = SyntheticData.twoMoons(noise: 0.1).generate(count: 64, seed: 2)
        // Unshuffled position of the NaN row is 100; find the step it lands in.
        let order = RandomGenerator(seed: c.seed).stream(1001).permutation(256)
        let step = order.firstIndex(of: 100)! / c.batchSize + 1
        do {
            _ = try train(c, train: bad, test: good)
            Issue.record("training on NaN data did not throw")
        } catch let TrainingError.nonFinite(quantity, value, epoch, failedStep) {
            #expect(quantity == "loss" && value.isNaN && epoch == 1 && failedStep == step)
        }
    }

    @Test func configurationIsCodableAndHashable() throws {
        var c = TrainingConfiguration(model: .gmvae(components: 10), data: .fashionMNIST(train: 20_000), kl: .monteCarlo(samples: 3))
        c.initialization = .torchDefault
        let back = try JSONDecoder().decode(TrainingConfiguration.self, from: JSONEncoder().encode(c))
        #expect(back == c && back.hashValue == c.hashValue)
        #expect(c.architecture(inputs: 784, classes: 10).hidden == [300, 300])
    }
}

extension TrainingHistory {
    /// A copy with the (machine-dependent) timings of `other`.
    func withSecondsFrom(_ other: TrainingHistory) -> TrainingHistory {
        var copy = self
        for i in copy.epochs.indices {
            copy.epochs[i].seconds = other.epochs[i].seconds
            copy.epochs[i].evaluationSeconds = other.epochs[i].evaluationSeconds
            copy.epochs[i].examplesPerSecond = other.epochs[i].examplesPerSecond
        }
        return copy
    }
}
