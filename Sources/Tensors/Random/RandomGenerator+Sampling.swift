/// Tensors and index sets drawn from a `RandomGenerator`. None of them record gradients.
extension RandomGenerator {
    /// Uniform in `[low, high)`.
    public func uniform(shape: [Int], low: Float = 0, high: Float = 1) -> Tensor {
        Tensor(shape: shape) { out in
            for i in out.indices { out[i] = low + (high - low) * nextFloat() }
        }
    }

    /// Normal with the given mean and standard deviation.
    public func normal(shape: [Int], mean: Float = 0, standardDeviation: Float = 1) -> Tensor {
        Tensor(shape: shape) { out in
            for i in out.indices { out[i] = mean + standardDeviation * nextNormal() }
        }
    }

    /// 1 with probability `p`, else 0, element-wise (`p` clamped to [0, 1]; NaN gives 0).
    public func bernoulli(probabilities: Tensor) -> Tensor {
        Tensor(shape: probabilities.shape) { out in
            probabilities.withUnsafeBufferPointer { p in
                for i in out.indices { out[i] = nextFloat() < p[i] ? 1 : 0 }
            }
        }
    }

    /// One category index per row of `probabilities: [rows, k]` (rows need not be normalized;
    /// each must have a positive finite sum). A vector `[k]` is one row.
    public func categorical(probabilities: Tensor) -> [Int] {
        precondition(probabilities.rank == 1 || probabilities.rank == 2,
                     "categorical: needs [k] or [rows, k], got \(probabilities.shape)")
        let k = probabilities.shape[probabilities.rank - 1]
        let rows = probabilities.count / Swift.max(k, 1)
        return probabilities.withUnsafeBufferPointer { p in
            (0..<rows).map { r in
                var total: Float = 0
                for j in 0..<k { total += Swift.max(p[r * k + j], 0) }
                precondition(total > 0 && total.isFinite, "categorical: row \(r) has no positive finite mass")
                let u = nextFloat() * total
                var acc: Float = 0
                for j in 0..<k {
                    acc += Swift.max(p[r * k + j], 0)
                    if u < acc { return j }
                }
                return (0..<k).last { p[r * k + $0] > 0 } ?? (k - 1)
            }
        }
    }

    /// One category index per row from unnormalized log-probabilities (`softmax(logits)`).
    public func categorical(logits: Tensor) -> [Int] {
        categorical(probabilities: withNoGrad { logits.softmax(axis: -1) })
    }

    /// A uniformly random permutation of `0..<n` (Fisher–Yates).
    public func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, nextInt(below: i + 1)) } }
        return p
    }

    /// Glorot/Xavier uniform initial weights `[fanIn, fanOut]`: `U(±√(6/(fanIn+fanOut)))`.
    public func glorotUniform(fanIn: Int, fanOut: Int) -> Tensor {
        let limit = (6 / Float(fanIn + fanOut)).squareRoot()
        return uniform(shape: [fanIn, fanOut], low: -limit, high: limit)
    }
}
