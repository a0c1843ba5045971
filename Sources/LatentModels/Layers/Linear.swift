import Tensors

/// A fully connected layer `y = activation(x·W + b)`.
///
/// Shapes: `x: [batch, inputs]`, `W: [inputs, outputs]`, `b: [outputs]`. Runs as one fused
/// `Tensors.linear` call (GEMM + bias + activation). The weight and bias are registered in
/// the model's `ParameterStore` as `<scope>.weight` and `<scope>.bias`.
public final class Linear {
    public let weight: Tensor
    public let bias: Tensor
    public let activation: Activation
    /// The parameter path prefix, e.g. `encoder.hidden0`.
    public let path: String

    public var inputCount: Int { weight.shape[0] }
    public var outputCount: Int { weight.shape[1] }

    /// A layer with weights drawn from `rng` and registered under `scope`.
    public init(_ inputs: Int, _ outputs: Int, activation: Activation = .identity,
                initialization: WeightInitialization? = nil, rng: RandomGenerator, scope: ParameterScope) {
        precondition(inputs > 0 && outputs > 0, "Linear \(scope.prefix): sizes must be positive, got \(inputs)→\(outputs)")
        let initialization = initialization ?? .recommended(for: activation)
        let (w, b) = initialization.initialValues(fanIn: inputs, fanOut: outputs, rng: rng)
        weight = scope.register("weight", w)
        bias = scope.register("bias", b)
        self.activation = activation
        path = scope.prefix
    }

    /// `activation(x·W + b)` for `x: [batch, inputs]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank == 2 && x.shape[1] == inputCount,
                     "Linear '\(path)': expected input [batch, \(inputCount)], got \(x.shape)")
        return linear(x, weight: weight, bias: bias, activation: activation)
    }
}
