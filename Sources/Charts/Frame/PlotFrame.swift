/// The axes-and-grid frame shared by the scatter, histogram and density charts: margins
/// sized from the tick labels, the two scales, and the drawing of grid and axes (through the
/// same `AxisRenderer` as the line chart, so every chart looks alike).
struct PlotFrame {
    var layout: PlotLayout

    /// A frame inside `x0…x1 × y0…y1` (SVG pixels) whose plot rectangle leaves room for
    /// the y tick labels and both axis titles. `inset` keeps data off the axis lines.
    init(xAxis: Axis, yAxis: Axis, xValues: [Double], yValues: [Double],
         x0: Double, y0: Double, x1: Double, y1: Double, inset: Double = PlotLayout.inset) {
        let provisionalY = yAxis.scale(for: yValues, pixelStart: 1, pixelEnd: 0)
        let widest = provisionalY.ticks().map { ChartTheme.textWidth($0.label) }.max() ?? 0
        let left = x0 + 12 + (yAxis.title.isEmpty ? 0 : 18) + widest + 10
        let right = x1 - 12
        let top = y0 + 8
        let bottom = y1 - (xAxis.title.isEmpty ? 32 : 52)
        let xScale = xAxis.scale(for: xValues, pixelStart: left + inset, pixelEnd: right - inset)
        let yScale = yAxis.scale(for: yValues, pixelStart: bottom - inset, pixelEnd: top + inset)
        layout = PlotLayout(left: left, top: top, right: right, bottom: bottom, xScale: xScale, yScale: yScale)
    }

    var left: Double { layout.left }
    var right: Double { layout.right }
    var top: Double { layout.top }
    var bottom: Double { layout.bottom }

    func drawAxes(_ xAxis: Axis, _ yAxis: Axis, grid: Bool = true, into svg: inout SVGWriter) {
        if grid { AxisRenderer.drawGrid(layout, into: &svg) }
        AxisRenderer.drawXAxis(xAxis, layout, into: &svg)
        AxisRenderer.drawYAxis(yAxis, layout, into: &svg)
    }
}

extension PlotLayout {
    /// A layout with explicit rectangle and scales (no legend).
    init(left: Double, top: Double, right: Double, bottom: Double, xScale: any Scale, yScale: any Scale) {
        self.left = left
        self.top = top
        self.right = right
        self.bottom = bottom
        self.xScale = xScale
        self.yScale = yScale
        self.legendRows = []
    }
}

/// Opening and closing of a chart's `<svg>` root with `<title>`, `<desc>` and a white
/// background, shared by every chart type.
enum ChartDocument {
    static func open(_ svg: inout SVGWriter, id: String, title: String, summary: String, width: Double, height: Double) {
        openRoot(&svg, id: id, title: title, summary: summary, width: width, height: height)
        svg.element("rect", [("width", px(width)), ("height", px(height)), ("fill", "#ffffff")])
    }

    /// The `<svg>` root with its size, `<title>` and `<desc>`, before any background: a chart
    /// that needs `<defs>` first (the line chart's clip path) calls this, then draws its own.
    static func openRoot(_ svg: inout SVGWriter, id: String, title: String, summary: String, width: Double, height: Double) {
        svg.size = (width, height)
        svg.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", px(width)), ("height", px(height)),
            ("viewBox", "0 0 \(px(width)) \(px(height))"),
            ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("font-family", ChartTheme.fontFamily), ("font-size", px(ChartTheme.fontSize)),
        ])
        svg.element("title", [("id", "\(id)-title")], text: title)
        svg.element("desc", [("id", "\(id)-desc")], text: summary)
    }

    /// An XML-safe id prefix: `identifier` sanitized, or `prefix-` + a hash of the text.
    static func elementID(_ identifier: String?, prefix: String, title: String, summary: String) -> String {
        guard let identifier, !identifier.isEmpty else { return prefix + "-" + fnv1a(title + "\u{0}" + summary) }
        var safe = String(identifier.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        if let first = safe.first, !first.isLetter { safe = "c-" + safe }
        return safe
    }
}
