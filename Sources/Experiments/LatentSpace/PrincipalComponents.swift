import Foundation

/// The leading principal components of a set of points, by power iteration with deflation
/// on the covariance matrix (d ≤ a few hundred, so the d×d matrix is small).
struct PrincipalComponents {
    var mean: [Double]
    /// Unit directions, largest variance first.
    var directions: [[Double]]
    /// Variance along each direction.
    var variances: [Double]
    /// Total variance (trace of the covariance).
    var totalVariance: Double

    init(points: [[Double]], count: Int, iterations: Int = 500) {
        precondition(!points.isEmpty, "PrincipalComponents: no points")
        let d = points[0].count, n = Double(points.count)
        mean = (0..<d).map { j in points.reduce(0) { $0 + $1[j] } / n }
        var covariance = [[Double]](repeating: [Double](repeating: 0, count: d), count: d)
        for p in points {
            for a in 0..<d {
                let u = p[a] - mean[a]
                for b in a..<d { covariance[a][b] += u * (p[b] - mean[b]) }
            }
        }
        for a in 0..<d { for b in a..<d { covariance[a][b] /= n; covariance[b][a] = covariance[a][b] } }
        totalVariance = (0..<d).reduce(0) { $0 + covariance[$1][$1] }
        directions = []
        variances = []
        for c in 0..<min(count, d) {
            // Deterministic start that is not orthogonal to the leading direction in general.
            var v = (0..<d).map { j in 1 + Double((j * 7 + c * 3) % 11) / 10 }
            var lambda = 0.0
            for _ in 0..<iterations {
                var w = (0..<d).map { a in (0..<d).reduce(0) { $0 + covariance[a][$1] * v[$1] } }
                for u in directions {  // deflate: stay orthogonal to earlier directions
                    let dot = zip(w, u).reduce(0) { $0 + $1.0 * $1.1 }
                    w = zip(w, u).map { $0 - dot * $1 }
                }
                let norm = w.reduce(0) { $0 + $1 * $1 }.squareRoot()
                guard norm > 1e-300 else { break }
                lambda = norm
                v = w.map { $0 / norm }
            }
            directions.append(v)
            variances.append(lambda)
        }
    }

    /// Coordinates of `point` along the directions.
    func project(_ point: [Double]) -> [Double] {
        directions.map { u in zip(u, zip(point, mean)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) } }
    }

    /// Fraction of the total variance the directions capture.
    var explainedFraction: Double { totalVariance > 0 ? variances.reduce(0, +) / totalVariance : 1 }
}
