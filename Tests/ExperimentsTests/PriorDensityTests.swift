import Foundation
import LatentModels
import Notebook
import Testing
@testable import Experiments

@Suite struct PriorDensityTests {
    @Test func densitiesIntegrateToOneOnTheGrid() throws {
        let results = try runBlock(#"""
            @Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 5, lr: 0.01, show: false)
            @PriorDensity(of: "v", grid: 60, points: 128, scale: .log)
            """#)
        let s = results[1].scalars
        let prior = try #require(s["prior.mass"]), aggregate = try #require(s["aggregate.mass"])
        #expect(abs(prior - 1) < 0.03 && abs(aggregate - 1) < 0.03, "prior \(prior), aggregate \(aggregate)")
        let hole = try #require(s["hole.mass"])
        #expect(hole >= 0 && hole <= prior)
        #expect((s["kl"] ?? -1) >= -0.01)
        let figure = try #require(results[1].figures.first)
        #expect(isWellFormedXML(figure.svg) && figure.svg.contains("linearGradient"))
        #expect(results[1].tables.count == 1)
    }

    @Test func needsATwoDimensionalLatent() throws {
        #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(#"""
                @Train(id: "v3", data: \#(tinyRing), latent: 3, hidden: 16, layers: 1, epochs: 1)
                @PriorDensity(of: "v3")
                """#)
        }
    }

    @Test func aggregatedPosteriorOfOnePointIsItsGaussian() {
        let q = AggregatedPosterior.mixture(means: [[0.5, -1]], stds: [[2, 0.5]])
        let expected = DiagonalNormal(mean: [0.5, -1], std: [2, 0.5]).logDensity([0, 0])
        #expect(abs(q.logDensity([0, 0]) - expected) < 1e-12)
        let two = AggregatedPosterior.mixture(means: [[0, 0], [1, 0]], stds: [[1, 1], [1, 1]])
        let mean = 0.5 * (Foundation.exp(DiagonalNormal(mean: [0, 0], std: [1, 1]).logDensity([0.3, 0.2]))
                          + Foundation.exp(DiagonalNormal(mean: [1, 0], std: [1, 1]).logDensity([0.3, 0.2])))
        #expect(abs(two.logDensity([0.3, 0.2]) - Foundation.log(mean)) < 1e-12)
        let grid = DensityGrid(size: 4, extent: 1)
        #expect(grid.centres.count == 16 && grid.centres[0] == [-0.75, -0.75] && grid.centres[1] == [-0.25, -0.75])
        #expect(abs(grid.integral([Double](repeating: 0.25, count: 16)) - 1) < 1e-12)
    }
}
