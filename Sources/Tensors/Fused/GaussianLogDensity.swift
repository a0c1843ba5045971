import Foundation
import PortableMath

/// Diagonal Gaussian log-density, summed over the last axis.
///
/// `log N(x; μ, diag(eᵛ)) = −½ Σ_j [log 2π + v_j + (x_j − μ_j)²·e^{−v_j}]`, with `v` the
/// log-variance. All three of shape `[..., d]` → result `[...]`. If the shapes differ but
/// broadcast (e.g. `x: [n, 1, d]` against mixture components `μ: [1, K, d]`), the same
/// formula is built from primitive ops instead. Backward: with `w = (x − μ)e^{−v}`,
/// `dx = −g·w`, `dμ = g·w`, `dv = ½g·(w·(x − μ) − 1)`.
public func gaussianLogDensity(x: Tensor, mean: Tensor, logVariance: Tensor) -> Tensor {
    guard x.shape == mean.shape, x.shape == logVariance.shape else {
        let diff = x - mean
        let quad = diff * diff * (-logVariance).exp()
        return ((quad + logVariance + Float(PortableMath.log(2 * Double.pi))) * -0.5).sum(axis: -1)
    }
    precondition(x.rank >= 1, "gaussianLogDensity: needs rank ≥ 1, got \(x.label)")
    Denormals.ensureFlushed()
    let d = x.shape[x.rank - 1], rows = x.count / Swift.max(d, 1)
    let px = x.storage.pointer, pm = mean.storage.pointer, pv = logVariance.storage.pointer
    let log2pi = Float(PortableMath.log(2 * Double.pi))
    // w = (x − μ)·e^{−v}, kept for the backward.
    let saved = TensorStorage(uninitializedCount: x.count)
    let w = saved.pointer
    VectorMath.exp(negated: pv, into: w, count: x.count)
    let s = TensorStorage(uninitializedCount: rows)
    for r in 0..<rows {
        var acc: Float = 0
        for j in 0..<d {
            let k = r * d + j
            let diff = px[k] - pm[k]
            w[k] *= diff
            acc += log2pi + pv[k] + diff * w[k]
        }
        s.pointer[r] = -0.5 * acc
    }
    return Tensor.result(shape: Array(x.shape.dropLast()), storage: s, parents: [x, mean, logVariance]) { _, g in
        let gp = g.storage.pointer
        x.accumulateGradient { out, acc in
            for k in 0..<(rows * d) { let v = -gp[k / d] * w[k]; out[k] = acc ? out[k] + v : v }
        }
        mean.accumulateGradient { out, acc in
            for k in 0..<(rows * d) { let v = gp[k / d] * w[k]; out[k] = acc ? out[k] + v : v }
        }
        logVariance.accumulateGradient { out, acc in
            for k in 0..<(rows * d) {
                let v = 0.5 * gp[k / d] * (w[k] * (px[k] - pm[k]) - 1)
                out[k] = acc ? out[k] + v : v
            }
        }
        withExtendedLifetime(saved) {}
    }
}

/// KL divergence of `N(μ, diag(eᵛ))` from the standard normal, summed over the last axis.
///
/// `KL = −½ Σ_j (1 + v_j − μ_j² − e^{v_j})`, shapes `[..., d]` → `[...]`, always ≥ 0.
/// Backward: `dμ = g·μ`, `dv = ½g·(eᵛ − 1)`.
public func gaussianKLToStandardNormal(mean: Tensor, logVariance: Tensor) -> Tensor {
    precondition(mean.shape == logVariance.shape,
                 "gaussianKLToStandardNormal: mean \(mean.label) and logVariance \(logVariance.label) differ")
    precondition(mean.rank >= 1, "gaussianKLToStandardNormal: needs rank ≥ 1, got \(mean.label)")
    Denormals.ensureFlushed()
    let d = mean.shape[mean.rank - 1], rows = mean.count / Swift.max(d, 1)
    let pm = mean.storage.pointer, pv = logVariance.storage.pointer
    let saved = TensorStorage(uninitializedCount: mean.count)
    let ev = saved.pointer
    VectorMath.exp(pv, into: ev, count: mean.count)
    let s = TensorStorage(uninitializedCount: rows)
    for r in 0..<rows {
        var acc: Float = 0
        for j in 0..<d { let k = r * d + j; acc += 1 + pv[k] - pm[k] * pm[k] - ev[k] }
        s.pointer[r] = -0.5 * acc
    }
    return Tensor.result(shape: Array(mean.shape.dropLast()), storage: s, parents: [mean, logVariance]) { _, g in
        let gp = g.storage.pointer
        mean.accumulateGradient { out, acc in
            for k in 0..<(rows * d) { let v = gp[k / d] * pm[k]; out[k] = acc ? out[k] + v : v }
        }
        logVariance.accumulateGradient { out, acc in
            for k in 0..<(rows * d) { let v = 0.5 * gp[k / d] * (ev[k] - 1); out[k] = acc ? out[k] + v : v }
        }
        withExtendedLifetime(saved) {}
    }
}
