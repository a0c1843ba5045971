import Testing
@testable import Tensors

/// Matrix products and training give the same bits for any thread count, and the same bits
/// as the ones recorded here (a CI run on another CPU checks them there).
@Suite(.serialized) struct ThreadIndependenceTests {
    /// Runs `body` with `threads` GEMM workers, then restores the count.
    func with<T>(threads: Int, _ body: () -> T) -> T {
        let blas = OpenBLAS.shared, before = blas.threadCount
        blas.threadCount = threads
        defer { blas.threadCount = before }
        return body()
    }

    @Test func plansDependOnTheShapeOnly() {
        // Small products are not cut.
        #expect(GEMMPlan(m: 128, n: 20, k: 300).pieces == 1)
        #expect(GEMMPlan(m: 3, n: 4, k: 5).pieces == 1)
        // The VAE's largest products: two pieces, across the larger side of C.
        let forward = GEMMPlan(m: 128, n: 300, k: 784)
        #expect(forward.cut == .columns && forward.pieces == 2 && forward.size == 152)
        let weightGradient = GEMMPlan(m: 784, n: 300, k: 128)
        #expect(weightGradient.cut == .rows && weightGradient.pieces == 2 && weightGradient.size == 392)
        // An evaluation over 10 000 rows: 16 pieces of at least 8·10⁶ multiply–adds.
        let evaluation = GEMMPlan(m: 10_000, n: 300, k: 784)
        #expect(evaluation.cut == .rows && evaluation.pieces == 16 && evaluation.size == 632)
        // A thin side caps the count: pieces of at least 8.
        let thin = GEMMPlan(m: 12, n: 100_000, k: 64)
        #expect(thin.cut == .columns && thin.pieces == 8)
        let short = GEMMPlan(m: 20, n: 12, k: 1_000_000)
        #expect(short.cut == .rows && short.pieces == 2 && short.size == 16)
    }

    static let shapes: [(Int, Int, Int)] = [(128, 300, 784), (784, 300, 128), (131, 97, 333), (300, 301, 41), (9, 4000, 77)]

    @Test(arguments: shapes)
    func productsAreTheSameBitsForAnyThreadCount(_ shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        for (ta, tb) in MatmulTests.flags {
            let a = randomTensor(ta ? [k, m] : [m, k], seed: 51), b = randomTensor(tb ? [n, k] : [k, n], seed: 52)
            let c0 = randomTensor([m, n], seed: 53)
            func product(_ threads: Int) -> [UInt32] {
                with(threads: threads) {
                    var c = c0.scalars
                    a.scalars.withUnsafeBufferPointer { pa in
                        b.scalars.withUnsafeBufferPointer { pb in
                            c.withUnsafeMutableBufferPointer { pc in
                                OpenBLAS.shared.gemm(transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: 0.5,
                                                     a: pa.baseAddress!, lda: a.shape[1], b: pb.baseAddress!, ldb: b.shape[1],
                                                     beta: 1, c: pc.baseAddress!, ldc: n)
                            }
                        }
                    }
                    return c.map(\.bitPattern)
                }
            }
            let one = product(1)
            #expect(product(2) == one, "\(shape) \(ta) \(tb): 2 threads")
            #expect(product(3) == one, "\(shape) \(ta) \(tb): 3 threads")
            // And it is the right product (checked on the smaller shapes: the reference is slow).
            guard m * n * k < 5_000_000 else { continue }
            let expected = zip(MatmulTests().naive(a, b, ta, tb), c0.scalars).map { 0.5 * $0 + $1 }
            #expect(isClose(one.map(Float.init(bitPattern:)), expected, tolerance: 1e-3), "\(shape) \(ta) \(tb)")
        }
    }

    /// FNV-1a over the bits of every parameter after `steps` Adam steps of a 256-128-(2×8) VAE
    /// (products large enough to be cut into pieces).
    func trainedDigest(steps: Int) -> UInt64 {
        let store = SmallVAE(inputs: 256, hidden: 128, latent: 8, rows: 512, batch: 128, learningRate: 1e-3,
                             decoderActivation: .softplus).train(seed: 7, steps: steps).parameters
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for p in store.parameters {
            for v in p.scalars { h = (h ^ UInt64(v.bitPattern)) &* 0x100_0000_01b3 }
        }
        return h
    }

    @Test func trainingIsTheSameBitsForAnyThreadCountAndMachine() {
        let one = with(threads: 1) { trainedDigest(steps: 30) }
        let two = with(threads: 2) { trainedDigest(steps: 30) }
        #expect(one == two, "1 thread \(String(one, radix: 16)), 2 threads \(String(two, radix: 16))")
        #expect(one == Self.recorded, "digest \(String(one, radix: 16)); recorded \(String(Self.recorded, radix: 16))")
    }

    /// Recorded on an AMD EPYC (Zen 4, OpenBLAS kernel Zen); every AVX2/FMA x86-64 CPU must give it.
    static let recorded: UInt64 = 0x2c39_dd48_8baf_bfbf
}
