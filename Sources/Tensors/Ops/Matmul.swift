/// Matrix product through OpenBLAS `cblas_sgemm`, transposes passed as flags.
///
/// `C = op(A) · op(B)` with `op(A): [m, k]`, `op(B): [k, n]`, `C: [m, n]`, where `op(X)` is
/// `Xᵀ` when the flag is set (so `A` is stored `[k, m]`). Transposes are never materialized.
/// Backward (for `C = A·B`): `dA = dC·Bᵀ`, `dB = Aᵀ·dC`, each one GEMM with flags, written
/// straight into (or added onto, `beta = 1`) the parent's gradient buffer; a parent that
/// does not require a gradient costs nothing.
public func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
    a.matmul(b, transposeA: transposeA, transposeB: transposeB)
}

extension Tensor {
    /// `op(self) · op(other)`; see the free function `matmul(_:_:transposeA:transposeB:)`.
    public func matmul(_ other: Tensor, transposeA: Bool = false, transposeB: Bool = false) -> Tensor {
        let a = self, b = other
        precondition(a.rank == 2 && b.rank == 2, "matmul: needs matrices, got \(a.label) and \(b.label)")
        let (m, ka) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        precondition(ka == kb, """
            matmul: inner dimensions differ: \(a.label)\(transposeA ? "ᵀ" : "") · \(b.label)\(transposeB ? "ᵀ" : "") \
            (\(ka) vs \(kb))
            """)
        Denormals.ensureFlushed()
        let blas = OpenBLAS.shared
        let s = TensorStorage(uninitializedCount: m * n)
        blas.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: ka,
                  a: a.storage.pointer, lda: a.shape[1], b: b.storage.pointer, ldb: b.shape[1],
                  beta: 0, c: s.pointer, ldc: n)
        return Tensor.result(shape: [m, n], storage: s, parents: [a, b]) { _, g in
            Tensor.matmulBackward(a, b, transposeA: transposeA, transposeB: transposeB,
                                  gradient: g.storage.pointer, m: m, n: n, k: ka)
        }
    }

    /// Gradients of `C = op(A)·op(B)` given `dC: [m, n]`, accumulated into A and B.
    ///
    /// | flags | dA                | dB                |
    /// |-------|-------------------|-------------------|
    /// | N N   | dC · Bᵀ           | Aᵀ · dC           |
    /// | N T   | dC · B            | dCᵀ · A           |
    /// | T N   | B · dCᵀ           | A · dC            |
    /// | T T   | Bᵀ · dCᵀ          | dCᵀ · Aᵀ          |
    static func matmulBackward(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool,
                               gradient g: UnsafePointer<Float>, m: Int, n: Int, k: Int) {
        let blas = OpenBLAS.shared
        let pa = a.storage.pointer, pb = b.storage.pointer
        let lda = a.shape[1], ldb = b.shape[1]
        a.accumulateGradient { out, acc in
            let beta: Float = acc ? 1 : 0
            if !transposeA {
                // dA [m, k] = dC [m, n] · op(B)ᵀ
                blas.gemm(transposeA: false, transposeB: !transposeB, m: m, n: k, k: n,
                          a: g, lda: n, b: pb, ldb: ldb, beta: beta, c: out, ldc: k)
            } else {
                // dA [k, m] = op(B) · dCᵀ
                blas.gemm(transposeA: transposeB, transposeB: true, m: k, n: m, k: n,
                          a: pb, lda: ldb, b: g, ldb: n, beta: beta, c: out, ldc: m)
            }
        }
        b.accumulateGradient { out, acc in
            let beta: Float = acc ? 1 : 0
            if !transposeB {
                // dB [k, n] = op(A)ᵀ · dC
                blas.gemm(transposeA: !transposeA, transposeB: false, m: k, n: n, k: m,
                          a: pa, lda: lda, b: g, ldb: n, beta: beta, c: out, ldc: n)
            } else {
                // dB [n, k] = dCᵀ · op(A)
                blas.gemm(transposeA: true, transposeB: transposeA, m: n, n: k, k: m,
                          a: g, lda: n, b: pa, ldb: lda, beta: beta, c: out, ldc: k)
            }
        }
    }
}
