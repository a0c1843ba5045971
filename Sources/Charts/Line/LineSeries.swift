/// One point of a line series, with an optional vertical error bar from `yLow` to `yHigh`.
public struct DataPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var yLow: Double?
    public var yHigh: Double?

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// A point with a symmetric error bar `y ± error`.
    public init(x: Double, y: Double, error: Double) {
        self.init(x: x, y: y, low: y - error, high: y + error)
    }

    public init(x: Double, y: Double, low: Double, high: Double) {
        precondition(low <= high || low.isNaN || high.isNaN, "error bar low \(low) exceeds high \(high)")
        self.x = x
        self.y = y
        self.yLow = low
        self.yHigh = high
    }

    var hasErrorBar: Bool { yLow != nil && yHigh != nil }
}

/// A named sequence of points joined by a line.
public struct LineSeries: Hashable, Sendable {
    /// How the points' `yLow…yHigh` ranges are drawn.
    public enum ErrorStyle: Hashable, Sendable {
        /// A vertical bar with caps at every point.
        case bars
        /// A translucent band between the lows and the highs, under the line (for a mean ±
        /// standard error along epochs); broken where a point has no drawable range.
        case band
    }

    public var name: String
    public var points: [DataPoint]
    public var errorStyle: ErrorStyle = .bars
    public var stroke: StrokeStyle
    /// The point symbol; nil picks one by the series' index (circle, square, triangle, diamond).
    public var marker: Marker?
    /// nil picks the series' Okabe–Ito colour by index.
    public var color: Color?
    public var showsInLegend: Bool

    public init(_ name: String, points: [DataPoint], stroke: StrokeStyle = .solid, marker: Marker? = nil,
                color: Color? = nil, showsInLegend: Bool = true) {
        self.name = name
        self.points = points
        self.stroke = stroke
        self.marker = marker
        self.color = color
        self.showsInLegend = showsInLegend
    }

    /// A series from parallel x and y arrays.
    public init(_ name: String, x: [Double], y: [Double], stroke: StrokeStyle = .solid, marker: Marker? = nil,
                color: Color? = nil) {
        precondition(x.count == y.count, "LineSeries '\(name)': \(x.count) x values but \(y.count) y values")
        self.init(name, points: zip(x, y).map { DataPoint(x: $0, y: $1) }, stroke: stroke, marker: marker, color: color)
    }
}

/// A horizontal line across the plot at `y`, drawn above the series, with a label
/// (e.g. "KL analítico") in the legend or written above the line's right end.
public struct ReferenceLine: Hashable, Sendable {
    public enum LabelPlacement: Hashable, Sendable {
        /// A legend entry after the series' (never collides with data).
        case legend
        /// Text just above the line, at the plot's right edge.
        case inline
    }

    public var y: Double
    public var label: String
    public var stroke: StrokeStyle
    public var color: Color
    public var labelPlacement: LabelPlacement

    public init(y: Double, label: String, stroke: StrokeStyle = .dashed, color: Color = .reference,
                labelPlacement: LabelPlacement = .legend) {
        self.y = y
        self.label = label
        self.stroke = stroke
        self.color = color
        self.labelPlacement = labelPlacement
    }
}
