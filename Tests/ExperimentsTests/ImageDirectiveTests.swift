import Notebook
import Testing
@testable import Experiments

@Suite struct SamplesTests {
    /// A small Fashion-MNIST model: 300 training images, one epoch.
    static let fashion = #"@Train(id: "f", data: .fashionMNIST(train: 300, test: 100), latent: 4, hidden: 32, layers: 1, batch: 100, epochs: 1, show: false)"#

    @Test func fashionSamplesArePixelProbabilitiesInAGrid() throws {
        let results = try runBlock(Self.fashion + "\n" + #"@Samples(of: "f", count: 16, columns: 4, caption: "Amostras.")"#)
        let samples = results[1]
        let s = samples.scalars
        #expect(s["count"] == 16)
        #expect((s["min"] ?? -1) >= 0 && (s["max"] ?? 2) <= 1 && (s["mean"] ?? 0) > 0)
        let figure = try #require(samples.figures.first)
        #expect(figure.caption == "Amostras.")
        #expect(isWellFormedXML(figure.svg) && figure.svg.contains("data:image/png;base64,"))
    }

    @Test func componentSamplesNeedAMixturePrior() throws {
        let base = #"@Train(id: "m", model: .gmvae(components: 4), data: \#(tinyRing), \#(tinyNet), epochs: 1)"#
        let results = try runBlock(base + "\n" + #"@Samples(of: "m", component: 2, count: 50)"#)
        #expect(results[1].scalars["count"] == 50 && isWellFormedXML(results[1].figures[0].svg))
        let rows = try runBlock(base + "\n" + #"@Samples(of: "m", byComponent: true, count: 5)"#)
        #expect(rows[1].scalars["count"] == 20)
        #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(#"@Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 1)"# + "\n" + #"@Samples(of: "v", component: 0)"#)
        }
        #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(base + "\n" + #"@Samples(of: "m", component: 9)"#)
        }
    }

    @Test func componentAndByComponentExcludeEachOther() {
        let (experiment, diagnostics) = readDirective(Samples.self, #"@Samples(of: "m", component: 1, byComponent: true)"#)
        #expect(experiment == nil && diagnostics.map(\.id) == ["invalid-value"])
    }
}

@Suite struct ReconstructionsTests {
    @Test func trainedModelReconstructsBetterThanAnUntrainedOne() throws {
        let results = try runBlock(#"""
            @Train(id: "cru", data: \#(tinyRing), \#(tinyNet), epochs: 1, lr: 0.00000001, seed: 4)
            @Train(id: "treinado", data: \#(tinyRing), \#(tinyNet), epochs: 20, lr: 0.01, seed: 4)
            @Reconstructions(of: "cru", count: 20)
            @Reconstructions(of: "treinado", count: 20)
            """#)
        let untrained = try #require(results[2].scalars["mse.all"]), trained = try #require(results[3].scalars["mse.all"])
        #expect(trained < 0.5 * untrained, "trained \(trained), untrained \(untrained)")
        #expect(results[3].scalars["count"] == 20 && isWellFormedXML(results[3].figures[0].svg))
    }

    @Test func fashionReconstructionsShowTwoRows() throws {
        let results = try runBlock(SamplesTests.fashion + "\n" + #"@Reconstructions(of: "f", count: 5)"#)
        let svg = try #require(results[1].figures.first).svg
        #expect(svg.contains("Original") && svg.contains("Reconstrução") && isWellFormedXML(svg))
        #expect((results[1].scalars["mse"] ?? 1) < 0.25)
    }
}

@Suite struct InterpolateTests {
    @Test func finerPathsAreNeverShorter() throws {
        let results = try runBlock(#"""
            @Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 10, lr: 0.01, seed: 2, show: false)
            @Interpolate(of: "v", from: 0, to: 2, steps: 2)
            @Interpolate(of: "v", from: 0, to: 2, steps: 16)
            """#)
        let chord = try #require(results[1].scalars["pathLength"]), path = try #require(results[2].scalars["pathLength"])
        // The polyline through more points on the same decoded curve is at least the chord.
        #expect(path >= chord - 1e-9 && chord > 0)
        #expect(results[1].scalars["distance"] == results[2].scalars["distance"])
        #expect(isWellFormedXML(results[2].figures[0].svg))
    }

    @Test func fashionInterpolationShowsTheEndsAndTheSteps() throws {
        let results = try runBlock(SamplesTests.fashion + "\n" + #"@Interpolate(of: "f", from: 3, to: 7, steps: 6)"#)
        #expect(results[1].scalars["steps"] == 6 && (results[1].scalars["distance"] ?? 0) > 0)
        #expect(isWellFormedXML(results[1].figures[0].svg))
        #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(SamplesTests.fashion + "\n" + #"@Interpolate(of: "f", from: 0, to: 5000)"#)
        }
    }
}
