import Tensors

/// How a `Linear` layer's weights and bias start.
///
/// - `glorotUniform` (Glorot & Bengio, 2010): `W ~ U(±√(6/(fanIn+fanOut)))`, `b = 0`;
///   the default for tanh/sigmoid/identity layers.
/// - `heNormal` (He et al., 2015): `W ~ N(0, 2/fanIn)`, `b = 0`; the default before ReLUs.
/// - `torchDefault`: PyTorch's `nn.Linear` initialisation, `W, b ~ U(±1/√fanIn)`, for
///   side-by-side comparisons with PyTorch references.
public enum WeightInitialization: String, Codable, Hashable, Sendable, CaseIterable {
    case glorotUniform, heNormal, torchDefault

    /// The usual choice for a layer followed by `activation`.
    public static func recommended(for activation: Activation) -> WeightInitialization {
        switch activation {
        case .relu, .leakyReLU, .elu: return .heNormal
        default: return .glorotUniform
        }
    }

    /// Initial weight `[fanIn, fanOut]` and bias `[fanOut]` drawn from `rng`.
    func initialValues(fanIn: Int, fanOut: Int, rng: RandomGenerator) -> (weight: Tensor, bias: Tensor) {
        switch self {
        case .glorotUniform:
            return (rng.glorotUniform(fanIn: fanIn, fanOut: fanOut), .zeros([fanOut]))
        case .heNormal:
            let sd = (2 / Float(fanIn)).squareRoot()
            return (rng.normal(shape: [fanIn, fanOut], standardDeviation: sd), .zeros([fanOut]))
        case .torchDefault:
            let bound = 1 / Float(fanIn).squareRoot()
            return (rng.uniform(shape: [fanIn, fanOut], low: -bound, high: bound),
                    rng.uniform(shape: [fanOut], low: -bound, high: bound))
        }
    }
}
