/// Element-wise `+ - * /` with NumPy broadcasting.
///
/// Shapes align from the trailing dimension; each pair must be equal or contain 1
/// (`[128, 300] + [300]`, `[128, 10] * [128, 1]`, `[] - [3, 4]`). The result has the
/// broadcast shape; the backward sums the gradient over the broadcast axes.
/// Incompatible shapes stop with a precondition naming the op and both shapes.
protocol BinaryFunction {
    static var symbol: String { get }
    static func apply(_ a: Float, _ b: Float) -> Float
}

enum AddFunction: BinaryFunction {
    static let symbol = "+"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
}
enum SubtractFunction: BinaryFunction {
    static let symbol = "-"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
}
enum MultiplyFunction: BinaryFunction {
    static let symbol = "*"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
}
enum DivideFunction: BinaryFunction {
    static let symbol = "/"
    @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
}

/// Computes `F(a, b)` over the broadcast shape into `out`.
@inline(__always)
func broadcastApply<F: BinaryFunction>(_: F.Type, _ a: UnsafePointer<Float>, _ sa: [Int],
                                       _ b: UnsafePointer<Float>, _ sb: [Int],
                                       shape: [Int], into out: UnsafeMutablePointer<Float>) {
    BroadcastLoop.rows(shape: shape, stridesA: sa, stridesB: sb) { o, ia, innerA, ib, innerB, n in
        let pa = a + ia, pb = b + ib, po = out + o
        if innerA == 1 && innerB == 1 {
            for j in 0..<n { po[j] = F.apply(pa[j], pb[j]) }
        } else if innerA == 1 {
            let vb = pb[0]
            for j in 0..<n { po[j] = F.apply(pa[j], vb) }
        } else if innerB == 1 {
            let va = pa[0]
            for j in 0..<n { po[j] = F.apply(va, pb[j]) }
        } else {
            let v = F.apply(pa[0], pb[0])
            for j in 0..<n { po[j] = v }
        }
    }
}

extension Tensor {
    /// Shared forward and backward of the four arithmetic operators.
    static func binary<F: BinaryFunction>(_ f: F.Type, _ a: Tensor, _ b: Tensor) -> Tensor {
        Denormals.ensureFlushed()
        let shape: [Int]
        if a.shape == b.shape { shape = a.shape } else {
            guard let s = Shape.broadcast(a.shape, b.shape) else {
                preconditionFailure("\(F.symbol): shapes \(a.label) and \(b.label) do not broadcast")
            }
            shape = s
        }
        let sa = Shape.broadcastStrides(a.shape, to: shape), sb = Shape.broadcastStrides(b.shape, to: shape)
        let storage = TensorStorage(uninitializedCount: Shape.count(shape))
        if a.shape == b.shape {
            let pa = a.storage.pointer, pb = b.storage.pointer, po = storage.pointer
            for i in 0..<storage.count { po[i] = F.apply(pa[i], pb[i]) }
        } else {
            broadcastApply(F.self, a.storage.pointer, sa, b.storage.pointer, sb, shape: shape, into: storage.pointer)
        }
        return result(shape: shape, storage: storage, parents: [a, b]) { _, g in
            binaryBackward(F.self, a, b, shape: shape, gradient: g)
        }
    }

