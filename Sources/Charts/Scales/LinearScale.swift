/// A linear map from `domain` to `[pixelStart, pixelEnd]`, with ticks at 1, 2, 5 × 10ᵏ steps.
public struct LinearScale: Scale, Hashable {
    public var domain: ClosedRange<Double>
    public var pixelStart: Double
    public var pixelEnd: Double
    /// About how many ticks to propose (Heckbert's target count).
    public var tickCount: Int

    public init(domain: ClosedRange<Double>, pixelStart: Double = 0, pixelEnd: Double = 1, tickCount: Int = 5) {
        precondition(domain.lowerBound.isFinite && domain.upperBound.isFinite, "LinearScale needs a finite domain, got \(domain)")
        precondition(tickCount >= 2, "LinearScale needs tickCount ≥ 2, got \(tickCount)")
        self.domain = domain
        self.pixelStart = pixelStart
        self.pixelEnd = pixelEnd
        self.tickCount = tickCount
    }

    /// The same scale with its domain widened to enclosing nice tick values.
    public func niced() -> LinearScale {
        let nice = NiceNumbers.looseTicks(domain.lowerBound, domain.upperBound, count: tickCount)
        var copy = self
        copy.domain = nice.lower...nice.upper
        return copy
    }

    /// `pixelStart + (value − lower) / (upper − lower) · (pixelEnd − pixelStart)`;
    /// a zero-width domain maps everything to the middle.
    public func callAsFunction(_ value: Double) -> Double {
        let width = domain.upperBound - domain.lowerBound
        guard width > 0 else { return (pixelStart + pixelEnd) / 2 }
        return pixelStart + (value - domain.lowerBound) / width * (pixelEnd - pixelStart)
    }

    public func canPlot(_ value: Double) -> Bool { value.isFinite }

    /// Containment with an absolute slack of 10⁻⁹ of the domain's width.
    public func contains(_ value: Double) -> Bool {
        let slack = (domain.upperBound - domain.lowerBound) * 1e-9
        return value >= domain.lowerBound - slack && value <= domain.upperBound + slack
    }

    /// The step Heckbert's algorithm picks for this domain.
    public var tickStep: Double {
        NiceNumbers.looseTicks(domain.lowerBound, domain.upperBound, count: tickCount).step
    }

    /// Multiples of `tickStep` inside the domain, labelled with as many decimals as the step needs.
    public func ticks() -> [Tick] {
        let step = tickStep
        let first = Int((domain.lowerBound / step - 1e-9).rounded(.up))
        let last = Int((domain.upperBound / step + 1e-9).rounded(.down))
        guard first <= last else { return [] }
        return (first...last).map { i in
            let value = Double(i) * step
            return Tick(value: value, label: LinearScale.label(value, step: step))
        }
    }

    public func minorTicks() -> [Double] { [] }

    /// A tick label for a multiple of `step`: fixed decimals (`0.2`, `1500`), as many as the
    /// step needs, for ordinary magnitudes; `m×10ᵉ` (zero as `0`) when the values reach a
    /// million or the step is below 10⁻⁴.
    public static func label(_ value: Double, step: Double) -> String {
        let stepExponent = NumberFormat.decimalExponent(step)
        let isZero = abs(value) < step * 1e-6
        let exponent = isZero ? 0 : NumberFormat.decimalExponent(value)
        if exponent >= 6 || stepExponent <= -5 {
            guard !isZero else { return "0" }
            var mantissa = value
            for _ in 0..<abs(exponent) { mantissa = exponent > 0 ? mantissa / 10 : mantissa * 10 }
            let digits = min(15, max(0, exponent - stepExponent))
            return NumberFormat.fixed(mantissa, fractionDigits: digits) + "×10" + NumberFormat.superscript(exponent)
        }
        return NumberFormat.fixed(value, fractionDigits: max(0, -stepExponent))
    }
}
