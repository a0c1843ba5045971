/// The fused affine layer `y = activation(x · W + b)`.
///
/// Shapes: `x: [batch, in]`, `weight: [in, out]` (stored input-major so the forward is a
/// plain GEMM), `bias: [out]`, `y: [batch, out]`. Forward: the output is pre-filled with the
/// bias, one GEMM adds `x·W` onto it (`beta = 1`), then one pass applies the activation in
/// place. Backward: `dz = dy ⊙ act'(y)` (from the
/// output alone), `dW += xᵀ·dz`, `db += Σ_rows dz`, `dx += dz·Wᵀ` — GEMMs with transpose
/// flags, accumulating straight into the gradient buffers; `dx` is skipped when `x`
/// needs no gradient (the data batch).
public func linear(_ x: Tensor, weight: Tensor, bias: Tensor?, activation: Activation = .identity) -> Tensor {
    precondition(x.rank == 2 && weight.rank == 2 && x.shape[1] == weight.shape[0],
                 "linear: input \(x.label) does not match weight \(weight.label)")
    let (batch, inputs, outputs) = (x.shape[0], x.shape[1], weight.shape[1])
    if let bias {
        precondition(bias.count == outputs, "linear: bias \(bias.label) does not match weight \(weight.label)")
    }
    Denormals.ensureFlushed()
    let blas = OpenBLAS.shared
    let s = TensorStorage(uninitializedCount: batch * outputs)
    // Pre-filling C with the bias and using beta = 1 folds the bias add into the GEMM and
    // spares OpenBLAS its separate C-zeroing pass.
    if let bias {
        for r in 0..<batch { (s.pointer + r * outputs).update(from: bias.storage.pointer, count: outputs) }
    }
    blas.gemm(transposeA: false, transposeB: false, m: batch, n: outputs, k: inputs,
              a: x.storage.pointer, lda: inputs, b: weight.storage.pointer, ldb: outputs,
              beta: bias == nil ? 0 : 1, c: s.pointer, ldc: outputs)
    applyBiasAndActivation(s.pointer, rows: batch, columns: outputs, bias: nil, activation)
    let parents = bias.map { [x, weight, $0] } ?? [x, weight]
    return Tensor.result(shape: [batch, outputs], storage: s, parents: parents) { output, g in
        // dz = dy ⊙ act'(y); reuse dy when the activation is the identity.
        var dzStorage: TensorStorage? = nil
        let dz: UnsafePointer<Float>
        if activation == .identity {
            dz = UnsafePointer(g.storage.pointer)
        } else {
            let t = TensorStorage(uninitializedCount: batch * outputs)
            activationBackward(g.storage.pointer, output: output.storage.pointer, into: t.pointer,
                               count: batch * outputs, activation)
            dzStorage = t
            dz = UnsafePointer(t.pointer)
        }
        weight.accumulateGradient { out, acc in
            blas.gemm(transposeA: true, transposeB: false, m: inputs, n: outputs, k: batch,
                      a: x.storage.pointer, lda: inputs, b: dz, ldb: outputs,
                      beta: acc ? 1 : 0, c: out, ldc: outputs)
        }
        bias?.accumulateGradient { out, acc in
            if !acc { out.update(repeating: 0, count: outputs) }
            for r in 0..<batch {
                let row = dz + r * outputs
                for j in 0..<outputs { out[j] += row[j] }
            }
        }
        x.accumulateGradient { out, acc in
            blas.gemm(transposeA: false, transposeB: true, m: batch, n: inputs, k: outputs,
                      a: dz, lda: outputs, b: weight.storage.pointer, ldb: outputs,
                      beta: acc ? 1 : 0, c: out, ldc: inputs)
        }
        withExtendedLifetime(dzStorage) {}
    }
}

/// `z[r, j] = act(z[r, j] + bias[j])`, one pass, specialized per activation so each inner
/// loop is branch-free.
func applyBiasAndActivation(_ z: UnsafeMutablePointer<Float>, rows: Int, columns: Int,
                            bias: UnsafePointer<Float>?, _ activation: Activation) {
    @inline(__always)
    func run<F: UnaryFunction>(_ f: F) {
        for r in 0..<rows {
            let row = z + r * columns
            if let bias {
                for j in 0..<columns { row[j] = f.value(row[j] + bias[j]) }
            } else {
                for j in 0..<columns { row[j] = f.value(row[j]) }
            }
        }
    }
    switch activation {
    case .identity:
        if let bias { for r in 0..<rows { let row = z + r * columns; for j in 0..<columns { row[j] += bias[j] } } }
    case .relu: run(ReLUFunction())
    case .sigmoid: run(SigmoidFunction())
    case .tanh: run(TanhFunction())
    case .softplus: run(SoftplusFunction())
    case .leakyReLU(let s): run(LeakyReLUFunction(slope: s))
    case .elu(let a): run(ELUFunction(alpha: a))
    }
}

/// `dz = dy ⊙ act'(y)` from the activation's output `y`.
///
/// Both operands are loaded before the select (`let g = dy[i]`), so the select does not
/// hide a conditional load and the loops vectorize.
func activationBackward(_ dy: UnsafePointer<Float>, output y: UnsafePointer<Float>,
                        into dz: UnsafeMutablePointer<Float>, count n: Int, _ activation: Activation) {
    switch activation {
    case .identity: dz.update(from: dy, count: n)
    case .relu: for i in 0..<n { let g = dy[i], v = y[i]; dz[i] = v > 0 ? g : 0 }
    case .sigmoid: for i in 0..<n { dz[i] = dy[i] * y[i] * (1 - y[i]) }
    case .tanh: for i in 0..<n { dz[i] = dy[i] * (1 - y[i] * y[i]) }
    case .leakyReLU(let s): for i in 0..<n { let g = dy[i], v = y[i]; dz[i] = v > 0 ? g : s * g }
    case .elu(let a): for i in 0..<n { let g = dy[i], v = y[i]; dz[i] = v > 0 ? g : g * (v + a) }
    case .softplus, _: for i in 0..<n { dz[i] = dy[i] * activation.derivative(y: y[i]) }
    }
}
