import Foundation
import PortableMath

/// An element-wise function with its derivative, written in terms of the input `x` and
/// the output `y` (whichever is cheaper; the backward reuses the forward's output).
protocol UnaryFunction {
    func value(_ x: Float) -> Float
    func derivative(x: Float, y: Float) -> Float
}

extension Tensor {
    /// Shared forward and backward of element-wise functions: `y = f(x)`, `dx = g · f'(x)`.
    func unary<F: UnaryFunction>(_ f: F) -> Tensor {
        Denormals.ensureFlushed()
        let n = count
        let s = TensorStorage(uninitializedCount: n)
        let x = storage.pointer, y = s.pointer
        for i in 0..<n { y[i] = f.value(x[i]) }
        return Tensor.result(shape: shape, storage: s, parents: [self]) { output, g in
            let gp = g.storage.pointer, yp = output.storage.pointer
            self.accumulateGradient { out, acc in
                if acc {
                    for i in 0..<n { out[i] += gp[i] * f.derivative(x: x[i], y: yp[i]) }
                } else {
                    for i in 0..<n { out[i] = gp[i] * f.derivative(x: x[i], y: yp[i]) }
                }
            }
        }
    }
}

struct ExpFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { VectorMath.exp(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { y }
}
struct LogFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { PortableMath.log(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { 1 / x }
}
struct Log1pFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { PortableMath.log1p(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { 1 / (1 + x) }
}
struct SqrtFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { fastSquareRoot(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { 0.5 / y }
}
struct PowFunction: UnaryFunction {
    let exponent: Float
    @inline(__always) func value(_ x: Float) -> Float {
        exponent == 2 ? x * x : PortableMath.pow(x, exponent)
    }
    @inline(__always) func derivative(x: Float, y: Float) -> Float {
        exponent == 2 ? 2 * x : exponent * PortableMath.pow(x, exponent - 1)
    }
}
struct AbsFunction: UnaryFunction {
    @inline(__always) func value(_ x: Float) -> Float { Swift.abs(x) }
    @inline(__always) func derivative(x: Float, y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

extension Tensor {
    /// `eˣ`. Overflows to +inf above ~88.7, underflows to 0 below ~−103; NaN stays NaN.
    public func exp() -> Tensor { unary(ExpFunction()) }
    /// Natural log. `log(0) = −inf`, `log(x < 0) = NaN`, `log(+inf) = +inf`; gradient `1/x`.
    public func log() -> Tensor { unary(LogFunction()) }
    /// `log(1 + x)`, accurate for small `x`. `log1p(−1) = −inf`, `x < −1 → NaN`.
    public func log1p() -> Tensor { unary(Log1pFunction()) }
    /// `√x`; `x < 0 → NaN`, gradient `1/(2√x)` (+inf at 0).
    public func sqrt() -> Tensor { unary(SqrtFunction()) }
    /// `xᵖ` for a scalar exponent; gradient `p·xᵖ⁻¹`. Negative `x` with non-integer `p` → NaN.
    public func pow(_ exponent: Float) -> Tensor { unary(PowFunction(exponent: exponent)) }
    /// `x²`.
    public func squared() -> Tensor { unary(PowFunction(exponent: 2)) }
    /// `|x|`; gradient `sign(x)` (0 at 0).
    public func abs() -> Tensor { unary(AbsFunction()) }
}
