import Notebook
import Testing
@testable import Experiments

@Suite struct KLVarianceModelTests {
    @Test func standardDeviationFallsLikeOneOverRootS() throws {
        let results = try runBlock(#"""
            @Train(id: "gm", model: .gmvae(components: 4), data: \#(tinyRing), \#(tinyNet), epochs: 3, lr: 0.01, show: false)
            @Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 3, lr: 0.01, show: false)
            @KLVariance(of: "gm", samples: [1, 10, 100], repeats: 50, points: 50, label: "fig-kl")
            @KLVariance(of: "v", samples: [1, 100], repeats: 50, points: 50)
            """#)
        let gm = results[2].scalars
        let s1 = try #require(gm["std.1"]), s100 = try #require(gm["std.100"])
        #expect(s100 < s1 / 5)
        let slope = try #require(gm["slope"])
        #expect(abs(slope + 0.5) < 0.15, "slope \(slope)")
        #expect(gm["analytic"] == nil)
        #expect(results[2].figures.first?.label == "fig-kl")
        // Standard-normal prior: the estimator centres on the analytic KL.
        let v = results[3].scalars
        let analytic = try #require(v["analytic"]), mean100 = try #require(v["mean.100"])
        #expect(abs(mean100 - analytic) < 0.05 * max(1, analytic))
    }

    @Test func ofExcludesPosteriorAndPrior() {
        let (experiment, diagnostics, _) = readKLVariance(#"@KLVariance(of: "gm", posterior: .gaussian(mean: [0], std: [1]))"#)
        #expect(experiment == nil && diagnostics.map(\.id) == ["invalid-value"] && diagnostics[0].column == 34)
        let ok = readKLVariance(#"@KLVariance(of: "gm", samples: [1, 10])"#)
        #expect(ok.experiment?.dependencies == ["gm"] && ok.diagnostics.isEmpty)
        let tooMany = readKLVariance(#"@KLVariance(of: "gm", samples: [100000], repeats: 1000, points: 10000)"#)
        #expect(tooMany.experiment == nil && tooMany.diagnostics.map(\.id) == ["invalid-value"])
    }
}
