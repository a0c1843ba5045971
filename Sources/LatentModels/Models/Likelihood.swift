import Foundation
import Tensors
import PortableMath

/// The observation model `p(x | z)` that turns the decoder's output into a log-likelihood.
public protocol Likelihood: AnyObject {
    /// `log p(x | decoder output)` summed over features → `[n]`.
    func logLikelihood(_ x: Tensor, output: Tensor) -> Tensor
    /// The distribution's mean `E[x | z]` (what reconstructions and samples show).
    func mean(_ output: Tensor) -> Tensor
}

/// Bernoulli pixels: the decoder outputs logits (binarized images).
public final class BernoulliLikelihood: Likelihood {
    public init() {}

    public func logLikelihood(_ x: Tensor, output: Tensor) -> Tensor {
        Bernoulli(logits: output).logLikelihood(x)
    }

    public func mean(_ output: Tensor) -> Tensor { output.sigmoid() }
}

/// Gaussian features `N(x; decoder output, σ²)` with a fixed variance, or a learned
/// per-feature log-variance `<scope>.logVariance: [D]` (starting at 0) shared across `z`.
public final class GaussianLikelihood: Likelihood {
    public enum Variance: Codable, Hashable, Sendable {
        case fixed(standardDeviation: Float)
        case learned
    }

    public let logVariance: Tensor
    public let variance: Variance

    public init(features: Int, variance: Variance, scope: ParameterScope) {
        self.variance = variance
        switch variance {
        case .fixed(let sd):
            precondition(sd > 0, "GaussianLikelihood: standard deviation must be positive, got \(sd)")
            logVariance = .full(2 * PortableMath.log(sd), [features])
        case .learned:
            logVariance = scope.register("logVariance", .zeros([features]))
        }
    }

    public func logLikelihood(_ x: Tensor, output: Tensor) -> Tensor {
        gaussianLogDensity(x: x, mean: output, logVariance: logVariance)
    }

    public func mean(_ output: Tensor) -> Tensor { output }
}
