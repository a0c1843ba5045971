/// A labelled position on an axis.
public struct Tick: Hashable, Sendable {
    public var value: Double
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Maps data values to pixel positions along one axis, and proposes ticks.
///
/// `pixelStart` is where `domain.lowerBound` lands; it may be greater than `pixelEnd`
/// (a y axis grows upwards while SVG coordinates grow downwards).
public protocol Scale: Sendable {
    var domain: ClosedRange<Double> { get }
    var pixelStart: Double { get }
    var pixelEnd: Double { get }
    /// The pixel position of `value` (not clamped to the domain).
    func callAsFunction(_ value: Double) -> Double
    /// Whether `value` can be drawn at all (finite; positive for a log scale).
    func canPlot(_ value: Double) -> Bool
    /// Whether `value` lies in the domain, with a small tolerance for rounding.
    func contains(_ value: Double) -> Bool
    /// Labelled ticks inside the domain.
    func ticks() -> [Tick]
    /// Unlabelled minor tick positions inside the domain (may be empty).
    func minorTicks() -> [Double]
}