    /// Partial derivatives: d(a±b) = g, ±g; d(a·b) = g·b, g·a; d(a/b) = g/b, −g·a/b².
    /// Each local gradient is formed over the broadcast shape, then summed down to the
    /// parent's shape (or added directly when the shapes agree).
    static func binaryBackward<F: BinaryFunction>(_: F.Type, _ a: Tensor, _ b: Tensor, shape: [Int], gradient g: Tensor) {
        let sa = Shape.broadcastStrides(a.shape, to: shape), sb = Shape.broadcastStrides(b.shape, to: shape)
        let sg = Shape.strides(shape)
        let n = Shape.count(shape)
        let gp = UnsafePointer(g.storage.pointer)
        for (index, parent) in [a, b].enumerated() where parent.needsGrad {
            let local: TensorStorage
            if F.self == AddFunction.self || (F.self == SubtractFunction.self && index == 0) {
                local = g.storage
            } else if F.self == SubtractFunction.self {
                local = TensorStorage(uninitializedCount: n)
                for i in 0..<n { local.pointer[i] = -gp[i] }
            } else if F.self == MultiplyFunction.self {
                local = TensorStorage(uninitializedCount: n)
                let other = index == 0 ? b : a
                broadcastApply(MultiplyFunction.self, gp, sg, other.storage.pointer, index == 0 ? sb : sa,
                               shape: shape, into: local.pointer)
            } else {
                local = TensorStorage(uninitializedCount: n)
                broadcastApply(DivideFunction.self, gp, sg, b.storage.pointer, sb, shape: shape, into: local.pointer)
                if index == 1 {
                    // −(g/b)·(a/b)
                    let q = TensorStorage(uninitializedCount: n)
                    broadcastApply(DivideFunction.self, a.storage.pointer, sa, b.storage.pointer, sb, shape: shape, into: q.pointer)
                    for i in 0..<n { local.pointer[i] = -local.pointer[i] * q.pointer[i] }
                }
            }
            let lp = local.pointer
            parent.accumulateGradient { out, accumulate in
                if parent.shape == shape {
                    if accumulate { for i in 0..<n { out[i] += lp[i] } } else { out.update(from: lp, count: n) }
                } else {
                    BroadcastLoop.reduceSum(lp, from: shape, to: parent.shape, into: out, accumulate: accumulate)
                }
            }
        }
    }

    /// Element-wise sum with broadcasting.
    public static func + (a: Tensor, b: Tensor) -> Tensor { binary(AddFunction.self, a, b) }
    /// Element-wise difference with broadcasting.
    public static func - (a: Tensor, b: Tensor) -> Tensor { binary(SubtractFunction.self, a, b) }
    /// Element-wise product with broadcasting.
    public static func * (a: Tensor, b: Tensor) -> Tensor { binary(MultiplyFunction.self, a, b) }
    /// Element-wise quotient with broadcasting (x/0 follows IEEE: ±inf or NaN).
    public static func / (a: Tensor, b: Tensor) -> Tensor { binary(DivideFunction.self, a, b) }

    public static func + (a: Tensor, b: Float) -> Tensor { a.affine(scale: 1, shift: b) }
    public static func + (a: Float, b: Tensor) -> Tensor { b.affine(scale: 1, shift: a) }
    public static func - (a: Tensor, b: Float) -> Tensor { a.affine(scale: 1, shift: -b) }
    public static func - (a: Float, b: Tensor) -> Tensor { b.affine(scale: -1, shift: a) }
    public static func * (a: Tensor, b: Float) -> Tensor { a.affine(scale: b, shift: 0) }
    public static func * (a: Float, b: Tensor) -> Tensor { b.affine(scale: a, shift: 0) }
    public static func / (a: Tensor, b: Float) -> Tensor { a.affine(scale: 1 / b, shift: 0) }
    public static func / (a: Float, b: Tensor) -> Tensor { Tensor(a) / b }
    /// Negation.
    public static prefix func - (a: Tensor) -> Tensor { a.affine(scale: -1, shift: 0) }

    /// `scale · x + shift`, element-wise (the scalar-operand forms of the operators).
    public func affine(scale: Float, shift: Float) -> Tensor {
        Denormals.ensureFlushed()
        let n = count
        let s = TensorStorage(uninitializedCount: n)
        let x = storage.pointer, y = s.pointer
        for i in 0..<n { y[i] = scale * x[i] + shift }
        return Tensor.result(shape: shape, storage: s, parents: [self]) { _, g in
            let gp = g.storage.pointer
            self.accumulateGradient { out, acc in
                if acc { for i in 0..<n { out[i] += scale * gp[i] } } else { for i in 0..<n { out[i] = scale * gp[i] } }
            }
        }
    }
}
