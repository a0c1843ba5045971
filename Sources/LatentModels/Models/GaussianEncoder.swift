import Tensors

/// The inference network `q(z | x[, y]) = N(μ(x), diag(e^{v(x)}))`: an MLP body followed by
/// one linear head whose `2d` outputs are split into the mean and the log-variance.
///
/// With `conditionCount > 0` (conditional VAE) the condition `y` (a one-hot label) is
/// concatenated to `x`. Parameters: `<scope>.body.layer<i>`, `<scope>.head`.
public final class GaussianEncoder {
    public let body: MLP
    public let head: Linear
    public let inputCount: Int
    public let conditionCount: Int
    public let latentCount: Int

    public init(inputs: Int, hidden: [Int], latent: Int, activation: Activation = .relu, conditionCount: Int = 0,
                initialization: WeightInitialization? = nil, rng: RandomGenerator, scope: ParameterScope) {
        precondition(!hidden.isEmpty, "GaussianEncoder: needs at least one hidden layer")
        inputCount = inputs
        self.conditionCount = conditionCount
        latentCount = latent
        body = MLP(sizes: [inputs + conditionCount] + hidden, activation: activation, outputActivation: activation,
                   initialization: initialization, rng: rng, scope: scope.scope("body"))
        head = Linear(hidden[hidden.count - 1], 2 * latent,
                      initialization: initialization == .torchDefault ? .torchDefault : .glorotUniform,
                      rng: rng, scope: scope.scope("head"))
    }

    /// `q(z | x, y)` for `x: [n, inputs]` and, if conditional, `condition: [n, conditionCount]`.
    public func callAsFunction(_ x: Tensor, condition: Tensor? = nil) -> DiagonalGaussian {
        let input = ConditionalInput.join(x, condition, expected: conditionCount, in: "encoder")
        let out = head(body(input))
        let parts = out.split(parts: 2, axis: 1)
        return DiagonalGaussian(mean: parts[0], logVariance: parts[1])
    }
}

/// Concatenation of a condition to a network input, with shape checks.
enum ConditionalInput {
    static func join(_ x: Tensor, _ condition: Tensor?, expected: Int, in network: String) -> Tensor {
        if expected == 0 {
            precondition(condition == nil, "\(network): got a condition but the model is not conditional")
            return x
        }
        guard let condition else { preconditionFailure("\(network): the conditional model needs a condition [n, \(expected)]") }
        precondition(condition.shape == [x.shape[0], expected],
                     "\(network): condition must be [\(x.shape[0]), \(expected)], got \(condition.shape)")
        return Tensor.concatenate([x, condition], axis: 1)
    }
}
