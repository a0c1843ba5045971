import Foundation
import PortableMath

/// A finite mixture Σₖ πₖ N(μₖ, diag(σₖ²)) of diagonal Gaussians in `Double`: the scalar
/// precision of `GaussianMixture` (Float32 tensors, for training), for exact studies (the
/// GMVAE prior of `@KLVariance`, the EM fits of `@MixtureFit`); `PrecisionAgreementTests`
/// checks that the two agree.
/// The standard normal prior is the one-component mixture.
public struct NormalMixture: Hashable, Sendable {
    public var components: [DiagonalNormal]
    public var weights: [Double]
    /// log πₖ, cached for the density.
    private var logWeights: [Double]

    /// `weights` nil means uniform 1/K. Weights must be positive and sum to 1 (within 10⁻⁶).
    public init(components: [DiagonalNormal], weights: [Double]? = nil) {
        precondition(!components.isEmpty, "NormalMixture needs at least one component")
        precondition(components.allSatisfy { $0.dimension == components[0].dimension },
                     "NormalMixture: components of different dimensions")
        let weights = weights ?? Array(repeating: 1 / Double(components.count), count: components.count)
        precondition(weights.count == components.count, "NormalMixture: \(weights.count) weights for \(components.count) components")
        precondition(weights.allSatisfy { $0 > 0 } && abs(weights.reduce(0, +) - 1) <= 1e-6,
                     "NormalMixture: weights must be positive and sum to 1, got \(weights)")
        self.components = components
        self.weights = weights
        self.logWeights = weights.map { PortableMath.log($0) }
    }

    public static func standard(dimension: Int) -> NormalMixture {
        NormalMixture(components: [.standard(dimension: dimension)])
    }

    public var dimension: Int { components[0].dimension }

    /// log p(z) = logsumexp over k of [log πₖ + log N(z; μₖ, σₖ²)], stable for points far
    /// from every component (where each density underflows to 0 in linear space).
    public func logDensity(_ z: [Double]) -> Double {
        if components.count == 1 { return components[0].logDensity(z) }
        var terms: [Double] = []
        terms.reserveCapacity(components.count)
        for (k, component) in components.enumerated() {
            terms.append(logWeights[k] + component.logDensity(z))
        }
        return Statistics.logSumExp(terms)
    }

    /// The closed form of KL(q ‖ self) when one exists (a single component); nil otherwise.
    public func analyticKL(from q: DiagonalNormal) -> Double? {
        components.count == 1 ? q.klDivergence(to: components[0]) : nil
    }
}
