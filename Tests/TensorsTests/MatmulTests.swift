import Testing
@testable import Tensors

/// Matmul through OpenBLAS with transpose flags, and the fused linear layer.
@Suite struct MatmulTests {
    /// Reference `op(A)·op(B)` by triple loop.
    func naive(_ a: Tensor, _ b: Tensor, _ ta: Bool, _ tb: Bool) -> [Float] {
        let at = ta ? a.transposed() : a, bt = tb ? b.transposed() : b
        let (m, k, n) = (at.shape[0], at.shape[1], bt.shape[1])
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { c[i * n + j] += at[i, p] * bt[p, j] } } }
        return c
    }

    static let flags: [(Bool, Bool)] = [(false, false), (false, true), (true, false), (true, true)]

    @Test(arguments: flags)
    func valuesAndGradients(_ flags: (Bool, Bool)) {
        let (ta, tb) = flags
        let (m, k, n) = (3, 4, 5)
        let a = randomTensor(ta ? [k, m] : [m, k], seed: 31)
        let b = randomTensor(tb ? [n, k] : [k, n], seed: 32)
        let c = matmul(a, b, transposeA: ta, transposeB: tb)
        #expect(c.shape == [m, n])
        #expect(isClose(c.scalars, naive(a, b, ta, tb), tolerance: 1e-4))
        checkGradients([a, b]) { matmul($0[0], $0[1], transposeA: ta, transposeB: tb) }
    }

    @Test func gradientAccumulatesIntoExistingBuffer() {
        // The same weight used twice: the second GEMM adds with beta = 1.
        let x = randomTensor([2, 3], seed: 33), w = randomTensor([3, 3], seed: 34)
        checkGradients([x, w]) { t in matmul(matmul(t[0], t[1]), t[1], transposeB: true) }
    }

    static let activations: [Activation] = [
        .identity, .relu, .tanh, .sigmoid, .softplus, .elu(alpha: 1), .leakyReLU(slope: 0.1),
    ]

    @Test(arguments: activations)
    func fusedLinearMatchesComposite(_ activation: Activation) {
        let x = randomTensor([4, 3], seed: 35), w = randomTensor([3, 5], seed: 36), b = randomTensor([5], seed: 37)
        let fused = linear(x, weight: w, bias: b, activation: activation)
        let composite = (matmul(x, w) + b).activated(activation)
        #expect(isClose(fused.scalars, composite.scalars, tolerance: 1e-5))
        checkGradients([x, w, b]) { linear($0[0], weight: $0[1], bias: $0[2], activation: activation) }
    }

    @Test func linearWithoutBiasAndConstantInput() {
        let x = randomTensor([4, 3], seed: 38), w = randomTensor([3, 2], seed: 39)
        checkGradients([w]) { linear(x, weight: $0[0], bias: nil, activation: .tanh) }
        #expect(x.grad == nil)
    }

    @Test func blasIsLoadedAndNamesItsCore() {
        let blas = OpenBLAS.shared
        #expect(!blas.coreName.isEmpty && blas.coreName != "unknown")
        #expect(blas.threadCount >= 1)
    }

    @Test func coreSelectionFollowsTheCPU() {
        let blas = OpenBLAS.shared
        switch blas.selection {
        case .environment: break  // the user chose
        case .pinned:
            // Every AVX2/FMA CPU, Intel or AMD, runs the one reproducible kernel.
            #expect(OpenBLAS.cpuSupportsAVX2FMA)
            #expect(blas.coreName == OpenBLAS.pinnedCore)
        case .detected:
            // Only CPUs the pinned kernel cannot run on are left to OpenBLAS.
            #expect(!OpenBLAS.cpuSupportsAVX2FMA)
        }
    }
}
