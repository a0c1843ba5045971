import LatentModels
import Foundation
import PortableMath
import Tensors

/// Maximum-likelihood fit of a finite mixture of diagonal Gaussians by expectation–
/// maximization (Dempster, Laird & Rubin, 1977), in `Double`.
///
/// - Initialization: k-means++ seeding (Arthur & Vassilvitskii, 2007) for the means — each
///   new centre drawn with probability ∝ squared distance to the nearest chosen one — the
///   data's per-dimension variance for every component, uniform weights.
/// - E-step in the log domain: rₙₖ = exp(log πₖ + log N(xₙ; μₖ, σₖ²) − logSumExpₖ(…)).
/// - M-step: Nₖ = Σₙ rₙₖ, πₖ = Nₖ/N, μₖ = Σₙ rₙₖ xₙ / Nₖ, σ²ₖⱼ = max(Σₙ rₙₖ (xₙⱼ − μₖⱼ)² / Nₖ, floorⱼ)
///   with floorⱼ = `relativeFloor` × the data variance of dimension j (a collapsing component
///   would otherwise drive the likelihood to +∞). A component left with Nₖ < 10⁻⁸ restarts at
///   the worst-explained point.
/// - Stops when the mean log-likelihood improves by less than `tolerance` (relative to
///   1 + |ℓ|), or after `maxIterations`. The likelihood never decreases (tested).
struct ExpectationMaximization {
    var components: Int
    var maxIterations = Self.defaultMaxIterations
    var tolerance = 1e-7
    var relativeFloor = 1e-3
    var seed: UInt64

    static let defaultMaxIterations = 500

    struct Fit {
        var mixture: NormalMixture
        /// Mean training log-likelihood after each E-step.
        var trace: [Double]
        var converged: Bool
        var iterations: Int { trace.count }
    }

    func fit(_ x: [[Double]]) -> Fit { fit(x, checkpoint: { _ in }) }

    /// `checkpoint` runs before every iteration, every 4096 points of the E-step and after each
    /// component of the M-step (the directive's time limit), with the fraction of the
    /// iteration budget used so far.
    func fit(_ x: [[Double]], checkpoint: (Double) throws -> Void) rethrows -> Fit {
        let n = x.count, k = components
        precondition(n >= k && k >= 1, "EM: need at least K = \(k) points, got \(n)")
        let d = x[0].count
        let dataMean = (0..<d).map { j in x.reduce(0) { $0 + $1[j] } / Double(n) }
        let dataVariance = (0..<d).map { j in max(x.reduce(0) { $0 + ($1[j] - dataMean[j]) * ($1[j] - dataMean[j]) } / Double(n), 1e-12) }
        let floor = dataVariance.map { $0 * relativeFloor }
        var generator = Xoshiro256StarStar(seed: seed, stream: 0xE3)
        var means = Self.kMeansPlusPlus(x, k: k, using: &generator)
        var variances = [[Double]](repeating: dataVariance, count: k)
        var weights = [Double](repeating: 1 / Double(k), count: k)
        var trace: [Double] = []
        var r = [[Double]](repeating: [Double](repeating: 0, count: k), count: n)
        var pointLogLikelihood = [Double](repeating: 0, count: n)
        var converged = false
        for iteration in 0..<maxIterations {
            // The fraction of the iteration budget used, counting the points of this iteration's
            // E-step (the M-step is cheaper), so a limit hit in the first iteration still
            // has a measured rate to suggest a better one from.
            func done(_ step: Double = 0) -> Double { (Double(iteration) + step) / Double(maxIterations) }
            try checkpoint(done())
            // E-step.
            let mixture = Self.mixture(means: means, variances: variances, weights: weights)
            var total = 0.0
            for i in 0..<n {
                if i % 4096 == 4095 { try checkpoint(done(0.5 * Double(i) / Double(n))) }
                let terms = (0..<k).map { PortableMath.log(weights[$0]) + mixture.components[$0].logDensity(x[i]) }
                let lse = Statistics.logSumExp(terms)
                for c in 0..<k { r[i][c] = PortableMath.exp(terms[c] - lse) }
                pointLogLikelihood[i] = lse
                total += lse
            }
            let ll = total / Double(n)
            if let previous = trace.last, ll - previous < tolerance * (1 + abs(ll)) {
                trace.append(ll)
                converged = true
                break
            }
            trace.append(ll)
            // M-step.
            for c in 0..<k {
                let nk = r.reduce(0) { $0 + $1[c] }
                guard nk >= 1e-8 else {
                    let worst = pointLogLikelihood.indices.min { pointLogLikelihood[$0] < pointLogLikelihood[$1] }!
                    means[c] = x[worst]
                    variances[c] = dataVariance
                    weights[c] = 1 / Double(n)
                    continue
                }
                var mu = [Double](repeating: 0, count: d)
                for i in 0..<n { for j in 0..<d { mu[j] += r[i][c] * x[i][j] } }
                mu = mu.map { $0 / nk }
                var v = [Double](repeating: 0, count: d)
                for i in 0..<n { for j in 0..<d { let e = x[i][j] - mu[j]; v[j] += r[i][c] * e * e } }
                means[c] = mu
                variances[c] = (0..<d).map { max(v[$0] / nk, floor[$0]) }
                weights[c] = nk / Double(n)
                try checkpoint(done(0.5 + 0.5 * Double(c + 1) / Double(k)))
            }
            let weightSum = weights.reduce(0, +)
            weights = weights.map { $0 / weightSum }
        }
        return Fit(mixture: Self.mixture(means: means, variances: variances, weights: weights), trace: trace, converged: converged)
    }

    static func mixture(means: [[Double]], variances: [[Double]], weights: [Double]) -> NormalMixture {
        let total = weights.reduce(0, +)
        return NormalMixture(components: zip(means, variances).map { DiagonalNormal(mean: $0, std: $1.map { $0.squareRoot() }) },
                               weights: weights.map { max($0 / total, 1e-300) }.normalizedToOne())
    }

    /// k-means++ seeding: the first centre uniformly, then each next one with probability
    /// proportional to the squared distance to its nearest chosen centre.
    static func kMeansPlusPlus(_ x: [[Double]], k: Int, using generator: inout Xoshiro256StarStar) -> [[Double]] {
        var centres = [x[Int(generator.nextUnit() * Double(x.count)) % x.count]]
        var nearest = x.map { squaredDistance($0, centres[0]) }
        while centres.count < k {
            let total = nearest.reduce(0, +)
            var chosen = x.count - 1
            if total > 0 {
                var u = generator.nextUnit() * total
                for (i, w) in nearest.enumerated() {
                    u -= w
                    if u < 0 { chosen = i; break }
                }
            } else {
                chosen = Int(generator.nextUnit() * Double(x.count)) % x.count
            }
            centres.append(x[chosen])
            for i in x.indices { nearest[i] = min(nearest[i], squaredDistance(x[i], x[chosen])) }
        }
        return centres
    }

    static func squaredDistance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}

extension Array where Element == Double {
    /// Divides by the sum so the weights sum to 1 within rounding.
    func normalizedToOne() -> [Double] {
        let total = reduce(0, +)
        return map { $0 / total }
    }
}
