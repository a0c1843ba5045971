import Foundation
import PortableMath

/// Reductions over one axis or over all elements: `sum`, `mean`, `max`, `logSumExp`.
///
/// Over an axis of shape `[..., n, ...]` the result drops that axis (or keeps it as 1 with
/// `keepingDimension: true`). Over all elements the result is a scalar `[]`.
extension Tensor {
    /// Reduces along `axis` with `kernel(input, outer, length, inner, output)`; shared plumbing.
    private func reduced(axis: Int, keepingDimension: Bool, op: String,
                         _ kernel: (UnsafePointer<Float>, Int, Int, Int, UnsafeMutablePointer<Float>) -> Void)
        -> (shape: [Int], storage: TensorStorage, axis: Int, outer: Int, length: Int, inner: Int) {
        Denormals.ensureFlushed()
        let a = Shape.axis(axis, rank: rank, op: op, shape: shape)
        let (outer, length, inner) = Shape.split(shape, at: a)
        var outShape = shape
        if keepingDimension { outShape[a] = 1 } else { outShape.remove(at: a) }
        let s = TensorStorage(uninitializedCount: outer * inner)
        kernel(storage.pointer, outer, length, inner, s.pointer)
        return (outShape, s, a, outer, length, inner)
    }

    /// Σ over all elements → scalar `[]`.
    public func sum() -> Tensor {
        reshaped([count]).sum(axis: 0)
    }

    /// Mean over all elements → scalar `[]` (NaN for an empty tensor).
    public func mean() -> Tensor { sum() * (1 / Float(count)) }

    /// Σ along `axis` (negative counts from the end).
    public func sum(axis: Int, keepingDimension: Bool = false) -> Tensor {
        let r = reduced(axis: axis, keepingDimension: keepingDimension, op: "sum") { x, outer, n, inner, y in
            for o in 0..<outer {
                let yo = y + o * inner
                if inner == 1 {
                    yo[0] = Summation.sum(x + o * n, count: n)
                } else {
                    yo.update(repeating: 0, count: inner)
                    for j in 0..<n {
                        let row = x + (o * n + j) * inner
                        for i in 0..<inner { yo[i] += row[i] }
                    }
                }
            }
        }
        let (outer, n, inner) = (r.outer, r.length, r.inner)
        return Tensor.result(shape: r.shape, storage: r.storage, parents: [self]) { _, g in
            let gp = g.storage.pointer
            self.accumulateGradient { out, acc in
                for o in 0..<outer {
                    for j in 0..<n {
                        let dst = out + (o * n + j) * inner, src = gp + o * inner
                        if acc { for i in 0..<inner { dst[i] += src[i] } } else { dst.update(from: src, count: inner) }
                    }
                }
            }
        }
    }

    /// Mean along `axis`.
    public func mean(axis: Int, keepingDimension: Bool = false) -> Tensor {
        let a = Shape.axis(axis, rank: rank, op: "mean", shape: shape)
        return sum(axis: a, keepingDimension: keepingDimension) * (1 / Float(shape[a]))
    }

    /// Maximum along `axis`; the gradient goes to the first maximal element. NaN propagates.
    public func max(axis: Int, keepingDimension: Bool = false) -> Tensor {
        var argmax: [Int] = []
        let r = reduced(axis: axis, keepingDimension: keepingDimension, op: "max") { x, outer, n, inner, y in
            precondition(n > 0, "max: empty axis in shape \(shape)")
            argmax = [Int](repeating: 0, count: outer * inner)
            for o in 0..<outer {
                for i in 0..<inner {
                    var best = x[o * n * inner + i], bestJ = 0
                    for j in 1..<Swift.max(n, 1) {
                        let v = x[(o * n + j) * inner + i]
                        if v > best || (v.isNaN && !best.isNaN) { best = v; bestJ = j }
                    }
                    y[o * inner + i] = best
                    argmax[o * inner + i] = bestJ
                }
            }
        }
        let (outer, n, inner) = (r.outer, r.length, r.inner)
        return Tensor.result(shape: r.shape, storage: r.storage, parents: [self]) { _, g in
            let gp = g.storage.pointer
            self.accumulateGradient { out, acc in
                if !acc { out.update(repeating: 0, count: outer * n * inner) }
                for o in 0..<outer {
                    for i in 0..<inner { out[(o * n + argmax[o * inner + i]) * inner + i] += gp[o * inner + i] }
                }
            }
        }
    }

    /// Maximum over all elements → scalar.
    public func max() -> Tensor { reshaped([count]).max(axis: 0) }

    /// `log Σ exp(x)` along `axis`, computed as `m + log Σ exp(x − m)` with `m = max x`.
    ///
    /// Stable for very large and very negative inputs (`logSumExp([−1000, −1000]) =
    /// −1000 + log 2`). If every element is −inf the result is −inf with zero gradient;
    /// +inf gives +inf. Gradient: `softmax(x) = exp(x − lse)`.
    public func logSumExp(axis: Int, keepingDimension: Bool = false) -> Tensor {
        let r = reduced(axis: axis, keepingDimension: keepingDimension, op: "logSumExp") { x, outer, n, inner, y in
            for o in 0..<outer {
                for i in 0..<inner {
                    var m = -Float.infinity
                    for j in 0..<n { m = Swift.max(m, x[(o * n + j) * inner + i]) }
                    if !m.isFinite { y[o * inner + i] = n == 0 ? -.infinity : m; continue }
                    var s: Float = 0
                    for j in 0..<n { s += PortableMath.exp(x[(o * n + j) * inner + i] - m) }
                    y[o * inner + i] = m + PortableMath.log(s)
                }
            }
        }
        let (outer, n, inner) = (r.outer, r.length, r.inner)
        let x = storage.pointer
        return Tensor.result(shape: r.shape, storage: r.storage, parents: [self]) { output, g in
            let gp = g.storage.pointer, lse = output.storage.pointer
            self.accumulateGradient { out, acc in
                for o in 0..<outer {
                    for i in 0..<inner {
                        let l = lse[o * inner + i], go = gp[o * inner + i]
                        for j in 0..<n {
                            let k = (o * n + j) * inner + i
                            let d = l == -.infinity ? 0 : go * PortableMath.exp(x[k] - l)
                            out[k] = acc ? out[k] + d : d
                        }
                    }
                }
            }
        }
    }

    /// `log Σ exp(x)` over all elements → scalar.
    public func logSumExp() -> Tensor { reshaped([count]).logSumExp(axis: 0) }

    /// `x − logSumExp(x)` along `axis` (log-probabilities from logits).
    public func logSoftmax(axis: Int) -> Tensor {
        self - logSumExp(axis: axis, keepingDimension: true)
    }

    /// `exp(logSoftmax(x))` along `axis`.
    public func softmax(axis: Int) -> Tensor { logSoftmax(axis: axis).exp() }
}
