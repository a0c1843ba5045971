/// How the ELBO's `KL(q(z|x) ‖ p(z))` term is computed.
public enum KLEstimator: Codable, Hashable, Sendable {
    /// The closed form where the prior has one (standard normal); for priors without one
    /// (mixture, VampPrior, flow) this falls back to `monteCarlo(samples: 1)`.
    case analytic
    /// `(1/S) Σ_s [log q(z_s|x) − log p(z_s)]`, `z_s ~ q(z|x)` reparameterized; unbiased,
    /// with variance falling as 1/S. Available for every prior, so lessons can compare it
    /// with the analytic value.
    case monteCarlo(samples: Int)

    /// The estimator actually used with `prior`.
    public func resolved(for prior: any Prior) -> KLEstimator {
        if case .analytic = self, !prior.hasAnalyticKL { return .monteCarlo(samples: 1) }
        return self
    }
}
