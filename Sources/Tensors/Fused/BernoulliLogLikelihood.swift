import Foundation

/// Bernoulli log-likelihood from logits, summed over the last axis.
///
/// `ll[r] = Σ_j t·l − softplus(l) = Σ_j t·l − max(l, 0) − log1p(e^−|l|)`, with logits `l`
/// and targets `t ∈ [0, 1]` of the same shape `[..., d]`; result `[...]` (one value per row).
/// Stable for any finite logit (±1000 gives exact 0 or −1000·|…| terms, never NaN).
/// Backward: `dl = g·(t − σ(l))`, `dt = g·l`. The forward keeps `e^−|l|` so the backward
/// needs no further exponentials.
public func bernoulliLogLikelihood(logits: Tensor, targets: Tensor) -> Tensor {
    precondition(logits.shape == targets.shape,
                 "bernoulliLogLikelihood: logits \(logits.label) and targets \(targets.label) differ")
    precondition(logits.rank >= 1, "bernoulliLogLikelihood: needs rank ≥ 1, got \(logits.label)")
    Denormals.ensureFlushed()
    let d = logits.shape[logits.rank - 1]
    let rows = logits.count / Swift.max(d, 1)
    let l = logits.storage.pointer, t = targets.storage.pointer
    let saved = TensorStorage(uninitializedCount: logits.count)
    let e = saved.pointer
    VectorMath.exp(negativeAbsoluteOf: l, into: e, count: logits.count)
    // Per-element terms in one vectorized pass, then vectorized row sums.
    let terms = TensorStorage(uninitializedCount: logits.count)
    let tp = terms.pointer
    for k in 0..<logits.count { tp[k] = t[k] * l[k] - Swift.max(l[k], 0) - VectorMath.log1pSmall(e[k]) }
    let s = TensorStorage(uninitializedCount: rows)
    for r in 0..<rows { s.pointer[r] = Summation.sum(tp + r * d, count: d) }
    return Tensor.result(shape: Array(logits.shape.dropLast()), storage: s, parents: [logits, targets]) { _, g in
        let gp = g.storage.pointer
        logits.accumulateGradient { out, acc in
            for r in 0..<rows {
                let gr = gp[r]
                let lr = l + r * d, tr = t + r * d, er = e + r * d, o = out + r * d
                for j in 0..<d {
                    // σ(l) = 1/(1+e^−|l|) for l ≥ 0, e^−|l|/(1+e^−|l|) for l < 0.
                    let q = 1 / (1 + er[j])
                    let sigma = lr[j] >= 0 ? q : er[j] * q
                    let v = gr * (tr[j] - sigma)
                    o[j] = acc ? o[j] + v : v
                }
            }
        }
        targets.accumulateGradient { out, acc in
            for r in 0..<rows {
                let gr = gp[r]
                for j in 0..<d { let k = r * d + j; out[k] = acc ? out[k] + gr * l[k] : gr * l[k] }
            }
        }
        withExtendedLifetime(saved) {}
    }
}
