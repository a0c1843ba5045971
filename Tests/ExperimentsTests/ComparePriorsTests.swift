import Notebook
import Testing
@testable import Experiments

@Suite struct ComparePriorsTests {
    @Test func onlyThePriorDiffers() throws {
        let results = try runBlock(#"""
            @ComparePriors(priors: [.standard, .mixture(components: 3), .flow(couplings: 2)], data: \#(tinyRing),
                           \#(tinyNet), epochs: 1, iwae: 5, seed: 2, label: "tab-priors")
            """#)
        let s = results[0].scalars
        let standard = try #require(s["standard.parameters"]), mixture = try #require(s["mixture3.parameters"])
        // The mixture adds K means and K log-variances of dimension d = 2; everything else is shared.
        #expect(mixture - standard == Double(2 * 3 * 2))
        for key in ["standard", "mixture3", "flow2"] {
            let nelbo = try #require(s["\(key).test.nelbo"]), iwae = try #require(s["\(key).iwae"])
            #expect(nelbo.isFinite && iwae.isFinite)
        }
        let table = try #require(results[0].tables.first)
        #expect(table.label == "tab-priors" && table.rows.count == 3)
        #expect(isWellFormedXML(results[0].figures[0].svg))
    }

    @Test func rejectsRepeatedPriors() {
        let (experiment, diagnostics) = readDirective(ComparePriors.self, #"@ComparePriors(priors: [.standard, .standard])"#)
        #expect(experiment == nil && diagnostics.map(\.id) == ["invalid-value"])
    }
}
