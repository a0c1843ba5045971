import Tensors

/// GEMM throughput at the shapes of a 784-300-300 VAE at batch 128, forward and backward.
enum MatmulBenchmark {
    /// (m, k, n, transposeA, transposeB) of `C[m,n] = op(A)·op(B)`.
    static let cases: [(Int, Int, Int, Bool, Bool)] = [
        (128, 784, 300, false, false),  // encoder hidden forward
        (128, 300, 300, false, false),  // hidden-hidden forward
        (128, 300, 784, false, false),  // decoder output forward
        (784, 128, 300, true, false),   // dW = xᵀ·dz, encoder input layer
        (300, 128, 300, true, false),   // dW, hidden-hidden
        (300, 128, 784, true, false),   // dW, decoder output
        (128, 300, 784, false, true),   // dx = dz·Wᵀ, encoder input layer
        (128, 300, 300, false, true),   // dx, hidden-hidden
        (128, 784, 300, false, true),   // dx, decoder output
    ]

    static func runAll(repeats: Int, seconds: Double) {
        let rng = RandomGenerator(seed: 1)
        let core = OpenBLAS.shared.coreName, threads = OpenBLAS.shared.threadCount
        for (m, k, n, ta, tb) in cases {
            let a = rng.normal(shape: ta ? [k, m] : [m, k])
            let b = rng.normal(shape: tb ? [n, k] : [k, n])
            let perCall = medianSecondsPerCall(repeats: repeats, seconds: seconds) {
                _ = withNoGrad { matmul(a, b, transposeA: ta, transposeB: tb) }
            }
            let gflops = 2 * Double(m * n * k) / perCall / 1e9
            print("bench=matmul m=\(m) k=\(k) n=\(n) trans=\(ta ? "T" : "N")\(tb ? "T" : "N") "
                  + "gflops=\(String(format: "%.1f", gflops)) core=\(core) threads=\(threads)")
        }
    }
}
