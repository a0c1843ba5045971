import Foundation
import Notebook
import Testing
@testable import Experiments

/// `@Compare`: paired differences of two models on the same test examples.
@Suite struct CompareTests {
    @Test func pairedStandardErrorMatchesAHandComputation() {
        // d = [−0.5, −0.1, −0.9, −0.2]: mean −0.425; Σ(d − d̄)² = 0.3875; s_d = √(0.3875/3);
        // se = s_d / √4 = 0.179699…
        let p = PairedDifference([1, 2, 3, 4], [1.5, 2.1, 3.9, 4.2])
        #expect(p.n == 4 && p.firstMean == 2.5 && abs(p.secondMean - 2.925) < 1e-12)
        #expect(abs(p.difference - -0.425) < 1e-12)
        #expect(abs(p.standardError - (0.3875 / 3).squareRoot() / 2) < 1e-12)
        #expect(abs(p.z - -0.425 / ((0.3875 / 3).squareRoot() / 2)) < 1e-9)
        // Pairing: a shared per-example offset cancels, whatever its size.
        let offsets = (0..<100).map { Double($0 * $0) }
        let shifted = PairedDifference(offsets.map { $0 + 1 }, offsets)
        #expect(shifted.difference == 1 && shifted.standardError == 0 && shifted.z.isNaN)
    }

    @Test func comparesTwoTrainedModels() throws {
        let results = try runBlock(#"""
            @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 1, seed: 3, show: false)
            @Train(id: "b", data: \#(tinyRing), \#(tinyNet), epochs: 4, seed: 3, show: false)
            @Compare(of: ["a", "b"], metric: .iwae(samples: 5))
            """#)
        let s = results[2].scalars
        let difference = try #require(s["difference"]), se = try #require(s["se"])
        let first = try #require(s["first"]), second = try #require(s["second"])
        #expect(s["n"] == 128)
        #expect(abs(difference - (first - second)) < 1e-9 * max(1, abs(first)))
        let z = try #require(s["z"])
        #expect(se > 0 && abs(z - difference / se) < 1e-9)
        #expect(results[2].tables.first?.rows.count == 5)
    }

    @Test func nelboMatchesTheEvaluation() throws {
        // The per-example NELBO averages to what @Evaluate reports with the same noise seed.
        let results = try runBlock(#"""
            @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 1, seed: 4, show: false)
            @Train(id: "b", data: \#(tinyRing), \#(tinyNet), epochs: 1, seed: 5, show: false)
            @Evaluate(of: ["a", "b"], metrics: [.nelbo])
            @Compare(of: ["a", "b"], seed: 2024)
            """#)
        let evaluated = results[2].scalars, s = results[3].scalars
        let first = try #require(s["first"]), second = try #require(s["second"])
        let a = try #require(evaluated["a.nelbo"]), b = try #require(evaluated["b.nelbo"]), se = try #require(s["se"])
        #expect(abs(first - a) < 1e-4 * abs(first), "\(first) vs \(a)")
        #expect(abs(second - b) < 1e-4 * abs(second), "\(second) vs \(b)")
        #expect(se > 0)
    }

    @Test func differentTestSetsAreRefused() throws {
        let failure = #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(#"""
                @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 1, show: false)
                @Train(id: "b", data: .synthetic(set: .ring(components: 4), train: 256, test: 64), \#(tinyNet), epochs: 1, show: false)
                @Compare(of: ["a", "b"])
                """#)
        }
        #expect(failure?.id == "invalid-value")
    }

    @Test(arguments: [
        (#"@Compare(of: ["a"])"#, "invalid-value"),
        (#"@Compare(of: ["a", "a"])"#, "invalid-value"),
        (#"@Compare(of: ["a", "b", "c"])"#, "invalid-value"),
        (#"@Compare(of: ["a", "b"], metric: .iwae(samples: 0))"#, "invalid-value"),
        (#"@Compare(of: ["a", "b"], metric: .elbo)"#, "unknown-member"),
    ])
    func rejectsBadArguments(source: String, id: String) {
        let (_, diagnostics) = readDirective(Compare.self, source)
        #expect(diagnostics.map(\.id).contains(id), "\(source): \(diagnostics)")
    }
}
