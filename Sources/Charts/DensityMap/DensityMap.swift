import Foundation
import PortableMath

/// One or more density maps (heat maps) side by side over the same 2-D region, on one shared
/// colour scale (viridis) with a colour bar; e.g. a prior next to an aggregated posterior.
///
/// ```swift
/// DensityMap(title: "Prior e posterior agregada", summary: "…", xAxis: .linear("z₁"), yAxis: .linear("z₂"),
///            x: -4...4, y: -4...4, panels: [DensityPanel("p(z)", columns: 80, values: prior),
///                                           DensityPanel("q(z)", columns: 80, values: aggregate)],
///            colorBarTitle: "densidade").svg()
/// ```
///
/// Each panel's grid is row-major with `rows × columns` cells; row 0 is the *lowest* y and
/// column 0 the lowest x (cell centres at `x.lowerBound + (j + ½)·Δx`). The cells are drawn as
/// one embedded PNG per panel (`image-rendering: pixelated`), so large grids stay small.
/// With `.logarithmic(decades:)` the colour encodes log₁₀ of the value, floored at
/// `max · 10^−decades` (zeros and the hole show as the darkest colour). With
/// `.linearClipped(quantile:)` the scale tops out at that quantile of all values, so a few
/// extreme cells saturate instead of darkening every panel. `panelsPerRow` wraps the panels
/// onto several rows (the colour bar stands beside the first).
public struct DensityMap: Hashable, Sendable {
    /// How the page writes numbers; every text the chart draws goes through it (`plain`: the
    /// machine form).
    public var numberStyle = NumberStyle.plain
    public enum ColorScale: Hashable, Sendable {
        case linear
        case linearClipped(quantile: Double)
        case logarithmic(decades: Double)
    }

    public var title: String
    public var summary: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var panels: [DensityPanel]
    public var colorBarTitle: String
    public var colorScale: ColorScale
    public var colormap: Colormap
    /// Side of each square panel's plot area in pixels.
    public var panelSize: Double
    /// Panels per row (nil: all on one row).
    public var panelsPerRow: Int?
    public var identifier: String?

    public init(title: String, summary: String, xAxis: Axis, yAxis: Axis, x: ClosedRange<Double>, y: ClosedRange<Double>,
                panels: [DensityPanel], colorBarTitle: String, colorScale: ColorScale = .linear,
                colormap: Colormap = .viridis, panelSize: Double = 260, panelsPerRow: Int? = nil, identifier: String? = nil) {
        precondition(!panels.isEmpty, "DensityMap needs at least one panel")
        precondition(x.upperBound > x.lowerBound && y.upperBound > y.lowerBound, "DensityMap needs non-empty ranges")
        self.title = title
        self.summary = summary
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.xRange = x
        self.yRange = y
        self.panels = panels
        self.colorBarTitle = colorBarTitle
        self.colorScale = colorScale
        self.colormap = colormap
        self.panelSize = panelSize
        self.panelsPerRow = panelsPerRow.map { max(1, $0) }
        self.identifier = identifier
    }

    /// The value range the colours span (after the log transform, if any).
    public var colorDomain: ClosedRange<Double> {
        let values = panels.flatMap(\.values).filter(\.isFinite)
        let high = values.max() ?? 1
        switch colorScale {
        case .linear:
            let low = min(values.min() ?? 0, high)
            return low == high ? low...(low + 1) : low...high
        case .linearClipped(let quantile):
            let sorted = values.sorted()
            let low = sorted.first ?? 0
            let index = Int((Double(max(sorted.count - 1, 0)) * min(max(quantile, 0), 1)).rounded())
            let top = sorted.isEmpty ? 1 : sorted[index]
            return low >= top ? low...(low + 1) : low...top
        case .logarithmic(let decades):
            let top = PortableMath.log10(max(high, .leastNormalMagnitude))
            return (top - decades)...top
        }
    }

    /// The colour position in [0, 1] of a value.
    func position(_ value: Double, in domain: ClosedRange<Double>) -> Double {
        let v: Double
        switch colorScale {
        case .linear, .linearClipped: v = value
        case .logarithmic: v = value > 0 ? PortableMath.log10(value) : domain.lowerBound
        }
        return (v - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
    }

    /// The panel's cells as an RGB PNG (row 0 of the image = highest y).
    func png(_ panel: DensityPanel, domain: ClosedRange<Double>) -> Data {
        var bytes = [UInt8]()
        bytes.reserveCapacity(panel.values.count * 3)
        for row in (0..<panel.rows).reversed() {
            for column in 0..<panel.columns {
                let (r, g, b) = colormap.rgb(position(panel.values[row * panel.columns + column], in: domain))
                bytes += [r, g, b]
            }
        }
        return PNGEncoder.encode(width: panel.columns, height: panel.rows, colorType: .rgb, pixels: bytes)
    }
}

/// One grid of values of a `DensityMap`, with a heading and optional points drawn on top.
public struct DensityPanel: Hashable, Sendable {
    public var heading: String
    public var columns: Int
    public var values: [Double]
    /// Points overlaid as small white-rimmed dots (e.g. training data), `(x, y)` pairs.
    public var points: [[Double]]

    public init(_ heading: String, columns: Int, values: [Double], points: [[Double]] = []) {
        precondition(columns > 0 && !values.isEmpty && values.count % columns == 0,
                     "DensityPanel '\(heading)': \(values.count) values do not fill rows of \(columns)")
        self.heading = heading
        self.columns = columns
        self.values = values
        self.points = points
    }

    public var rows: Int { values.count / columns }
}
