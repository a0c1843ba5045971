import LatentModels
import Tensors
import Foundation
import Testing
@testable import Experiments

@Suite struct MonteCarloKLTests {
    /// Modest repeats keep the suite fast; the properties hold with wide margins.
    static let repeats = 200
    static let sampleCounts = [1, 10, 100, 1000]

    static let standardMeasurement = KLVarianceMeasurement.measure(
        posterior: lessonPosterior, prior: .standard(dimension: 2), sampleCounts: sampleCounts,
        repeats: repeats, seed: 7, referenceSamples: 1000)

    @Test func analyticKLAgainstStandardNormal() throws {
        // ½ Σ (σ² + μ² − 1 − log σ²) for μ = (0.8, −0.5), σ = (0.6, 1.3).
        let expected = 0.5 * ((0.36 + 0.64 - 1 - log(0.36)) + (1.69 + 0.25 - 1 - log(1.69)))
        let analytic = try #require(NormalMixture.standard(dimension: 2).analyticKL(from: lessonPosterior))
        #expect(abs(analytic - expected) < 1e-12)
        #expect(lessonPosterior.klDivergence(to: lessonPosterior) == 0)
    }

    @Test func estimatorIsUnbiasedForEverySampleCount() throws {
        let m = Self.standardMeasurement
        guard case .analytic(let kl) = m.target else { Issue.record("expected an analytic target"); return }
        #expect(m.spreads.map(\.samples) == Self.sampleCounts)
        for spread in m.spreads {
            #expect(abs(spread.mean - kl) <= 4 * spread.standardError,
                    "S = \(spread.samples): mean \(spread.mean), KL \(kl), SE \(spread.standardError)")
        }
    }

    @Test func standardDeviationFallsAsOneOverRootS() throws {
        let slope = try #require(Self.standardMeasurement.slope)
        #expect(abs(slope + 0.5) <= 0.1, "slope \(slope)")
    }

    @Test func mixturePriorStandardDeviationAlsoFallsAsOneOverRootS() throws {
        let m = KLVarianceMeasurement.measure(posterior: lessonPosterior, prior: lessonMixture, sampleCounts: Self.sampleCounts,
                                              repeats: Self.repeats, seed: 3, referenceSamples: 200_000)
        let slope = try #require(m.slope)
        #expect(abs(slope + 0.5) <= 0.1, "slope \(slope)")
        guard case .reference(let reference, let se, let samples) = m.target else {
            Issue.record("a three-component mixture has no closed-form KL"); return
        }
        #expect(samples == 200_000 && se > 0 && se < 0.05)
        for spread in m.spreads {
            let combined = (spread.standardError * spread.standardError + se * se).squareRoot()
            #expect(abs(spread.mean - reference) <= 4 * combined, "S = \(spread.samples)")
        }
    }

    @Test func singleComponentMixtureMatchesAnalyticGaussianKL() throws {
        let component = DiagonalNormal(mean: [0.3, -1], std: [0.8, 2])
        let prior = NormalMixture(components: [component])
        let analytic = try #require(prior.analyticKL(from: lessonPosterior))
        #expect(abs(analytic - lessonPosterior.klDivergence(to: component)) < 1e-15)
        let m = KLVarianceMeasurement.measure(posterior: lessonPosterior, prior: prior, sampleCounts: [1, 100],
                                              repeats: Self.repeats, seed: 11, referenceSamples: 1000)
        for spread in m.spreads {
            #expect(abs(spread.mean - analytic) <= 4 * spread.standardError, "S = \(spread.samples)")
        }
    }

    @Test func zeroKLWhenPosteriorEqualsPrior() {
        let m = KLVarianceMeasurement.measure(posterior: .standard(dimension: 3), prior: .standard(dimension: 3),
                                              sampleCounts: [1, 10], repeats: 10, seed: 1, referenceSamples: 10)
        #expect(m.target == .analytic(0))
        #expect(m.spreads.allSatisfy { abs($0.mean) < 1e-12 && $0.standardDeviation < 1e-12 })
        #expect(m.slope == nil)
    }

    @Test func sameSeedSameNumbersOtherSeedOtherNumbers() {
        let estimator = MonteCarloKL(posterior: lessonPosterior, prior: lessonMixture)
        let a = estimator.repeatedEstimates(samples: 10, repeats: 5, seed: 7, stream: 10)
        let b = estimator.repeatedEstimates(samples: 10, repeats: 5, seed: 7, stream: 10)
        let c = estimator.repeatedEstimates(samples: 10, repeats: 5, seed: 8, stream: 10)
        #expect(a == b)
        #expect(a != c)
    }
}

