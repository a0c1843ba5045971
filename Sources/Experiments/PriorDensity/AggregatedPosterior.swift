import LatentModels
import Foundation

/// The aggregated posterior q(z) = (1/N) Σₙ N(z; μₙ, diag σₙ²) of N encoded points: the
/// statistics library's equal-weight mixture of their Gaussians.
enum AggregatedPosterior {
    static func mixture(means: [[Double]], stds: [[Double]]) -> NormalMixture {
        NormalMixture(components: zip(means, stds).map { DiagonalNormal(mean: $0, std: $1) })
    }
}

/// A square grid over `[−extent, extent]²` with `size × size` cells; cell centres row by row,
/// row 0 at the lowest y (the layout `DensityMap` expects).
struct DensityGrid {
    var size: Int
    var extent: Double

    var cellArea: Double { let h = 2 * extent / Double(size); return h * h }

    /// Cell centres, row-major, as (x, y).
    var centres: [[Double]] {
        let h = 2 * extent / Double(size)
        var out: [[Double]] = []
        out.reserveCapacity(size * size)
        for r in 0..<size {
            let y = -extent + (Double(r) + 0.5) * h
            for c in 0..<size { out.append([-extent + (Double(c) + 0.5) * h, y]) }
        }
        return out
    }

    /// ∫ f over the grid (midpoint rule) for densities given at the centres.
    func integral(_ density: [Double]) -> Double { density.reduce(0, +) * cellArea }
}
