/// An optimizer updates its parameters in place from their accumulated gradients.
public protocol Optimizer: AnyObject {
    /// The tensors it updates.
    var parameters: [Tensor] { get }
    /// Applies one update from the current gradients (parameters without a gradient are skipped).
    func step()
}

extension Optimizer {
    /// Drops every parameter's gradient (call before each backward pass).
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// The global L2 norm of the parameters' gradients, `√Σ‖g‖²` (parameters without a gradient count as 0).
public func gradientNorm(_ parameters: [Tensor]) -> Float {
    var total: Double = 0
    for p in parameters {
        guard let g = p.grad else { continue }
        let gp = g.storage.pointer
        total += Double(Summation.sumOfSquares(gp, count: g.count))
    }
    return Float(total.squareRoot())
}

/// Rescales all gradients so their global norm is at most `maxNorm`; returns the norm before
/// clipping. A non-finite norm leaves the gradients unchanged.
@discardableResult
public func clipGradientNorm(_ parameters: [Tensor], maxNorm: Float) -> Float {
    precondition(maxNorm > 0, "clipGradientNorm: maxNorm must be positive, got \(maxNorm)")
    let norm = gradientNorm(parameters)
    if norm > maxNorm, norm.isFinite {
        let scale = maxNorm / (norm + 1e-6)
        for p in parameters {
            guard let g = p.grad else { continue }
            let gp = g.storage.pointer
            for i in 0..<g.count { gp[i] *= scale }
        }
    }
    return norm
}
