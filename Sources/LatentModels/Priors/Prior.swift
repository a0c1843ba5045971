import Tensors

/// A prior `p(z)` over the latent space.
///
/// Every prior answers `log p(z)` for `z: [n, d]` → `[n]` (differentiable, also with respect
/// to its own parameters) and draws samples. Priors with a closed-form KL from a diagonal
/// Gaussian posterior also answer `analyticKL`; the ELBO uses it when asked
/// (`KLEstimator.analytic`) and falls back to Monte Carlo otherwise.
public protocol Prior: AnyObject {
    /// Latent dimension `d`.
    var dimension: Int { get }
    /// `log p(z)` → `[n]`.
    func logDensity(_ z: Tensor) -> Tensor
    /// `count` samples `[count, d]` (no gradient).
    func sample(count: Int, rng: RandomGenerator) -> Tensor
    /// `KL(q ‖ p)` per dimension `[n, d]` in closed form, or nil if there is none.
    func analyticKLPerDimension(from posterior: DiagonalGaussian) -> Tensor?
    /// `KL(q ‖ p)` → `[n]` in closed form, or nil if there is none.
    func analyticKL(from posterior: DiagonalGaussian) -> Tensor?
    /// Whether `analyticKL` answers (the default: false).
    var hasAnalyticKL: Bool { get }
}

extension Prior {
    public func analyticKLPerDimension(from posterior: DiagonalGaussian) -> Tensor? { nil }
    public func analyticKL(from posterior: DiagonalGaussian) -> Tensor? {
        analyticKLPerDimension(from: posterior)?.sum(axis: -1)
    }
    public var hasAnalyticKL: Bool { false }
}
