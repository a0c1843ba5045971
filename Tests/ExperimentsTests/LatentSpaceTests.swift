import Notebook
import Testing
@testable import Experiments

@Suite struct LatentSpaceTests {
    @Test func colorsByComponentAndMeasuresPurity() throws {
        let results = try runBlock(#"""
            @Train(id: "gm", model: .gmvae(components: 4), data: \#(tinyRing), \#(tinyNet), epochs: 10, lr: 0.01, seed: 1, show: false)
            @LatentSpace(of: "gm", color: .component, points: 128)
            @LatentSpace(of: "gm", color: .label, points: 128)
            """#)
        let s = results[1].scalars
        let purity = try #require(s["purity"])
        // Purity is at least the largest class's share (1/4 here) and at most 1.
        #expect(purity >= 0.25 - 1e-12 && purity <= 1)
        #expect((1...4).contains(Int(s["components.used"] ?? 0)))
        #expect(s["points"] == 128 && s["explained"] == nil)
        #expect(results[2].figures[0].svg.contains("classe 3") && isWellFormedXML(results[2].figures[0].svg))
        // Every class shown has a centroid, a count and a spread; the counts add up.
        let byLabel = results[2].scalars
        let counts = (0..<4).compactMap { byLabel["group\($0).count"] }
        #expect(counts.count == 4 && counts.reduce(0, +) == 128)
        #expect((0..<4).allSatisfy { byLabel["group\($0).x"]?.isFinite == true && (byLabel["group\($0).spread"] ?? -1) >= 0 })
    }

    @Test func projectsHigherLatentsOnPrincipalComponents() throws {
        let results = try runBlock(#"""
            @Train(id: "v4", data: \#(tinyRing), latent: 4, hidden: 16, layers: 1, batch: 64, epochs: 3, lr: 0.01, show: false)
            @LatentSpace(of: "v4", points: 100)
            """#)
        let explained = try #require(results[1].scalars["explained"])
        #expect(explained > 0 && explained <= 1 + 1e-9)
        #expect(results[1].figures[0].caption.contains("componentes principais"))
        #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(#"@Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 1)"# + "\n" + #"@LatentSpace(of: "v", color: .component)"#)
        }
    }

    @Test func principalComponentsOfALine() {
        let points = (0..<50).map { i -> [Double] in let t = Double(i) / 10; return [t, t + 1, 0.001 * Double(i % 3)] }
        let pca = PrincipalComponents(points: points, count: 2)
        #expect(pca.explainedFraction > 0.999999)
        #expect(abs(abs(pca.directions[0][0]) - 0.5.squareRoot()) < 1e-4 && abs(pca.directions[0][2]) < 1e-3)
        #expect(pca.variances[0] >= pca.variances[1])
    }

    @Test func purityCountsMajorityClasses() {
        let (purity, used) = LatentSpace.purity(components: [0, 0, 0, 1, 1, 2], labels: [5, 5, 6, 7, 7, 8])
        #expect(abs(purity - 5.0 / 6.0) < 1e-12 && used == 3)
    }
}
