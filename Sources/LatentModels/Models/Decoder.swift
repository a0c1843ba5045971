import Tensors

/// The generative network `p(x | z[, y])`: an MLP from the latent (plus the condition, for
/// a conditional VAE) to the parameters of a `Likelihood`.
///
/// Parameters: `<scope>.layer<i>` (and the likelihood's own, e.g. `<scope>.logVariance`).
public final class Decoder {
    public let network: MLP
    public let likelihood: any Likelihood
    public let conditionCount: Int

    public init(latent: Int, hidden: [Int], outputs: Int, likelihood: any Likelihood, activation: Activation = .relu,
                conditionCount: Int = 0, initialization: WeightInitialization? = nil,
                rng: RandomGenerator, scope: ParameterScope) {
        self.likelihood = likelihood
        self.conditionCount = conditionCount
        network = MLP(sizes: [latent + conditionCount] + hidden + [outputs], activation: activation,
                      initialization: initialization, rng: rng, scope: scope)
    }

    /// The likelihood parameters (logits or means) for `z: [n, d]` → `[n, D]`.
    public func callAsFunction(_ z: Tensor, condition: Tensor? = nil) -> Tensor {
        network(ConditionalInput.join(z, condition, expected: conditionCount, in: "decoder"))
    }

    /// `log p(x | z, y)` → `[n]`.
    public func logLikelihood(_ x: Tensor, given z: Tensor, condition: Tensor? = nil) -> Tensor {
        likelihood.logLikelihood(x, output: self(z, condition: condition))
    }

    /// `E[x | z, y]` → `[n, D]`.
    public func mean(_ z: Tensor, condition: Tensor? = nil) -> Tensor {
        likelihood.mean(self(z, condition: condition))
    }
}