@Suite struct NormalMixtureTests {
    /// p(z) = Σₖ πₖ Πⱼ N(zⱼ; μₖⱼ, σₖⱼ²), summed directly in linear space.
    static func bruteForceDensity(_ mixture: NormalMixture, _ z: [Double]) -> Double {
        var total = 0.0
        for (weight, component) in zip(mixture.weights, mixture.components) {
            var density = 1.0
            for j in z.indices {
                let u = (z[j] - component.mean[j]) / component.std[j]
                density *= exp(-0.5 * u * u) / ((2 * Double.pi).squareRoot() * component.std[j])
            }
            total += weight * density
        }
        return total
    }

    static let weighted = NormalMixture(components: lessonMixture.components, weights: [0.2, 0.5, 0.3])

    @Test(arguments: [[0.0, 0.0], [-2.0, 0.1], [1.5, 1.5], [0.8, -0.5], [3.0, -2.0]])
    func logDensityEqualsBruteForceSum(z: [Double]) {
        for mixture in [lessonMixture, Self.weighted] {
            let expected = log(Self.bruteForceDensity(mixture, z))
            #expect(abs(mixture.logDensity(z) - expected) < 1e-10 * max(1, abs(expected)))
        }
    }

    @Test func logDensityStaysFiniteFarFromEveryComponent() {
        let z = [40.0, -40.0]
        #expect(Self.bruteForceDensity(lessonMixture, z) == 0)  // underflows in linear space
        let logP = lessonMixture.logDensity(z)
        #expect(logP.isFinite)
        // The nearest component (mean (2, 0)) dominates: log p ≈ log(1/3) + log N(z; μ₂, σ₂²).
        let dominant = log(1.0 / 3) + lessonMixture.components[1].logDensity(z)
        #expect(abs(logP - dominant) < 1e-9)
    }

    @Test func logSumExpEdgeCases() {
        #expect(Statistics.logSumExp([]) == -.infinity)
        #expect(Statistics.logSumExp([-.infinity, -.infinity]) == -.infinity)
        #expect(abs(Statistics.logSumExp([1000, 1000]) - (1000 + log(2))) < 1e-12)
        #expect(abs(Statistics.logSumExp([0, log(3)]) - log(4)) < 1e-15)
    }
}

@Suite struct RandomAndStatisticsTests {
    @Test func normalSamplerHasUnitMoments() {
        var sampler = NormalSampler(seed: 42)
        let draws = (0..<200_000).map { _ in sampler.next() }
        #expect(abs(Statistics.mean(draws)) < 0.01)
        #expect(abs(Statistics.standardDeviation(draws) - 1) < 0.01)
        let tail = Double(draws.filter { abs($0) > 1.96 }.count) / Double(draws.count)
        #expect(abs(tail - 0.05) < 0.003)
    }

    @Test func streamsAreIndependentSequences() {
        var a = Xoshiro256StarStar(seed: 1, stream: 1), b = Xoshiro256StarStar(seed: 1, stream: 2)
        #expect((0..<4).map { _ in a.next() } != (0..<4).map { _ in b.next() })
        var zero = Xoshiro256StarStar(seed: 0)
        #expect(zero.next() != 0 || zero.next() != 0)
    }

    @Test func leastSquaresSlope() {
        #expect(Statistics.leastSquaresSlope(x: [0, 1, 2, 3], y: [1, 0.5, 0, -0.5]) == -0.5)
        #expect(Statistics.leastSquaresSlope(x: [1], y: [1]) == nil)
        #expect(Statistics.leastSquaresSlope(x: [2, 2], y: [1, 3]) == nil)
        #expect(Statistics.standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]) == (32.0 / 7).squareRoot())
    }

    @Test(arguments: [(0.123456, "0.1235"), (12.3456, "12.35"), (1234.56, "1235"), (0.0000123456, "1.235e-05"),
                      (-0.5, "-0.5000"), (0, "0"), (1.0, "1.000")])
    func significantDigits(value: Double, text: String) {
        #expect(SignificantFormat.format(value) == text)
    }
}
