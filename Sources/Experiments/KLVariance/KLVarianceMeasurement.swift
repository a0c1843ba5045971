import LatentModels
import Foundation
import PortableMath

/// What `@KLVariance` measured: the estimator's spread per sample count, the value it should
/// centre on, and the fitted log–log slope of its standard deviation.
struct KLVarianceMeasurement: Codable, Hashable, Sendable {
    /// The true KL, or the best available stand-in for it.
    enum Target: Codable, Hashable, Sendable {
        /// Closed form (single-component prior).
        case analytic(Double)
        /// A single large Monte-Carlo estimate, with its standard error.
        case reference(Double, standardError: Double, samples: Int)

        var value: Double {
            switch self {
            case .analytic(let v), .reference(let v, _, _): v
            }
        }
        var isAnalytic: Bool { if case .analytic = self { true } else { false } }
    }

    /// One entry per sample count, in increasing S.
    var spreads: [KLEstimatorSpread]
    var target: Target
    /// Least-squares slope of log₁₀(std) against log₁₀(S) over the counts whose std is above
    /// rounding noise (10⁻¹² relative to the mean); nil with fewer than two such counts. Theory: −½.
    var slope: Double?

    /// Runs the estimator `repeats` times for each S (stream S of `seed`); the reference
    /// estimate, when needed, uses its own stream (`UInt64.max`) of the same seed.
    /// `checkpoint` runs after every repeat (and every 65 536 draws) with the fraction of the
    /// draws done, the reference estimate counted as the last tenth (a time limit).
    static func measure(posterior: DiagonalNormal, prior: NormalMixture, sampleCounts: [Int], repeats: Int,
                        seed: Int, referenceSamples: Int, progress: (Int) -> Void = { _ in }) -> KLVarianceMeasurement {
        measure(posterior: posterior, prior: prior, sampleCounts: sampleCounts, repeats: repeats, seed: seed,
                referenceSamples: referenceSamples, progress: progress, checkpoint: { _ in })
    }

    static func measure(posterior: DiagonalNormal, prior: NormalMixture, sampleCounts: [Int], repeats: Int,
                        seed: Int, referenceSamples: Int, progress: (Int) -> Void = { _ in },
                        checkpoint: (Double) throws -> Void) rethrows -> KLVarianceMeasurement {
        let estimator = MonteCarloKL(posterior: posterior, prior: prior)
        let seedBits = UInt64(bitPattern: Int64(seed))
        let total = sampleCounts.reduce(0.0) { $0 + Double($1) } * Double(repeats)
        var before = 0.0
        let spreads = try sampleCounts.sorted().map { samples -> KLEstimatorSpread in
            progress(samples)
            let estimates = try estimator.repeatedEstimates(samples: samples, repeats: repeats, seed: seedBits,
                                                            stream: UInt64(samples)) { done in
                try checkpoint(0.9 * (before + Double(done) * Double(samples)) / total)
            }
            before += Double(repeats) * Double(samples)
            return KLEstimatorSpread(samples: samples, estimates: estimates)
        }
        let target: Target
        if let analytic = prior.analyticKL(from: posterior) {
            target = .analytic(analytic)
        } else {
            var sampler = NormalSampler(seed: seedBits, stream: .max)
            let reference = try estimator.estimate(samples: referenceSamples, using: &sampler) { try checkpoint(0.9) }
            target = .reference(reference.mean, standardError: reference.termStd / Double(referenceSamples).squareRoot(),
                                samples: referenceSamples)
        }
        return KLVarianceMeasurement(spreads: spreads, target: target, slope: logLogSlope(spreads))
    }

    static func logLogSlope(_ spreads: [KLEstimatorSpread]) -> Double? {
        let usable = spreads.filter {
            $0.standardDeviation > 1e-12 * (1 + abs($0.mean)) && $0.standardDeviation.isFinite
        }
        return Statistics.leastSquaresSlope(x: usable.map { PortableMath.log10(Double($0.samples)) },
                                            y: usable.map { PortableMath.log10($0.standardDeviation) })
    }
}
