extension DensityMap {
    /// The panels left to right (wrapping after `panelsPerRow`), each with its axes and
    /// heading, and a vertical colour bar beside the first row.
    public func document() -> SVGDocument {
        let id = ChartDocument.elementID(identifier, prefix: "density", title: title, summary: summary)
        let domain = colorDomain
        let xScaleAxis = Axis.linear(xAxis.title, domain: xRange), yScaleAxis = Axis.linear(yAxis.title, domain: yRange)
        // One frame sized for a panel; later panels are shifted right by its width.
        let headingHeight: Double = 22
        let probe = PlotFrame(xAxis: xScaleAxis, yAxis: yScaleAxis, xValues: [], yValues: [],
                              x0: 0, y0: headingHeight, x1: 1000, y1: 1000, inset: 0)
        let leftMargin = probe.left, rightMargin: Double = 12, bottomMargin = 1000 - probe.bottom
        let panelWidth = leftMargin + panelSize + rightMargin
        let colorBarWidth: Double = 90
        let perRow = min(panelsPerRow ?? panels.count, panels.count)
        let rowCount = (panels.count + perRow - 1) / perRow
        let rowHeight = headingHeight + 8 + panelSize + bottomMargin
        let width = Double(perRow) * panelWidth + colorBarWidth
        let height = Double(rowCount) * rowHeight
        var svg = SVGWriter()
        svg.numberStyle = numberStyle
        ChartDocument.open(&svg, id: id, title: title, summary: summary, width: width, height: height)
        for (index, panel) in panels.enumerated() {
            let x0 = Double(index % perRow) * panelWidth, top = Double(index / perRow) * rowHeight
            let frame = PlotFrame(xAxis: xScaleAxis, yAxis: yScaleAxis, xValues: [], yValues: [],
                                  x0: x0, y0: top + headingHeight, x1: x0 + panelWidth, y1: top + rowHeight, inset: 0)
            svg.open("g", [("class", "panel"), ("aria-label", panel.heading)])
            svg.element("text", [("class", "panel-heading"), ("x", px((frame.left + frame.right) / 2)), ("y", px(top + 16)),
                                 ("text-anchor", "middle"), ("font-size", px(ChartTheme.axisTitleFontSize)),
                                 ("fill", Color.text.hex)], text: panel.heading)
            svg.element("image", [("x", px(frame.left)), ("y", px(frame.top)),
                                  ("width", px(frame.right - frame.left)), ("height", px(frame.bottom - frame.top)),
                                  ("preserveAspectRatio", "none"), ("style", "image-rendering: pixelated"),
                                  ("href", PNGEncoder.dataURI(png(panel, domain: domain)))])
            frame.drawAxes(xScaleAxis, yScaleAxis, grid: false, into: &svg)
            if !panel.points.isEmpty {
                svg.open("g", [("class", "points"), ("fill", "#ffffff"), ("fill-opacity", "0.8"), ("stroke", "#000000"),
                               ("stroke-width", "0.5")])
                for p in panel.points where p.count == 2 && frame.layout.isInside(p[0], p[1]) {
                    svg.element("circle", [("cx", px(frame.layout.xScale(p[0]))), ("cy", px(frame.layout.yScale(p[1]))),
                                           ("r", "1.6")])
                }
                svg.close()
            }
            svg.close()
        }
        drawColorBar(id: id, domain: domain, x: Double(perRow) * panelWidth + 8,
                     top: headingHeight + 8, bottom: headingHeight + 8 + panelSize, into: &svg)
        svg.close()
        return svg.document()
    }

    private func drawColorBar(id: String, domain: ClosedRange<Double>, x: Double, top: Double, bottom: Double,
                              into svg: inout SVGWriter) {
        let barWidth: Double = 14
        svg.open("g", [("class", "color-bar")])
        svg.open("defs")
        svg.open("linearGradient", [("id", "\(id)-gradient"), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
        let stops = 16
        for i in 0...stops {
            let t = Double(i) / Double(stops)
            svg.element("stop", [("offset", NumberFormat.coordinate(t)), ("stop-color", colormap.color(t).hex)])
        }
        svg.close()
        svg.close()
        svg.element("rect", [("x", px(x)), ("y", px(top)), ("width", px(barWidth)), ("height", px(bottom - top)),
                             ("fill", "url(#\(id)-gradient)"), ("stroke", Color.axis.hex), ("stroke-width", "0.5")])
        let scale = LinearScale(domain: domain, pixelStart: bottom, pixelEnd: top)
        for tick in scale.ticks() {
            let y = scale(tick.value)
            let label: String
            if case .logarithmic = colorScale {
                label = (tick.value == tick.value.rounded()) ? "10" + NumberFormat.superscript(Int(tick.value)) : tick.label
            } else {
                label = tick.label
            }
            svg.element("line", [("x1", px(x + barWidth)), ("y1", px(y)), ("x2", px(x + barWidth + 4)), ("y2", px(y)),
                                 ("stroke", Color.axis.hex)])
            svg.element("text", [("class", "tick"), ("x", px(x + barWidth + 6)), ("y", px(y)), ("dy", "0.32em"),
                                 ("fill", Color.text.hex)], text: label)
        }
        let cx = x + barWidth + 58, cy = (top + bottom) / 2
        svg.element("text", [("class", "axis-title"), ("x", px(cx)), ("y", px(cy)), ("text-anchor", "middle"),
                             ("transform", "rotate(-90 \(px(cx)) \(px(cy)))"), ("fill", Color.text.hex)],
                    text: colorBarTitle)
        svg.close()
    }
}
