import Foundation
import Notebook
import Testing
@testable import Experiments

@Suite struct NormalQuantileTests {
    @Test func invertsTheNormalCDF() {
        for p in [1e-9, 0.001, 0.02, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999, 1 - 1e-9] {
            let x = NormalQuantile.of(p)
            let back = 0.5 * erfc(-x / 2.0.squareRoot())
            #expect(abs(back - p) <= 1e-12 + 1e-9 * p, "p \(p) → x \(x) → \(back)")
        }
        #expect(abs(NormalQuantile.of(0.975) - 1.959963984540054) < 1e-9)
        #expect(NormalQuantile.of(0.5) == 0 || abs(NormalQuantile.of(0.5)) < 1e-15)
        #expect(abs(NormalQuantile.of(0.2) + NormalQuantile.of(0.8)) < 1e-12)
    }
}

@Suite struct DecoderComponentsTests {
    @Test func latticeSitsOnSymmetricQuantilesOfTheFirstTwoCoordinates() {
        let lattice = DecoderComponents.lattice(grid: 4, dimension: 3)
        #expect(lattice.count == 16 && lattice.allSatisfy { $0.count == 3 && $0[2] == 0 })
        let firsts = Set(lattice.map { $0[0] })
        #expect(firsts.count == 4 && abs(firsts.reduce(0, +)) < 1e-12)
        #expect(abs((lattice.map { $0[1] }.max() ?? 0) - NormalQuantile.of(7.0 / 8)) < 1e-12)
        let line = DecoderComponents.lattice(grid: 3, dimension: 1)
        #expect(line.count == 9 && zip(line, line.dropFirst()).allSatisfy { $0[0] < $1[0] })
    }

    @Test func imagesAreLaidOutWithZ2GrowingUpwards() {
        // Lattice order: row 0 (lowest z₂) first; the image grid shows the highest z₂ on top.
        let nine = (0..<9).map { [Double($0)] }
        #expect(DecoderComponents.imageOrder(nine, grid: 3, dimension: 2).map { $0[0] } == [6, 7, 8, 3, 4, 5, 0, 1, 2])
    }

    @Test func oneComponentMixtureIsItsGaussian() {
        let points = [[0.0, 0.0], [1.0, -2.0]]
        let value = DecoderComponents.mixtureLogLikelihood(points, centres: [[0, 0]], std: [1, 2], lattice: [[0.3, -0.1]],
                                                           logPrior: [-5])
        // log N(x; 0, diag(1, 4)) averaged over the two points.
        let log2pi = log(2 * Double.pi)
        let expected = ((-log2pi - log(2)) + (-log2pi - log(2) - 0.5 * (1 + 1))) / 2
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func standardPriorGivesEqualWeights() {
        // Two centres, the standard prior on the lattice: w = ½ each, whatever the lattice.
        let lattice = [[-1.0], [0.5]]
        let logPrior = lattice.map { -0.5 * $0[0] * $0[0] - 0.5 * log(2 * Double.pi) }
        let value = DecoderComponents.mixtureLogLikelihood([[0.0]], centres: [[-1], [1]], std: [1], lattice: lattice, logPrior: logPrior)
        let expected = log(0.5 * exp(-0.5) + 0.5 * exp(-0.5)) - 0.5 * log(2 * Double.pi)
        #expect(abs(value - expected) < 1e-12)
    }

    @Test func trainedDecoderExplainsTheDataBetterThanAnUntrainedOne() throws {
        let results = try runBlock(#"""
            @Train(id: "cru", data: \#(tinyRing), \#(tinyNet), epochs: 1, lr: 0.00000001, seed: 3, show: false)
            @Train(id: "treinado", data: \#(tinyRing), \#(tinyNet), epochs: 30, lr: 0.01, freeBits: 0.5, seed: 3, show: false)
            @DecoderComponents(of: "cru", grid: 6)
            @DecoderComponents(of: "treinado", grid: 6, label: "fig-componentes")
            """#)
        let untrained = try #require(results[2].scalars["grid.loglik"]), trained = try #require(results[3].scalars["grid.loglik"])
        #expect(trained > untrained + 0.2, "trained \(trained), untrained \(untrained)")
        let s = results[3].scalars
        #expect(s["components"] == 36 && (s["std.1"] ?? 0) > 0 && (s["std.2"] ?? 0) > 0)
        let figure = try #require(results[3].figures.first)
        #expect(figure.label == "fig-componentes" && isWellFormedXML(figure.svg))
        #expect(figure.svg.components(separatedBy: "<ellipse").count - 1 <= 36 && figure.svg.contains("<ellipse"))
    }

    /// A fine lattice approximates log p(x) itself, which the IWAE bound approaches from below.
    @Test func fineLatticeAgreesWithTheImportanceWeightedBound() throws {
        let results = try runBlock(#"""
            @Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 30, lr: 0.01, freeBits: 0.5, seed: 3, show: false)
            @Evaluate(of: ["v"], metrics: [.iwae(samples: 500)])
            @DecoderComponents(of: "v", grid: 20)
            """#)
        let bound = -(try #require(results[1].scalars["v.iwae500"]))
        let quadrature = try #require(results[2].scalars["grid.loglik"])
        #expect(quadrature > bound - 0.05 && quadrature < bound + 0.3, "quadrature \(quadrature), IWAE bound \(bound)")
    }

    @Test func fashionModelShowsItsManifoldAsAnImageGrid() throws {
        let results = try runBlock(SamplesTests.fashion + "\n" + #"@DecoderComponents(of: "f", grid: 5)"#)
        #expect(results[1].scalars == ["components": 25])
        let svg = try #require(results[1].figures.first).svg
        #expect(isWellFormedXML(svg) && svg.contains("data:image/png;base64,"))
    }

    @Test func conditionalModelsAreRefused() throws {
        let block = #"@Train(id: "c", data: \#(tinyRing), \#(tinyNet), epochs: 1, conditional: true, show: false)"#
            + "\n" + #"@DecoderComponents(of: "c")"#
        #expect(throws: ExperimentFailure.self) { _ = try runBlock(block) }
    }

    @Test func gridIsBounded() {
        let (experiment, diagnostics) = readDirective(DecoderComponents.self, #"@DecoderComponents(of: "m", grid: 1)"#)
        #expect(experiment == nil && diagnostics.map(\.id) == ["invalid-value"])
    }
}
