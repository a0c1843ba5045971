import Tensors

/// Categorical distributions over `K` classes from unnormalized logits `[n, K]` (or `[K]`).
public struct Categorical {
    public let logits: Tensor

    public init(logits: Tensor) { self.logits = logits }

    /// A categorical with probabilities `p` (must be positive).
    public init(probabilities: Tensor) { logits = probabilities.log() }

    public var classCount: Int { logits.shape[logits.rank - 1] }

    /// `log p_k = l_k − logSumExp(l)`, same shape as the logits.
    public var logProbabilities: Tensor { logits.logSoftmax(axis: -1) }

    /// Probabilities (softmax of the logits).
    public var probabilities: Tensor { logits.softmax(axis: -1) }

    /// `log p(k_i)` for one class index per row → `[n]`.
    public func logProbability(of classes: [Int]) -> Tensor {
        let k = classCount
        let rows = logits.rank == 1 ? 1 : logits.shape[0]
        precondition(classes.count == rows, "Categorical.logProbability: \(classes.count) classes for \(rows) rows")
        let flat = logProbabilities.reshaped([rows * k, 1])
        return flat.rows(classes.enumerated().map { $0.offset * k + $0.element }).reshaped([rows])
    }

    /// Entropy `−Σ_k p_k log p_k` → `[n]` (or `[]` for a single distribution).
    public func entropy() -> Tensor {
        let lp = logProbabilities
        return -(lp.exp() * lp).sum(axis: -1)
    }

    /// One class per row (no gradient).
    public func sample(rng: RandomGenerator) -> [Int] { rng.categorical(logits: logits) }
}
