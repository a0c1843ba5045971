import Foundation
import Tensors
import PortableMath

/// The standard normal prior `p(z) = N(0, I)` of the original VAE (Kingma & Welling, 2014).
public final class StandardNormalPrior: Prior {
    public let dimension: Int

    public init(dimension: Int) { self.dimension = dimension }

    public var hasAnalyticKL: Bool { true }

    /// `−½ Σⱼ (zⱼ² + log 2π)`.
    public func logDensity(_ z: Tensor) -> Tensor {
        let log2pi = Float(PortableMath.log(2 * Double.pi))
        return (z.squared() + log2pi).sum(axis: -1) * -0.5
    }

    public func sample(count: Int, rng: RandomGenerator) -> Tensor { rng.normal(shape: [count, dimension]) }

    /// `½ (μ² + eᵛ − v − 1)` per dimension.
    public func analyticKLPerDimension(from posterior: DiagonalGaussian) -> Tensor? {
        posterior.klPerDimensionToStandardNormal()
    }

    /// The fused `gaussianKLToStandardNormal` kernel.
    public func analyticKL(from posterior: DiagonalGaussian) -> Tensor? {
        posterior.klToStandardNormal()
    }
}
