import Notebook
import Testing
@testable import Experiments

@Suite struct GradientVarianceTests {
    @Test func reparameterizationBeatsTheScoreFunction() throws {
        let results = try runBlock(#"""
            @GradientVariance(function: .quadratic(center: 1), mean: [0.5, -0.5], std: [1, 0.5], samples: [1, 10, 100], repeats: 400, seed: 3)
            """#)
        let s = results[0].scalars
        let exact = try #require(s["exact"])
        #expect(exact == -1)
        for n in [1, 10, 100] {
            let reparam = try #require(s["reparameterization.\(n)"]), score = try #require(s["score.\(n)"])
            #expect(reparam < score, "S = \(n)")
            // Both are unbiased: their means sit within 5 standard errors of the exact gradient.
            let se = (score / 400).squareRoot()
            #expect(abs((s["mean.score.\(n)"] ?? 0) - exact) < 5 * se)
            #expect(abs((s["mean.reparameterization.\(n)"] ?? 0) - exact) < 5 * (reparam / 400).squareRoot() + 1e-9)
        }
        // The baseline helps the score function once there are other samples to average.
        #expect((s["scoreBaseline.100"] ?? .infinity) < (s["score.100"] ?? 0))
        // Variance falls as 1/S.
        let ratio = (s["reparameterization.1"] ?? 0) / (s["reparameterization.100"] ?? 1)
        #expect(ratio > 50 && ratio < 200)
        #expect(isWellFormedXML(results[0].figures[0].svg))
    }

    @Test func worksOnATrainedDecoder() throws {
        let results = try runBlock(#"""
            @Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 3, lr: 0.01, show: false)
            @GradientVariance(function: .decoder(of: "v", example: 1), samples: [1, 10], repeats: 100)
            """#)
        let s = results[1].scalars
        #expect((s["reparameterization.10"] ?? .infinity) < (s["score.10"] ?? 0))
        #expect(s["exact"] == nil)
    }
}
