import Foundation
import LatentModels
import Notebook
import Tensors
import Testing

/// The course's own network (784-300-300-10 VAE, batch 128) trained for 40 Adam steps on
/// Fashion-MNIST gives the same weights, bit for bit, for 1 and 2 threads and on every
/// x86-64 CPU with AVX2/FMA: the SHA-256 of its weights is recorded here, and every CI run,
/// on whatever CPU it lands, checks it.
@Suite(.serialized) struct GoldenWeightsTests {
    static let configuration = TrainingConfiguration(
        model: .vae, data: .fashionMNIST(train: 40 * 128, test: 256), epochs: 1, seed: 11)

    func weightsDigest(threads: Int) throws -> String {
        let blas = OpenBLAS.shared, before = blas.threadCount
        blas.threadCount = threads
        defer { blas.threadCount = before }
        let trained = try train(Self.configuration)
        return SHA256.hex(trained.weights())
    }

    @Test func fortyStepsGiveTheRecordedWeights() throws {
        let one = try weightsDigest(threads: 1)
        let two = try weightsDigest(threads: 2)
        #expect(one == two, "1 thread: \(one), 2 threads: \(two)")
        #expect(two == Self.recorded, "SHA-256 of the weights: \(two) (core \(OpenBLAS.shared.coreName))")
    }

    /// Recorded on an AMD EPYC (Zen 4) with OpenBLAS's Zen kernel (pinned on every AVX2/FMA CPU).
    static let recorded = "e16b02e80e1da1a51c5c37ad628a64f0a2794e0a20c8281d6eb3e8987d82eda6"
}
