import LatentModels
import Foundation
import Notebook
import Testing
@testable import Experiments

/// `seeds:` on the training directives: aggregation, per-seed runs equal to single runs,
/// the argument's errors, and seed-by-seed paired comparisons.
@Suite struct SeedTests {
    @Test func seedSummaryMatchesAHandComputation() {
        // Values 3, 5, 10: mean 6; Σ(x − x̄)² = 9 + 1 + 16 = 26; s = √13; se = √13 / √3.
        let summary = SeedSummary([3, 5, 10])
        #expect(summary.mean == 6)
        #expect(abs(summary.standardError - (13.0 / 3).squareRoot()) < 1e-12)
        let scalars = summary.scalars("test.nelbo", seeds: [1, 7, 9])
        #expect(scalars == ["test.nelbo.mean": 6, "test.nelbo.se": summary.standardError,
                            "test.nelbo.seed1": 3, "test.nelbo.seed7": 5, "test.nelbo.seed9": 10])
        #expect(SeedSummary([4]).standardError.isNaN)
    }

    @Test func seedPairedDifferenceMatchesAHandComputation() {
        // Two seeds, three examples. Seed 1: d = [1, 2, 3] (mean 2); seed 2: d = [0, 1, 5] (mean 2 − 0 = 2)…
        let seed1 = PairedDifference([2, 3, 4], [1, 1, 1]), seed2 = PairedDifference([1, 2, 6], [1, 1, 1])
        // …seed-averaged values a = [1.5, 2.5, 5], b = [1, 1, 1]: d̄ = [0.5, 1.5, 4], mean 2.
        let pooled = PairedDifference([1.5, 2.5, 5], [1, 1, 1])
        let p = SeedPairedDifference([seed1, seed2], seeds: [1, 2], pooled: pooled)
        #expect(p.difference == 2)
        // Per-seed means 2 and 2: no spread across seeds.
        #expect(p.seedSE == 0)
        // d̄ − 2 = [−1.5, −0.5, 2]: Σ² = 2.25 + 0.25 + 4 = 6.5; s = √3.25; se = √3.25 / √3.
        #expect(abs(p.testSE - (3.25 / 3).squareRoot()) < 1e-12)
        #expect(abs(p.standardError - p.testSE) < 1e-12)
        let spread = SeedPairedDifference([PairedDifference([1, 1], [0, 0]), PairedDifference([4, 4], [0, 0])],
                                          seeds: [3, 4], pooled: PairedDifference([2.5, 2.5], [0, 0]))
        // Per-seed means 1 and 4: s = √4.5, se = √4.5 / √2 = 1.5; the test SE is 0.
        #expect(abs(spread.seedSE - 1.5) < 1e-12 && spread.testSE == 0 && abs(spread.z - 2.5 / 1.5) < 1e-12)
    }

    @Test func eachSeedEqualsTheSingleRunWithThatSeed() throws {
        let results = try runBlock(#"""
            @Train(id: "many", data: \#(tinyRing), \#(tinyNet), epochs: 2, seeds: [3, 5, 8])
            @Train(id: "five", data: \#(tinyRing), \#(tinyNet), epochs: 2, seed: 5)
            """#)
        let many = results[0].scalars, five = results[1].scalars
        #expect(many["test.nelbo.seed5"] == five["test.nelbo"])
        #expect(many["train.kl.seed5"] == five["train.kl"])
        let values = try [3, 5, 8].map { try #require(many["test.nelbo.seed\($0)"]) }
        #expect(many["test.nelbo.mean"] == Statistics.mean(values))
        #expect(many["test.nelbo.se"] == Statistics.standardDeviation(values) / 3.0.squareRoot())
        #expect(many["seeds"] == 3 && many["epochs"] == 2 && many["parameters"] == five["parameters"])
        #expect(many["test.nelbo"] == nil, "with seeds, a quantity is cited as .mean, .se or .seed<k>")
        // A row per seed, then the mean and the standard error.
        let table = try #require(results[0].tables.first)
        #expect(table.rows.map(\.[0].machine) == ["3", "5", "8", "Média", "Erro-padrão"])
        // The mean curve's band: one translucent path per split.
        let svg = results[0].figures[0].svg
        #expect(isWellFormedXML(svg))
        #expect(svg.components(separatedBy: #"class="band""#).count - 1 == 2)
        // The first seed's model is what `of:` reads; the others are stored by seed.
        #expect(results[0].artifacts.keys.contains("seed5/weights") && !results[0].artifacts.keys.contains("seed3/weights"))
    }

    @Test func seedsRunInParallelWithTheSameResults() throws {
        let source = #"""
            ---
            title: Sementes
            ---

            ```swift-directive
            @Train(id: "many", data: \#(tinyRing), \#(tinyNet), epochs: 2, seeds: [1, 2, 3, 4])
            ```
            """#
        let lesson = Lesson(path: "Notes/s.md", source: source)
        let plan = LessonPlan(lesson: lesson, registry: Catalogue.registry)
        let sequential = try #require(LessonRunner(jobs: 1).run(plan, lesson: lesson)[0]?.result)
        let parallel = try #require(LessonRunner(jobs: 2).run(plan, lesson: lesson)[0]?.result)
        #expect(sequential.scalars == parallel.scalars)
        // The weights of every seed (the histories also hold the training time, which differs).
        let weights = { (r: ExperimentResult) in r.artifacts.filter { $0.key.hasSuffix("weights") } }
        #expect(weights(sequential).count == 4 && weights(sequential) == weights(parallel))
        #expect(sequential.tables == parallel.tables)
    }

    @Test func comparePriorsAggregatesEachPrior() throws {
        let results = try runBlock(#"""
            @ComparePriors(priors: [.standard, .mixture(components: 3)], data: \#(tinyRing), \#(tinyNet), epochs: 1,
                           iwae: 3, seeds: [2, 4])
            @ComparePriors(priors: [.mixture(components: 3)], data: \#(tinyRing), \#(tinyNet), epochs: 1, iwae: 3, seed: 4)
            """#)
        let s = results[0].scalars, single = results[1].scalars
        #expect(s["mixture3.test.nelbo.seed4"] == single["mixture3.test.nelbo"])
        #expect(s["mixture3.iwae.seed4"] == single["mixture3.iwae"])
        let standard = try #require(s["standard.test.nelbo.mean"]), mixture = try #require(s["mixture3.test.nelbo.mean"])
        #expect(s["best"] == (mixture < standard ? 1 : 0))
        #expect(s["seeds"] == 2 && (s["standard.iwae.se"] ?? .nan).isFinite)
        let table = try #require(results[0].tables.first)
        #expect(table.header.filter { $0 == "EP" }.count == 2 && table.rows.count == 2)
    }

    @Test func mixtureFitRepeatsEMAndTheVAEPerSeed() throws {
        let data = ".synthetic(set: .ring(components: 4), train: 200, test: 100)"
        let results = try runBlock(#"""
            @MixtureFit(data: \#(data), components: [2, 4], hidden: 8, epochs: 1, iwae: 4, grid: 10, seeds: [1, 6])
            @MixtureFit(data: \#(data), components: [2, 4], hidden: 8, epochs: 1, iwae: 4, grid: 10, seed: 6)
            """#)
        let s = results[0].scalars, single = results[1].scalars
        #expect(s["em.k4.test.seed6"] == single["em.k4.test"] && s["vae.test.seed6"] == single["vae.test"])
        let k2 = try [1, 6].map { try #require(s["em.k2.test.seed\($0)"]) }
        #expect(s["em.k2.test.mean"] == Statistics.mean(k2) && s["em.k2.test.se"] == Statistics.standardError(k2))
        let best = (s["em.k4.test.mean"] ?? 0) > (s["em.k2.test.mean"] ?? 0) ? 4.0 : 2.0
        #expect(s["best.k"] == best)
        #expect(results[0].tables.first?.rows.count == 3 && results[0].figures.count == 1)
    }

    @Test func compareSeedsPairsSeedBySeed() throws {
        let results = try runBlock(#"""
            @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 1, seeds: [1, 2], show: false)
            @Train(id: "b", data: \#(tinyRing), \#(tinyNet), epochs: 3, seeds: [1, 2], show: false)
            @Train(id: "a2", data: \#(tinyRing), \#(tinyNet), epochs: 1, seed: 2, show: false)
            @Train(id: "b2", data: \#(tinyRing), \#(tinyNet), epochs: 3, seed: 2, show: false)
            @Compare(of: ["a", "b"])
            @Compare(of: ["a2", "b2"])
            """#)
        let s = results[4].scalars, second = results[5].scalars
        // Seed 2's pair is the comparison of the single-seed models trained with seed 2.
        #expect(s["difference.seed2"] == second["difference"])
        let d1 = try #require(s["difference.seed1"]), d2 = try #require(s["difference.seed2"])
        let difference = try #require(s["difference"])
        #expect(abs(difference - (d1 + d2) / 2) < 1e-9)
        #expect(abs((s["se.seeds"] ?? .nan) - abs(d1 - d2) / 2) < 1e-9)
        let se = try #require(s["se"]), test = try #require(s["se.test"]), seeds = try #require(s["se.seeds"])
        #expect(abs(se - (test * test + seeds * seeds).squareRoot()) < 1e-12 && s["z"] == difference / se)
    }

    @Test func compareRefusesDifferentSeeds() {
        let failure = #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(#"""
                @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 1, seeds: [1, 2], show: false)
                @Train(id: "b", data: \#(tinyRing), \#(tinyNet), epochs: 1, show: false)
                @Compare(of: ["a", "b"])
                """#)
        }
        #expect(failure?.id == "invalid-value" && failure?.message.contains("seeds [1, 2]") == true)
    }

    @Test(arguments: [
        (#"@Train(id: "a", seed: 2, seeds: [1, 2])"#, 1, 23),
        (#"@Train(id: "a", seeds: [1])"#, 1, 24),
        (#"@Train(id: "a", seeds: [1, 1])"#, 1, 24),
        (#"@Train(id: "a", seeds: [1, -2])"#, 1, 28),
        (#"@Train(id: "a", seeds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17])"#, 1, 24),
    ])
    func rejectsBadSeeds(source: String, line: Int, column: Int) {
        let (experiment, diagnostics) = readDirective(Train.self, source)
        #expect(experiment == nil)
        #expect(diagnostics.map(\.id) == ["invalid-value"], "\(source): \(diagnostics)")
        #expect(diagnostics.first.map { ($0.line, $0.column) } ?? (0, 0) == (line, column), "\(source): \(diagnostics)")
    }

    @Test func oneSeedKeepsTheCacheIdentity() {
        // Without `seeds:` the canonical form is what it was, so no cached result is lost.
        let parsed = DirectiveParser.parse(#"@Train(id: "a", seed: 4)"#, file: "aula.md", startLine: 1, startColumn: 1)
        var reader = ArgumentReader(call: parsed.calls[0], file: "aula.md")
        _ = Train(reading: &reader)
        #expect(reader.canonicalForm.contains("seed: 4") && !reader.canonicalForm.contains("seeds"))
        let many = DirectiveParser.parse(#"@Train(id: "a", seeds: [4, 5])"#, file: "aula.md", startLine: 1, startColumn: 1)
        var manyReader = ArgumentReader(call: many.calls[0], file: "aula.md")
        _ = Train(reading: &manyReader)
        #expect(manyReader.canonicalForm.contains("seeds: [4, 5]") && !manyReader.canonicalForm.contains("seed: "))
    }
}
