import Foundation
import PortableMath

/// The activation functions, usable on their own (`x.relu()`) or fused into `linear`.
///
/// Each derivative is expressed through the output `y` where possible so the fused
/// `linear` backward needs only the activation's output:
/// - identity: 1
/// - relu `max(x, 0)`: `y > 0`
/// - leakyReLU(α) `x > 0 ? x : αx`: `y > 0 ? 1 : α`
/// - elu(α) `x > 0 ? x : α(eˣ − 1)`: `y > 0 ? 1 : y + α`
/// - sigmoid `1/(1+e⁻ˣ)`: `y(1 − y)`
/// - tanh: `1 − y²`
/// - softplus `log(1 + eˣ)`: `sigmoid(x) = 1 − e⁻ʸ`
public enum Activation: Sendable, Hashable {
    case identity, relu, sigmoid, tanh, softplus
    case leakyReLU(slope: Float)
    case elu(alpha: Float)

    @inline(__always)
    func value(_ x: Float) -> Float {
        switch self {
        case .identity: return x
        case .relu: return Swift.max(x, 0)
        case .sigmoid: return stableSigmoid(x)
        case .tanh: return PortableMath.tanh(x)
        case .softplus: return stableSoftplus(x)
        case .leakyReLU(let slope): return x > 0 ? x : slope * x
        case .elu(let alpha): return x > 0 ? x : alpha * PortableMath.expm1(x)
        }
    }

    @inline(__always)
    func derivative(y: Float) -> Float {
        switch self {
        case .identity: return 1
        case .relu: return y > 0 ? 1 : 0
        case .sigmoid: return y * (1 - y)
        case .tanh: return 1 - y * y
        case .softplus: return -PortableMath.expm1(-y)
        case .leakyReLU(let slope): return y > 0 ? 1 : slope
        case .elu(let alpha): return y > 0 ? 1 : y + alpha
        }
    }
}

/// `1/(1+e⁻ˣ)` without overflow: for x < 0 uses `eˣ/(1+eˣ)`.
@inline(__always)
func stableSigmoid(_ x: Float) -> Float {
    let e = VectorMath.exp(-Swift.abs(x))
    let q = 1 / (1 + e)
    return x >= 0 ? q : e * q
}

/// `log(1 + eˣ) = max(x, 0) + log1p(e^−|x|)`: exact for large |x|, +inf at +inf, 0 at −inf.
@inline(__always)
func stableSoftplus(_ x: Float) -> Float {
    Swift.max(x, 0) + VectorMath.log1pSmall(VectorMath.exp(-Swift.abs(x)))
}

struct ReLUFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { Swift.max(x, 0) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : 0 }
}
struct SigmoidFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { stableSigmoid(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { y * (1 - y) }
}
struct TanhFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { PortableMath.tanh(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { 1 - y * y }
}
struct SoftplusFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { stableSoftplus(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { stableSigmoid(x) }
}
struct LeakyReLUFunction: UnaryFunction {
    let slope: Float
    @inline(__always) func value(_ x: Float) -> Float { x > 0 ? x : slope * x }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : slope }
}
struct ELUFunction: UnaryFunction {
    let alpha: Float
    @inline(__always) func value(_ x: Float) -> Float { x > 0 ? x : alpha * PortableMath.expm1(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : y + alpha }
}

extension Tensor {
    /// `max(x, 0)`; gradient 1 for x > 0, else 0.
    public func relu() -> Tensor { unary(ReLUFunction()) }
    /// `1/(1+e⁻ˣ)`, computed without overflow; saturates to exactly 0 or 1.
    public func sigmoid() -> Tensor { unary(SigmoidFunction()) }
    /// Hyperbolic tangent.
    public func tanh() -> Tensor { unary(TanhFunction()) }
    /// `log(1 + eˣ)`, stable: `softplus(1000) = 1000`, `softplus(−1000) = 0`, gradient `sigmoid(x)`.
    public func softplus() -> Tensor { unary(SoftplusFunction()) }
    /// `x > 0 ? x : slope·x`.
    public func leakyReLU(slope: Float = 0.01) -> Tensor { unary(LeakyReLUFunction(slope: slope)) }
    /// `x > 0 ? x : α(eˣ − 1)`.
    public func elu(alpha: Float = 1) -> Tensor { unary(ELUFunction(alpha: alpha)) }
    /// Applies `activation` (identity returns `self`).
    public func activated(_ activation: Activation) -> Tensor {
        switch activation {
        case .identity: return self
        case .relu: return relu()
        case .sigmoid: return sigmoid()
        case .tanh: return tanh()
        case .softplus: return softplus()
        case .leakyReLU(let s): return leakyReLU(slope: s)
        case .elu(let a): return elu(alpha: a)
        }
    }
}
