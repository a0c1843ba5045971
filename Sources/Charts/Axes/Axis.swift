/// What one axis of a chart shows: a title, linear or logarithmic, and its extent.
public struct Axis: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case linear
        /// Base 10; non-positive values cannot be drawn and are skipped.
        case log
    }

    public var title: String
    public var kind: Kind
    /// A fixed extent; nil means "from the data", widened to nice ticks.
    public var domain: ClosedRange<Double>?
    /// For automatic linear domains: also include zero.
    public var includesZero: Bool

    public init(_ title: String, kind: Kind = .linear, domain: ClosedRange<Double>? = nil, includesZero: Bool = false) {
        self.title = title
        self.kind = kind
        self.domain = domain
        self.includesZero = includesZero
    }

    public static func linear(_ title: String, domain: ClosedRange<Double>? = nil, includesZero: Bool = false) -> Axis {
        Axis(title, kind: .linear, domain: domain, includesZero: includesZero)
    }

    public static func log(_ title: String, domain: ClosedRange<Double>? = nil) -> Axis {
        Axis(title, kind: .log, domain: domain)
    }

    /// A scale spanning `[pixelStart, pixelEnd]` for the given data values (ignored when
    /// `domain` is fixed). Values the axis cannot draw are ignored; with none left the
    /// domain is 0…1 (linear) or 1…10 (log).
    func scale(for values: [Double], pixelStart: Double, pixelEnd: Double) -> any Scale {
        switch kind {
        case .linear:
            if let domain {
                return LinearScale(domain: domain, pixelStart: pixelStart, pixelEnd: pixelEnd)
            }
            var usable = values.filter(\.isFinite)
            if includesZero { usable.append(0) }
            let lower = usable.min() ?? 0, upper = usable.max() ?? 1
            return LinearScale(domain: lower...upper, pixelStart: pixelStart, pixelEnd: pixelEnd).niced()
        case .log:
            if let domain {
                return LogScale(domain: domain, pixelStart: pixelStart, pixelEnd: pixelEnd)
            }
            let usable = values.filter { $0.isFinite && $0 > 0 }
            let lower = usable.min() ?? 1, upper = usable.max() ?? 10
            return LogScale(domain: lower...upper, pixelStart: pixelStart, pixelEnd: pixelEnd).niced()
        }
    }
}
