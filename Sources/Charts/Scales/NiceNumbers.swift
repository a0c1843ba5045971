import Foundation
import PortableMath

/// Heckbert's "nice numbers" for axis labels (Graphics Gems, 1990): steps of 1, 2 or 5 × 10ᵏ.
public enum NiceNumbers {
    /// A nice number close to `x > 0`. With `round`, the nearest of 1, 2, 5, 10 × 10ᵏ;
    /// otherwise the smallest such number ≥ `x` (a ceiling).
    public static func nice(_ x: Double, round: Bool) -> Double {
        precondition(x > 0 && x.isFinite, "nice(_:) needs a finite positive number, got \(x)")
        let exponent = floor(PortableMath.log10(x))
        let power = PortableMath.pow(10, exponent)
        let fraction = x / power
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }

    /// Loose labelling of `[lower, upper]` with about `count` ticks: a nice step and the
    /// multiples of it that enclose the interval.
    ///
    ///     ticks(0.3, 9.2, count: 5) == (lower: 0, upper: 10, step: 2)
    ///
    /// A degenerate interval (`lower == upper`) is widened by one unit (or 10 % of |value|).
    public static func looseTicks(_ lower: Double, _ upper: Double, count: Int)
        -> (lower: Double, upper: Double, step: Double) {
        precondition(count >= 2, "a scale needs at least two ticks, got \(count)")
        precondition(lower.isFinite && upper.isFinite && lower <= upper, "invalid interval \(lower)...\(upper)")
        var lo = lower, hi = upper
        if lo == hi {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let range = nice(hi - lo, round: false)
        let step = nice(range / Double(count - 1), round: true)
        let niceLower = (lo / step + 1e-9).rounded(.down) * step
        let niceUpper = (hi / step - 1e-9).rounded(.up) * step
        return (niceLower, niceUpper, step)
    }
}
