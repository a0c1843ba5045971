/// A histogram of one or more named samples over shared, equal-width bins; bars of several
/// series are drawn semi-transparent on top of each other. Heights are counts, or densities
/// (count / (n · bin width), integrating to 1) with `normalized`.
///
/// ```swift
/// Histogram(title: "Estimativas de KL", summary: "…", xAxis: .linear("KL (nats)"),
///           series: [HistogramSeries("S = 1", values: estimates)], bins: 30).svg()
/// ```
public struct Histogram: Hashable, Sendable {
    /// How the page writes numbers; every text the chart draws goes through it (`plain`: the
    /// machine form).
    public var numberStyle = NumberStyle.plain
    public var title: String
    public var summary: String
    public var xAxis: Axis
    public var yAxisTitle: String
    public var series: [HistogramSeries]
    public var binCount: Int
    public var normalized: Bool
    public var width: Double
    public var height: Double
    public var identifier: String?

    public init(title: String, summary: String, xAxis: Axis, yAxisTitle: String? = nil, series: [HistogramSeries],
                bins: Int = 30, normalized: Bool = false, width: Double = 640, height: Double = 400,
                identifier: String? = nil) {
        precondition(bins >= 1, "Histogram needs at least one bin")
        self.title = title
        self.summary = summary
        self.xAxis = xAxis
        self.yAxisTitle = yAxisTitle ?? (normalized ? "Densidade" : "Contagem")
        self.series = series
        self.binCount = bins
        self.normalized = normalized
        self.width = width
        self.height = height
        self.identifier = identifier
    }

    /// Bin edges (`binCount + 1`) spanning the finite values of all series (or the axis domain).
    public var edges: [Double] {
        let values = series.flatMap(\.values).filter(\.isFinite)
        var lower = xAxis.domain?.lowerBound ?? values.min() ?? 0
        var upper = xAxis.domain?.upperBound ?? values.max() ?? 1
        if upper <= lower { lower -= 0.5; upper += 0.5 }
        return (0...binCount).map { lower + (upper - lower) * Double($0) / Double(binCount) }
    }

    /// Bar heights of series `index`, one per bin (values outside the edges are ignored;
    /// the last bin is closed on the right).
    public func heights(of index: Int) -> [Double] {
        let edges = self.edges
        let lower = edges[0], upper = edges[binCount], width = (upper - lower) / Double(binCount)
        var counts = [Double](repeating: 0, count: binCount)
        var n = 0
        for v in series[index].values where v.isFinite && v >= lower && v <= upper {
            counts[min(Int((v - lower) / width), binCount - 1)] += 1
            n += 1
        }
        return normalized && n > 0 ? counts.map { $0 / (Double(n) * width) } : counts
    }

    public func document() -> SVGDocument {
        let id = ChartDocument.elementID(identifier, prefix: "histogram", title: title, summary: summary)
        let edges = self.edges
        let allHeights = series.indices.map(heights(of:))
        let legend = CategoricalLegend(entries: series.count > 1 ? series.indices.map { (series[$0].name, Palette.color(at: $0), Marker.square) } : [],
                                       availableWidth: width - 80)
        let yAxis = Axis.linear(yAxisTitle, includesZero: true)
        let frame = PlotFrame(xAxis: .linear(xAxis.title, domain: edges[0]...edges[binCount]), yAxis: yAxis,
                              xValues: edges, yValues: allHeights.flatMap { $0 } + [0],
                              x0: 0, y0: legend.height, x1: width, y1: height, inset: 0)
        var svg = SVGWriter()
        svg.numberStyle = numberStyle
        ChartDocument.open(&svg, id: id, title: title, summary: summary, width: width, height: height)
        frame.drawAxes(.linear(xAxis.title), yAxis, into: &svg)
        let x = frame.layout.xScale, y = frame.layout.yScale
        for (index, heights) in allHeights.enumerated() {
            let color = Palette.color(at: index)
            svg.open("g", [("class", "bars"), ("aria-label", series[index].name), ("fill", color.hex),
                           ("fill-opacity", series.count > 1 ? "0.55" : "0.85")])
            for (bin, h) in heights.enumerated() where h > 0 {
                let x0 = x(edges[bin]), x1 = x(edges[bin + 1]), top = y(h), base = y(0)
                svg.element("rect", [("x", px(x0)), ("y", px(top)), ("width", px(max(0, x1 - x0 - 0.5))),
                                     ("height", px(max(0, base - top)))])
            }
            svg.close()
        }
        legend.draw(left: frame.left, top: 8, into: &svg)
        svg.close()
        return svg.document()
    }
}

/// One named sample of a histogram.
public struct HistogramSeries: Hashable, Sendable {
    public var name: String
    public var values: [Double]
    public init(_ name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
