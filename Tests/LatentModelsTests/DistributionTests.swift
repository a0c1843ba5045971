import Foundation
import Testing
import Tensors
@testable import LatentModels

@Suite struct DistributionTests {
    /// Mean and standard error of the elements.
    func meanAndStandardError(_ values: [Float]) -> (Double, Double) {
        let n = Double(values.count)
        let mean = values.reduce(0.0) { $0 + Double($1) } / n
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (n - 1)
        return (mean, (variance / n).squareRoot())
    }

    @Test func analyticAndMonteCarloKLToStandardNormalAgree() {
        let q = DiagonalGaussian(mean: Tensor(shape: [1, 3], scalars: [0.5, -1, 0.2]),
                                 logVariance: Tensor(shape: [1, 3], scalars: [-0.5, 0.3, -1.2]))
        let analytic = Double(q.klToStandardNormal().item())
        #expect(Swift.abs(analytic - Double(q.kl(to: .init(mean: .zeros([1, 3]), logVariance: .zeros([1, 3]))).item())) < 1e-5)
        let (z, noise) = q.samples(20_000, rng: RandomGenerator(seed: 11))
        let terms = (q.logDensity(noise: noise) - StandardNormalPrior(dimension: 3).logDensity(z)).scalars
        let (mean, se) = meanAndStandardError(terms)
        #expect(Swift.abs(mean - analytic) < 4 * se, "MC \(mean) ± \(se) vs analytic \(analytic)")
    }

    @Test func analyticAndMonteCarloKLBetweenGaussiansAgree() {
        let q = DiagonalGaussian(mean: Tensor(shape: [1, 2], scalars: [0.3, 1]), logVariance: Tensor(shape: [1, 2], scalars: [0, -0.7]))
        let p = DiagonalGaussian(mean: Tensor(shape: [1, 2], scalars: [-0.2, 0.4]), logVariance: Tensor(shape: [1, 2], scalars: [0.5, 0.1]))
        let analytic = Double(q.kl(to: p).item())
        let (z, noise) = q.samples(20_000, rng: RandomGenerator(seed: 5))
        let terms = (q.logDensity(noise: noise) - p.logDensity(z)).scalars
        let (mean, se) = meanAndStandardError(terms)
        #expect(Swift.abs(mean - analytic) < 4 * se, "MC \(mean) ± \(se) vs analytic \(analytic)")
        // Noise-based and direct log-densities agree.
        let direct = q.logDensity(z).scalars, viaNoise = q.logDensity(noise: noise).scalars
        #expect(zip(direct, viaNoise).allSatisfy { Swift.abs($0 - $1) < 1e-3 })
    }

    @Test func gaussianEntropyMatchesFormula() {
        let q = DiagonalGaussian(mean: .zeros([1, 2]), logVariance: Tensor(shape: [1, 2], scalars: [0, 1]))
        let expected = 0.5 * (2 * (1 + Foundation.log(2 * Double.pi)) + 1)
        #expect(Swift.abs(Double(q.entropy().item()) - expected) < 1e-5)
    }

    @Test func mixtureLogDensityEqualsBruteForceSum() {
        let rng = RandomGenerator(seed: 3)
        let (k, d, n) = (4, 3, 6)
        let means = rng.normal(shape: [k, d]), logVars = rng.normal(shape: [k, d], standardDeviation: 0.5)
        let logits = rng.normal(shape: [k])
        let z = rng.normal(shape: [n, d], standardDeviation: 2)
        let mixture = GaussianMixture(weightLogits: logits, means: means, logVariances: logVars)
        let got = mixture.logDensity(z).scalars
        let w = logits.scalars.map { Foundation.exp(Double($0)) }
        let wsum = w.reduce(0, +)
        for i in 0..<n {
            var p = 0.0
            for c in 0..<k {
                var logN = 0.0
                for j in 0..<d {
                    let v = Double(logVars[c, j]), diff = Double(z[i, j]) - Double(means[c, j])
                    logN += -0.5 * (Foundation.log(2 * Double.pi) + v + diff * diff / Foundation.exp(v))
                }
                p += w[c] / wsum * Foundation.exp(logN)
            }
            #expect(Swift.abs(Double(got[i]) - Foundation.log(p)) < 1e-4)
        }
        let r = mixture.responsibilities(z)
        for i in 0..<n { #expect(Swift.abs((0..<k).map { r[i, $0] }.reduce(0, +) - 1) < 1e-5) }
        // Uniform weights are 1/K.
        #expect(GaussianMixture(means: means, logVariances: logVars).logWeights.scalars.allSatisfy {
            Swift.abs($0 + Float(Foundation.log(4.0))) < 1e-6 })
    }

    @Test func mixtureSamplesFollowTheComponents() {
        let means = Tensor(shape: [2, 1], scalars: [-5, 5]), logVars = Tensor(shape: [2, 1], scalars: [-4, -4])
        let mixture = GaussianMixture(weightLogits: Tensor([0, Float(Foundation.log(3.0))]), means: means, logVariances: logVars)
        let (z, components) = mixture.sample(count: 4000, rng: RandomGenerator(seed: 1))
        let share = Double(components.filter { $0 == 1 }.count) / 4000
        #expect(Swift.abs(share - 0.75) < 0.03)
        for (i, c) in components.enumerated() { #expect(Swift.abs(z[i, 0] - (c == 0 ? -5 : 5)) < 1) }
    }

    @Test func bernoulliIsStableForExtremeLogits() {
        let b = Bernoulli(logits: Tensor(shape: [1, 4], scalars: [1000, -1000, 30, -30]))
        let ll = b.logLikelihood(Tensor(shape: [1, 4], scalars: [1, 0, 1, 0])).item()
        #expect(ll.isFinite && Swift.abs(ll) < 1e-6)
        let bad = b.logLikelihood(Tensor(shape: [1, 4], scalars: [0, 0, 1, 0])).item()
        #expect(Swift.abs(bad + 1000) < 1e-2)
    }

    @Test func categoricalLogProbabilitiesAndEntropy() {
        let c = Categorical(logits: Tensor(shape: [2, 3], scalars: [0, 0, 0, 1, 2, 3]))
        let lp = c.logProbability(of: [0, 2]).scalars
        #expect(Swift.abs(Double(lp[0]) + Foundation.log(3.0)) < 1e-5)
        let p2 = Foundation.exp(3.0) / (Foundation.exp(1.0) + Foundation.exp(2.0) + Foundation.exp(3.0))
        #expect(Swift.abs(Double(lp[1]) - Foundation.log(p2)) < 1e-5)
        #expect(Swift.abs(Double(c.entropy().scalars[0]) - Foundation.log(3.0)) < 1e-5)
        let draws = c.sample(rng: RandomGenerator(seed: 2))
        #expect(draws.count == 2 && draws.allSatisfy { (0..<3).contains($0) })
    }
}
