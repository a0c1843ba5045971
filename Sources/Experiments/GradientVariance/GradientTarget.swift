import Foundation
import LatentModels
import Tensors

/// The integrand f(z) of ∇_μ E_{N(μ, σ²)}[f(z)] and its gradient, for batches of points.
enum GradientTarget {
    /// f(z) = Σⱼ (zⱼ − c)²; ∇f = 2(z − c); the exact gradient of the expectation is 2(μ − c).
    case quadratic(center: Double)
    /// f(z) = log p(x | z) of one test input under a trained decoder (∇ by autodiff).
    case decoder(VAE, x: [Double], condition: [Double]?)

    /// Values f(zₛ) and gradients ∇f(zₛ) for each row of `z`.
    func evaluate(_ z: [[Double]]) -> (values: [Double], gradients: [[Double]]) {
        switch self {
        case .quadratic(let c):
            return (z.map { $0.reduce(0) { $0 + ($1 - c) * ($1 - c) } }, z.map { $0.map { 2 * ($0 - c) } })
        case let .decoder(model, x, condition):
            let n = z.count
            let zt = Tensor(shape: [n, z[0].count], scalars: z.flatMap { $0.map(Float.init) }, requiresGrad: true)
            let xt = Tensor(shape: [n, x.count], scalars: Array((0..<n).map { _ in x.map(Float.init) }.joined()))
            let ct = condition.map { c in Tensor(shape: [n, c.count], scalars: Array((0..<n).map { _ in c.map(Float.init) }.joined())) }
            let values = model.decoder.logLikelihood(xt, given: zt, condition: ct)
            values.sum().backward()
            let gradients = zt.grad.map(TensorConversion.rows) ?? z.map { $0.map { _ in 0 } }
            model.parameters.zeroGrad()
            return (TensorConversion.doubles(values), gradients)
        }
    }

    /// The exact ∇_μ E[f], where known.
    func exactGradient(mean: [Double], std: [Double]) -> [Double]? {
        if case .quadratic(let c) = self { return mean.map { 2 * ($0 - c) } }
        return nil
    }
}

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

    func run(samples: [Int], repeats: Int, seed: UInt64, checkpoint: () throws -> Void) rethrows -> [Row] {
        try samples.map { s in
            try checkpoint()
            var sampler = NormalSampler(seed: seed, stream: UInt64(s))
            var estimates: [Estimator: [[Double]]] = [:]
            for _ in 0..<repeats {
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
