import Foundation
import Tensors

/// A diagonal Gaussian mixture fitted by expectation–maximization (Dempster, Laird & Rubin,
/// 1977), the classical finite mixture the lessons compare with the VAE's infinite one.
///
/// E-step: responsibilities `r_ik ∝ π_k N(x_i; μ_k, diag σ²_k)` (in log space, logSumExp);
/// M-step: `π_k = N_k/n`, `μ_k = Σ_i r_ik x_i / N_k`, `σ²_k = Σ_i r_ik (x_i − μ_k)² / N_k + floor`.
/// Starts from `K` distinct data points chosen by the seed, the data variance and uniform
/// weights; stops when the mean log-likelihood improves by less than `tolerance`.
/// Runs in Double on plain arrays (small, low-dimensional data).
public struct GaussianMixtureFit: Codable, Hashable, Sendable {
    public var weights: [Double]
    public var means: [[Double]]
    public var variances: [[Double]]
    /// Mean log-likelihood per point of the training data at the end.
    public var logLikelihood: Double
    public var iterations: Int

    /// Fits `components` Gaussians to the rows of `dataset`.
    public static func fit(_ dataset: Dataset, components k: Int, maxIterations: Int = 200,
                           tolerance: Double = 1e-7, varianceFloor: Double = 1e-6, seed: UInt64) -> GaussianMixtureFit {
        let (n, d) = (dataset.count, dataset.dimension)
        precondition(k >= 1 && k <= n, "GaussianMixtureFit: need 1 ≤ K ≤ n, got K = \(k), n = \(n)")
        let x = dataset.features.map(Double.init)
        let start = RandomGenerator(seed: seed).permutation(n).prefix(k)
        let initialMeans = start.map { i in Array(x[(i * d)..<((i + 1) * d)]) }
        let overallMean = (0..<d).map { j in (0..<n).reduce(0.0) { $0 + x[$1 * d + j] } / Double(n) }
        let overallVariance = (0..<d).map { j in
            Swift.max(varianceFloor, (0..<n).reduce(0.0) { $0 + (x[$1 * d + j] - overallMean[j]) * (x[$1 * d + j] - overallMean[j]) } / Double(n))
        }
        var fit = GaussianMixtureFit(weights: [Double](repeating: 1 / Double(k), count: k), means: initialMeans,
                                     variances: [[Double]](repeating: overallVariance, count: k),
                                     logLikelihood: -.infinity, iterations: 0)
        var r = [Double](repeating: 0, count: n * k)
        for iteration in 1...Swift.max(1, maxIterations) {
            // E-step.
            var total = 0.0
            for i in 0..<n {
                let point = x[(i * d)..<((i + 1) * d)]
                var m = -Double.infinity
                for c in 0..<k { r[i * k + c] = fit.componentLogDensity(c, point); m = Swift.max(m, r[i * k + c]) }
                var s = 0.0
                for c in 0..<k { s += Foundation.exp(r[i * k + c] - m) }
                let lse = m + Foundation.log(s)
                total += lse
                for c in 0..<k { r[i * k + c] = Foundation.exp(r[i * k + c] - lse) }
            }
            let previous = fit.logLikelihood
            fit.logLikelihood = total / Double(n)
            fit.iterations = iteration
            if fit.logLikelihood - previous < tolerance { break }
            // M-step.
            for c in 0..<k {
                var nk = 0.0
                var mu = [Double](repeating: 0, count: d)
                for i in 0..<n { let w = r[i * k + c]; nk += w; for j in 0..<d { mu[j] += w * x[i * d + j] } }
                let safe = Swift.max(nk, 1e-12)
                for j in 0..<d { mu[j] /= safe }
                var v = [Double](repeating: 0, count: d)
                for i in 0..<n { let w = r[i * k + c]; for j in 0..<d { let e = x[i * d + j] - mu[j]; v[j] += w * e * e } }
                fit.means[c] = mu
                fit.variances[c] = v.map { $0 / safe + varianceFloor }
                fit.weights[c] = nk / Double(n)
            }
        }
        return fit
    }

    /// `log π_c + log N(x; μ_c, diag σ²_c)`.
    func componentLogDensity(_ c: Int, _ point: ArraySlice<Double>) -> Double {
        var s = Foundation.log(Swift.max(weights[c], 1e-300))
        for (j, xj) in point.enumerated() {
            let v = variances[c][j], e = xj - means[c][j]
            s += -0.5 * (Foundation.log(2 * Double.pi * v) + e * e / v)
        }
        return s
    }

    /// `log p(x)` of one point.
    public func logDensity(_ point: [Double]) -> Double {
        let terms = weights.indices.map { componentLogDensity($0, point[...]) }
        let m = terms.max()!
        return m + Foundation.log(terms.reduce(0) { $0 + Foundation.exp($1 - m) })
    }

    /// The fit as a (Float32) `GaussianMixture` for sampling and density maps.
    public var mixture: GaussianMixture {
        let k = weights.count, d = means[0].count
        return GaussianMixture(weightLogits: Tensor(weights.map { Float(Foundation.log(Swift.max($0, 1e-30))) }),
                               means: Tensor(shape: [k, d], scalars: means.flatMap { $0.map(Float.init) }),
                               logVariances: Tensor(shape: [k, d], scalars: variances.flatMap { $0.map { Float(Foundation.log($0)) } }))
    }
}
