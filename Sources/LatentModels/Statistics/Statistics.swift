import Foundation
import PortableMath

/// Small descriptive statistics in `Double`.
public enum Statistics {
    /// Arithmetic mean; NaN for an empty array.
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    /// Sample standard deviation with Bessel's correction, √(Σ(x − x̄)² / (n − 1)); NaN for n < 2.
    /// Two-pass for accuracy.
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return .nan }
        let m = mean(values)
        let squares = values.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// Standard error of the mean, s / √n with s the sample standard deviation (n − 1); NaN for n < 2.
    public static func standardError(_ values: [Double]) -> Double {
        standardDeviation(values) / Double(values.count).squareRoot()
    }

    /// Slope b of the least-squares line y ≈ a + b·x; nil with fewer than two distinct x.
    public static func leastSquaresSlope(x: [Double], y: [Double]) -> Double? {
        precondition(x.count == y.count, "leastSquaresSlope: \(x.count) x values but \(y.count) y values")
        guard x.count >= 2 else { return nil }
        let mx = mean(x), my = mean(y)
        var sxy = 0.0, sxx = 0.0
        for (xi, yi) in zip(x, y) {
            sxy += (xi - mx) * (yi - my)
            sxx += (xi - mx) * (xi - mx)
        }
        return sxx > 0 ? sxy / sxx : nil
    }

    /// log Σ exp(aᵢ), computed as m + log Σ exp(aᵢ − m) with m = max aᵢ so that nothing
    /// overflows and the largest term never underflows. −∞ for an empty array or all −∞.
    public static func logSumExp(_ terms: [Double]) -> Double {
        guard let m = terms.max(), m > -.infinity else { return -.infinity }
        if m == .infinity { return .infinity }
        return m + PortableMath.log(terms.reduce(0) { $0 + PortableMath.exp($1 - m) })
    }
}
