import Foundation
import PortableMath

/// A base-10 logarithmic map from a positive `domain` to `[pixelStart, pixelEnd]`.
///
/// Labelled ticks sit at powers of ten (every n-th power when the domain spans more than
/// ten decades); when it spans fewer than two decades, 2 × 10ᵏ and 5 × 10ᵏ are labelled too.
/// Labels read `0.001 … 1000` and `10ᵉ` beyond that range.
public struct LogScale: Scale, Hashable {
    public var domain: ClosedRange<Double>
    public var pixelStart: Double
    public var pixelEnd: Double

    public init(domain: ClosedRange<Double>, pixelStart: Double = 0, pixelEnd: Double = 1) {
        precondition(domain.lowerBound > 0 && domain.upperBound.isFinite,
                     "LogScale needs a positive finite domain, got \(domain)")
        self.domain = domain
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
    }

    /// The same scale with its domain widened to the enclosing powers of ten.
    /// A domain inside one decade is widened to that decade.
    public func niced() -> LogScale {
        let lower = PortableMath.pow(10, (PortableMath.log10(domain.lowerBound) + 1e-9).rounded(.down))
        var upper = PortableMath.pow(10, (PortableMath.log10(domain.upperBound) - 1e-9).rounded(.up))
        if upper <= lower { upper = lower * 10 }
        var copy = self
        copy.domain = lower...upper
        return copy
    }

    /// Number of decades the domain spans.
    public var decades: Double { PortableMath.log10(domain.upperBound) - PortableMath.log10(domain.lowerBound) }

    public func callAsFunction(_ value: Double) -> Double {
        let lo = PortableMath.log10(domain.lowerBound), width = decades
        guard width > 0 else { return (pixelStart + pixelEnd) / 2 }
        return pixelStart + (PortableMath.log10(value) - lo) / width * (pixelEnd - pixelStart)
    }

    public func canPlot(_ value: Double) -> Bool { value.isFinite && value > 0 }

    /// Containment with a relative slack of 10⁻⁹ (so `pow(10, -3)` is inside `0.001…1`).
    public func contains(_ value: Double) -> Bool {
        value >= domain.lowerBound * (1 - 1e-9) && value <= domain.upperBound * (1 + 1e-9)
    }

    public func ticks() -> [Tick] {
        let (firstExponent, lastExponent) = exponentRange
        let stride = max(1, Int((Double(lastExponent - firstExponent) / 10).rounded(.up)))
        var ticks: [Tick] = []
        for exponent in firstExponent...lastExponent {
            let multipliers: [Double] = decades < 2 ? [1, 2, 5] : [1]
            for multiplier in multipliers {
                if multiplier == 1 && (exponent - firstExponent) % stride != 0 { continue }
                let value = multiplier * PortableMath.pow(10, Double(exponent))
                if contains(value) {
                    ticks.append(Tick(value: value, label: LogScale.label(multiplier: Int(multiplier), exponent: exponent)))
                }
            }
        }
        return ticks
    }

    /// 2…9 × 10ᵏ not already labelled, when the domain spans at most six decades.
    public func minorTicks() -> [Double] {
        guard decades <= 6 else { return [] }
        let labelled = Set(ticks().map(\.value))
        let (firstExponent, lastExponent) = exponentRange
        var values: [Double] = []
        for exponent in firstExponent...lastExponent {
            for multiplier in 2...9 {
                let value = Double(multiplier) * PortableMath.pow(10, Double(exponent))
                if contains(value) && !labelled.contains(value) { values.append(value) }
            }
        }
        return values
    }

    /// `1`, `20`, `0.005`; `10⁻⁴`, `5×10⁶` outside 10⁻³…10³.
    public static func label(multiplier: Int, exponent: Int) -> String {
        guard (-3...3).contains(exponent) else {
            return NumberFormat.scientific(mantissa: String(multiplier), exponent: exponent)
        }
        return NumberFormat.fixed(Double(multiplier) * PortableMath.pow(10, Double(exponent)), fractionDigits: max(0, -exponent))
    }

    private var exponentRange: (Int, Int) {
        (NumberFormat.decimalExponent(domain.lowerBound), NumberFormat.decimalExponent(domain.upperBound))
    }
}
