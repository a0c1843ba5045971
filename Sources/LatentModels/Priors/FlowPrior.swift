import Foundation
import Tensors
import PortableMath

/// A flow prior: a standard normal pushed through `L` RealNVP affine couplings
/// (Dinh et al., 2017), alternating which half of `z` is transformed.
///
/// `z = f(u)`, `u ~ N(0, I)`, `f = f_{L−1} ∘ … ∘ f₀`, and by change of variables
/// `log p(z) = log N(f⁻¹(z); 0, I) + Σ_l log|det ∂f_l⁻¹|`. Parameters:
/// `<scope>.coupling<l>.layer<i>.{weight,bias}`. Starts as the identity (standard normal).
public final class FlowPrior: Prior {
    public let couplings: [AffineCoupling]
    public let dimension: Int

    public init(dimension: Int, couplings count: Int, hidden: Int = 64, rng: RandomGenerator, scope: ParameterScope) {
        precondition(count > 0, "FlowPrior: needs at least one coupling")
        self.dimension = dimension
        couplings = (0..<count).map { l in
            AffineCoupling(dimension: dimension, hidden: hidden, flipped: l % 2 == 1, rng: rng,
                           scope: scope.scope("coupling\(l)"))
        }
    }

    public func logDensity(_ z: Tensor) -> Tensor {
        var u = z
        var logDet: Tensor? = nil
        for coupling in couplings.reversed() {
            let (next, ld) = coupling.inverse(u)
            u = next
            logDet = logDet.map { $0 + ld } ?? ld
        }
        let log2pi = Float(PortableMath.log(2 * Double.pi))
        let base = (u.squared() + log2pi).sum(axis: -1) * -0.5
        return base + logDet!
    }

    public func sample(count: Int, rng: RandomGenerator) -> Tensor {
        withNoGrad {
            var z = rng.normal(shape: [count, dimension])
            for coupling in couplings { z = coupling.forward(z).0 }
            return z
        }
    }
}
