import Foundation
import Testing
import Tensors
@testable import LatentModels

@Suite struct BoundTests {
    /// A small untrained VAE on 2-D data (Gaussian decoder), where the bounds differ clearly.
    func smallModel(prior: ModelArchitecture.PriorKind = .standardNormal) -> (VAE, Tensor) {
        let architecture = ModelArchitecture(inputs: 2, latent: 2, hidden: [16], activation: .tanh, prior: prior,
                                             likelihood: .gaussian(.fixed(standardDeviation: 0.5)))
        let data = SyntheticData.ring(components: 4, radius: 2, spread: 0.2).generate(count: 40, seed: 1)
        return (VAE(architecture, seed: 3), data.tensor())
    }

    /// Mean over examples and repeats of a bound, with its standard error over repeats.
    func average(repeats: Int, _ bound: (RandomGenerator) -> Tensor) -> (mean: Double, se: Double) {
        let rng = RandomGenerator(seed: 99)
        let values = (0..<repeats).map { _ in Double(withNoGrad { bound(rng).mean() }.item()) }
        let m = values.reduce(0, +) / Double(repeats)
        let v = values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(repeats - 1)
        return (m, (v / Double(repeats)).squareRoot())
    }

    @Test(arguments: [ModelArchitecture.PriorKind.standardNormal, .mixture(components: 3, learnedWeights: false)])
    func elboIsBelowIWAEWhichTightensWithK(prior: ModelArchitecture.PriorKind) {
        let (model, x) = smallModel(prior: prior)
        let elbo = average(repeats: 200) { model.elbo(x, kl: .monteCarlo(samples: 1), rng: $0).elbo }
        let iwae5 = average(repeats: 200) { model.importanceWeightedBound(x, samples: 5, rng: $0) }
        let iwae50 = average(repeats: 200) { model.importanceWeightedBound(x, samples: 50, rng: $0) }
        #expect(elbo.mean + 4 * (elbo.se + iwae5.se) < iwae5.mean, "ELBO \(elbo) vs IWAE-5 \(iwae5)")
        #expect(iwae5.mean + 4 * (iwae5.se + iwae50.se) < iwae50.mean, "IWAE-5 \(iwae5) vs IWAE-50 \(iwae50)")
        // IWAE-1 is the single-sample Monte-Carlo ELBO.
        let iwae1 = average(repeats: 200) { model.importanceWeightedBound(x, samples: 1, rng: $0) }
        #expect(Swift.abs(iwae1.mean - elbo.mean) < 4 * (iwae1.se + elbo.se))
    }

    @Test func analyticAndMonteCarloELBOAgreeInExpectation() {
        let (model, x) = smallModel()
        let analytic = average(repeats: 300) { model.elbo(x, kl: .analytic, rng: $0).kl }
        let mc = average(repeats: 300) { model.elbo(x, kl: .monteCarlo(samples: 4), rng: $0).kl }
        #expect(Swift.abs(analytic.mean - mc.mean) < 4 * (analytic.se + mc.se), "\(analytic) vs \(mc)")
    }

    @Test func freeBitsAndWarmupShapeTheLoss() {
        let (model, x) = smallModel()
        let estimate = model.elbo(x, kl: .analytic, perDimensionKL: true, rng: RandomGenerator(seed: 1))
        let rec = -Double(estimate.reconstruction.mean().item())
        let perDimension = VAE.columnSums(estimate.klPerDimension!).map { $0 / 40 }
        let lambda: Float = 5
        let loss = TrainingObjective(freeBits: lambda).loss(estimate, klWeight: 1).item()
        let expected = rec + perDimension.map { Swift.max($0, Double(lambda)) }.reduce(0, +)
        #expect(Swift.abs(Double(loss) - expected) < 1e-3)
        let warm = TrainingObjective(beta: 2, warmupEpochs: 2)
        #expect(warm.klWeight(step: 0, stepsPerEpoch: 10) == 0.1)
        #expect(warm.klWeight(step: 9, stepsPerEpoch: 10) == 1)
        #expect(warm.klWeight(step: 50, stepsPerEpoch: 10) == 2)
    }
}

@Suite struct KLEstimatorStatisticsTests {
    @Test func monteCarloSpreadFallsAsOneOverRootS() {
        let model = VAE(ModelArchitecture(inputs: 2, latent: 3, hidden: [8], likelihood: .gaussian(.learned)), seed: 1)
        let data = SyntheticData.pinwheel(arms: 3).generate(count: 30, seed: 2)
        let (analytic, stats) = model.klEstimatorStatistics(on: data, sampleCounts: [1, 16], repeats: 200)
        let a = try! #require(analytic)
        #expect(stats.allSatisfy { Swift.abs($0.mean - a) < 4 * $0.standardDeviation / (200.0 * 30).squareRoot() + 1e-3 })
        let ratio = stats[0].standardDeviation / stats[1].standardDeviation
        #expect(ratio > 3 && ratio < 5, "sd ratio \(ratio), expected about 4")
    }
}
