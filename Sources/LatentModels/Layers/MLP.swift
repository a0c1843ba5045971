import Tensors

/// A multilayer perceptron: a chain of `Linear` layers, the hidden ones with `activation`,
/// the last with `outputActivation`.
///
/// `MLP(sizes: [784, 300, 300, 20], …)` builds `784→300→300→20`; its layers are
/// registered as `<scope>.layer0`, `<scope>.layer1`, ….
public final class MLP {
    public let layers: [Linear]

    /// - Parameters:
    ///   - sizes: input size, hidden sizes…, output size (at least two entries).
    ///   - initialization: nil picks `WeightInitialization.recommended(for:)` per layer.
    public init(sizes: [Int], activation: Activation = .relu, outputActivation: Activation = .identity,
                initialization: WeightInitialization? = nil, rng: RandomGenerator, scope: ParameterScope) {
        precondition(sizes.count >= 2, "MLP \(scope.prefix): needs at least input and output sizes, got \(sizes)")
        layers = (0..<(sizes.count - 1)).map { i in
            let last = i == sizes.count - 2
            let act = last ? outputActivation : activation
            return Linear(sizes[i], sizes[i + 1], activation: act,
                          initialization: initialization ?? .recommended(for: act),
                          rng: rng, scope: scope.scope("layer\(i)"))
        }
    }

    public var inputCount: Int { layers[0].inputCount }
    public var outputCount: Int { layers[layers.count - 1].outputCount }

    /// Applies the layers in order to `x: [batch, inputCount]`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        layers.reduce(x) { h, layer in layer(h) }
    }
}
