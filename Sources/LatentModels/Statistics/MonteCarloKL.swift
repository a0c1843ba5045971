import Foundation
import PortableMath

/// The Monte-Carlo estimator of KL(q ‖ p) for a diagonal Gaussian q and a Gaussian-mixture p:
///
///     KL̂_S = (1/S) Σₛ [log q(zₛ) − log p(zₛ)],   zₛ = μ + σ ⊙ εₛ,  εₛ ~ N(0, I)
///
/// It is unbiased for every S ≥ 1, and its standard deviation falls as 1/√S.
public struct MonteCarloKL: Sendable {
    public var posterior: DiagonalNormal
    public var prior: NormalMixture

    public init(posterior: DiagonalNormal, prior: NormalMixture) {
        precondition(posterior.dimension == prior.dimension,
                     "MonteCarloKL: posterior dimension \(posterior.dimension), prior \(prior.dimension)")
        self.posterior = posterior
        self.prior = prior
    }

    /// Mean and standard deviation of the single-sample terms log q(z) − log p(z) over `samples` draws.
    /// `checkpoint` runs every 65 536 draws (a time limit).
    public func estimate(samples: Int, using sampler: inout NormalSampler) -> (mean: Double, termStd: Double) {
        estimate(samples: samples, using: &sampler, checkpoint: {})
    }

    public func estimate(samples: Int, using sampler: inout NormalSampler,
                  checkpoint: () throws -> Void) rethrows -> (mean: Double, termStd: Double) {
        precondition(samples >= 1, "estimate needs at least one sample")
        let d = posterior.dimension
        var z = Array(repeating: 0.0, count: d)
        let logNormalizer = posterior.std.reduce(0) { $0 + PortableMath.log($1) } + 0.5 * Double(d) * DiagonalNormal.logTwoPi
        // Welford's running mean and variance.
        var mean = 0.0, m2 = 0.0
        for s in 1...samples {
            if s & 0xFFFF == 0 { try checkpoint() }
            var squared = 0.0
            for j in 0..<d {
                let epsilon = sampler.next()
                z[j] = posterior.mean[j] + posterior.std[j] * epsilon
                squared += epsilon * epsilon
            }
            // log q(z) from ε directly: −Σ log σⱼ − (d/2) log 2π − ½‖ε‖².
            let term = -logNormalizer - 0.5 * squared - prior.logDensity(z)
            let delta = term - mean
            mean += delta / Double(s)
            m2 += delta * (term - mean)
        }
        return (mean, samples > 1 ? (m2 / Double(samples - 1)).squareRoot() : .nan)
    }

    /// `repeats` independent estimates with `samples` draws each, from the stream `stream` of `seed`.
    /// `checkpoint` runs after every estimate with the number done (and inside long ones).
    public func repeatedEstimates(samples: Int, repeats: Int, seed: UInt64, stream: UInt64) -> [Double] {
        repeatedEstimates(samples: samples, repeats: repeats, seed: seed, stream: stream, checkpoint: { _ in })
    }

    public func repeatedEstimates(samples: Int, repeats: Int, seed: UInt64, stream: UInt64,
                           checkpoint: (Int) throws -> Void) rethrows -> [Double] {
        var sampler = NormalSampler(seed: seed, stream: stream)
        var estimates: [Double] = []
        estimates.reserveCapacity(repeats)
        for r in 0..<repeats {
            estimates.append(try estimate(samples: samples, using: &sampler) { try checkpoint(r) }.mean)
            try checkpoint(r + 1)
        }
        return estimates
    }
}

/// The spread of the estimator at one sample count S, over R repeats.
public struct KLEstimatorSpread: Codable, Hashable, Sendable {
    public var samples: Int
    public var repeats: Int
    /// Mean of the R estimates.
    public var mean: Double
    /// Standard deviation of the R estimates (Bessel-corrected): the estimator's noise at this S.
    public var standardDeviation: Double
    /// Standard error of `mean`: standardDeviation / √R.
    public var standardError: Double { standardDeviation / Double(repeats).squareRoot() }

    public init(samples: Int, estimates: [Double]) {
        self.samples = samples
        self.repeats = estimates.count
        self.mean = Statistics.mean(estimates)
        self.standardDeviation = Statistics.standardDeviation(estimates)
    }
}
