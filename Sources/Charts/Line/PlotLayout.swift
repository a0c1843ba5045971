/// Where the parts of a chart go: margins, plot rectangle, legend rows, and the two scales.
struct PlotLayout {
    /// Plot rectangle in SVG pixels (y grows downwards).
    var left: Double, top: Double, right: Double, bottom: Double
    var xScale: any Scale
    var yScale: any Scale
    var legendRows: [[LegendLayout.Item]]

    /// Data are drawn this far inside the plot rectangle so markers on the domain's edge
    /// do not sit on the axis lines.
    static let inset: Double = 8

    init(chart: LineChart) {
        let width = chart.width, height = chart.height
        let xValues = chart.series.flatMap { $0.points.map(\.x) }
        var yValues = chart.series.flatMap { $0.points.flatMap { [$0.y] + [$0.yLow, $0.yHigh].compactMap { $0 } } }
        yValues += chart.referenceLines.map(\.y)

        // Tick labels depend only on the domain, so a provisional y scale sizes the left margin.
        let provisionalY = chart.yAxis.scale(for: yValues, pixelStart: 1, pixelEnd: 0)
        let widestYLabel = provisionalY.ticks().map { ChartTheme.textWidth($0.label) }.max() ?? 0
        left = 12 + (chart.yAxis.title.isEmpty ? 0 : 18) + widestYLabel + 10
        right = width - 20
        legendRows = chart.showsLegend
            ? LegendLayout.rows(for: chart, availableWidth: right - left) : []
        top = 12 + Double(legendRows.count) * LegendLayout.rowHeight + (legendRows.isEmpty ? 0 : 6)
        bottom = height - (chart.xAxis.title.isEmpty ? 32 : 52)
        xScale = chart.xAxis.scale(for: xValues, pixelStart: left + Self.inset, pixelEnd: right - Self.inset)
        yScale = chart.yAxis.scale(for: yValues, pixelStart: bottom - Self.inset, pixelEnd: top + Self.inset)
    }

    /// Pixel position of a data point, or nil when either coordinate cannot be drawn.
    func position(_ x: Double, _ y: Double) -> (x: Double, y: Double)? {
        guard xScale.canPlot(x), yScale.canPlot(y) else { return nil }
        return (xScale(x), yScale(y))
    }

    /// Whether a data point lies inside both domains (markers outside are not drawn).
    func isInside(_ x: Double, _ y: Double) -> Bool {
        xScale.canPlot(x) && yScale.canPlot(y) && xScale.contains(x) && yScale.contains(y)
    }
}
