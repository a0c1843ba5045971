import LatentModels
import Foundation

/// Repeats the reparameterization and score-function estimators of ∇_μ E_q[f(z)],
/// q = N(μ, diag σ²), with S draws each:
///
/// - reparameterization: (1/S) Σₛ ∇f(μ + σ ⊙ εₛ);
/// - score function (REINFORCE): (1/S) Σₛ f(zₛ) ∇_μ log q(zₛ) = (1/S) Σₛ f(zₛ) εₛ / σ;
/// - score function with a leave-one-out baseline: f(zₛ) replaced by f(zₛ) − mean of the other
///   S − 1 values (unbiased; for S = 1 there is no baseline).
///
/// Reports, per S, the mean estimate of ∂/∂μ₁ and the total variance (trace of the covariance
/// over the R repeats) of each estimator.
struct GradientEstimatorStudy {
    enum Estimator: String, CaseIterable, Sendable {
        case reparameterization, score, scoreBaseline
    }

    struct Row {
        var samples: Int
        /// Mean over repeats of the first coordinate's estimate, per estimator.
        var mean: [Estimator: Double]
        /// Trace of the estimator's covariance over repeats, per estimator.
        var variance: [Estimator: Double]
    }

    var target: GradientTarget
    var mean: [Double]
    var std: [Double]

    /// `checkpoint` runs before every repeat with the fraction of the draws done (a time limit).
    func run(samples: [Int], repeats: Int, seed: UInt64, checkpoint: (Double) throws -> Void) rethrows -> [Row] {
        let total = samples.reduce(0.0) { $0 + Double($1) } * Double(repeats)
        var before = 0.0
        return try samples.map { s in
            var sampler = NormalSampler(seed: seed, stream: UInt64(s))
            var estimates: [Estimator: [[Double]]] = [:]
            for r in 0..<repeats {
                try checkpoint((before + Double(r) * Double(s)) / total)
                let eps = (0..<s).map { _ in mean.indices.map { _ in sampler.next() } }
                let z = eps.map { e in mean.indices.map { mean[$0] + std[$0] * e[$0] } }
                let (f, grad) = target.evaluate(z)
                let total = f.reduce(0, +)
                var sums: [Estimator: [Double]] = [:]
                for e in Estimator.allCases { sums[e] = [Double](repeating: 0, count: mean.count) }
                for i in 0..<s {
                    let baseline = s > 1 ? (total - f[i]) / Double(s - 1) : 0
                    for j in mean.indices {
                        sums[.reparameterization]![j] += grad[i][j]
                        sums[.score]![j] += f[i] * eps[i][j] / std[j]
                        sums[.scoreBaseline]![j] += (f[i] - baseline) * eps[i][j] / std[j]
                    }
                }
                for e in Estimator.allCases { estimates[e, default: []].append(sums[e]!.map { $0 / Double(s) }) }
            }
            before += Double(repeats) * Double(s)
            var row = Row(samples: s, mean: [:], variance: [:])
            for e in Estimator.allCases {
                let list = estimates[e]!
                row.mean[e] = Statistics.mean(list.map { $0[0] })
                row.variance[e] = mean.indices.reduce(0) { acc, j in
                    let sd = Statistics.standardDeviation(list.map { $0[j] })
                    return acc + sd * sd
                }
            }
            return row
        }
    }
}
