/// Reparameterized Gaussian sample `z = μ + e^{v/2} ⊙ ε`.
///
/// `mean`, `logVariance` (v) and `noise` (ε ~ N(0, I), e.g. `rng.normal(shape:)`) share one
/// shape. Backward: `dμ = g`, `dv = ½·g·e^{v/2}·ε`, `dε = g·e^{v/2}`.
public func reparameterize(mean: Tensor, logVariance: Tensor, noise: Tensor) -> Tensor {
    precondition(mean.shape == logVariance.shape && mean.shape == noise.shape,
                 "reparameterize: mean \(mean.label), logVariance \(logVariance.label) and noise \(noise.label) differ")
    Denormals.ensureFlushed()
    let n = mean.count
    let pm = mean.storage.pointer, pv = logVariance.storage.pointer, pe = noise.storage.pointer
    let saved = TensorStorage(uninitializedCount: n)
    let sd = saved.pointer
    VectorMath.exp(pv, scale: 0.5, into: sd, count: n)
    let s = TensorStorage(uninitializedCount: n)
    for i in 0..<n { s.pointer[i] = pm[i] + sd[i] * pe[i] }
    return Tensor.result(shape: mean.shape, storage: s, parents: [mean, logVariance, noise]) { _, g in
        let gp = g.storage.pointer
        mean.accumulateGradient(g)
        logVariance.accumulateGradient { out, acc in
            for i in 0..<n { let v = 0.5 * gp[i] * sd[i] * pe[i]; out[i] = acc ? out[i] + v : v }
        }
        noise.accumulateGradient { out, acc in
            for i in 0..<n { let v = gp[i] * sd[i]; out[i] = acc ? out[i] + v : v }
        }
        withExtendedLifetime(saved) {}
    }
}
