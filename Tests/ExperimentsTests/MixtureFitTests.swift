import LatentModels
import Tensors
import Foundation
import Notebook
import Testing
@testable import Experiments

@Suite struct MixtureFitTests {
    /// Four well-separated Gaussians on a ring.
    static func ring(count: Int, seed: UInt64) -> [[Double]] {
        var sampler = NormalSampler(seed: seed)
        return (0..<count).map { i in
            let angle = Double(i % 4) * Double.pi / 2
            return [3 * cos(angle) + 0.3 * sampler.next(), 3 * sin(angle) + 0.3 * sampler.next()]
        }
    }

    @Test func likelihoodNeverDecreasesAndConverges() {
        let fit = ExpectationMaximization(components: 6, seed: 3).fit(Self.ring(count: 400, seed: 1))
        #expect(fit.converged)
        for (a, b) in zip(fit.trace, fit.trace.dropFirst()) { #expect(b >= a - 1e-9, "\(a) → \(b)") }
        #expect(abs(fit.mixture.weights.reduce(0, +) - 1) < 1e-9)
    }

    @Test func heldOutLikelihoodRisesUpToTheTrueK() {
        let train = Self.ring(count: 400, seed: 1), test = Self.ring(count: 400, seed: 2)
        let scores = [1, 2, 4].map { k -> Double in
            let fit = ExpectationMaximization(components: k, seed: 7).fit(train)
            return Statistics.mean(test.map(fit.mixture.logDensity))
        }
        #expect(scores[0] < scores[1] && scores[1] < scores[2], "\(scores)")
    }

    @Test func kMeansPlusPlusSpreadsTheCentres() {
        var generator = Xoshiro256StarStar(seed: 5)
        let centres = ExpectationMaximization.kMeansPlusPlus(Self.ring(count: 400, seed: 1), k: 4, using: &generator)
        // One centre near each cluster: all pairwise distances are large.
        for i in 0..<4 { for j in (i + 1)..<4 { #expect(ExpectationMaximization.squaredDistance(centres[i], centres[j]) > 4) } }
    }

    @Test func directiveComparesEMWithAVAE() throws {
        let results = try runBlock(#"""
            @MixtureFit(data: .synthetic(set: .ring(components: 4, radius: 3, spread: 0.3), train: 300, test: 200),
                        components: [1, 4], hidden: 16, epochs: 2, iwae: 10, grid: 20, seed: 1)
            """#)
        let s = results[0].scalars
        let k1 = try #require(s["em.k1.test"]), k4 = try #require(s["em.k4.test"])
        #expect(k4 > k1 && s["best.k"] == 4)
        #expect((s["vae.test"] ?? .nan).isFinite)
        #expect(results[0].tables[0].rows.count == 3 && isWellFormedXML(results[0].figures[0].svg))
    }

    @Test func rejectsImageData() {
        let (experiment, diagnostics) = readDirective(MixtureFit.self, #"@MixtureFit(data: .fashionMNIST(train: 100))"#)
        #expect(experiment == nil && diagnostics.map(\.id) == ["invalid-value"])
    }
}
