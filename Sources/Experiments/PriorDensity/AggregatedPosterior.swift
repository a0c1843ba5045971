import LatentModels
import Foundation
import PortableMath

/// The aggregated posterior q(z) = (1/N) Σₙ N(z; μₙ, diag σₙ²) of N encoded points, and
/// densities on a regular 2-D grid.
struct AggregatedPosterior {
    var means: [[Double]]
    var stds: [[Double]]

    /// log q(z) at one 2-D point (logSumExp over the N posteriors).
    func logDensity(_ z: [Double]) -> Double {
        var terms = [Double]()
        terms.reserveCapacity(means.count)
        let logN = PortableMath.log(Double(means.count))
        for (mu, sd) in zip(means, stds) {
            var s = -logN
            for j in 0..<z.count {
                let u = (z[j] - mu[j]) / sd[j]
                s -= 0.5 * DiagonalNormal.logTwoPi + PortableMath.log(sd[j]) + 0.5 * u * u
            }
            terms.append(s)
        }
        return Statistics.logSumExp(terms)
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
