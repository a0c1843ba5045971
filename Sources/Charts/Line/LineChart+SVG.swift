extension LineChart {
    /// The chart as one `<svg xmlns="http://www.w3.org/2000/svg" …>` element (with a final newline).
    ///
    /// Each series is one `<path>` (points that cannot be drawn — non-finite, or ≤ 0 on a log
    /// axis — break the line), its error bars are `<line>`s and its markers circles, rects or
    /// polygons, so `<path>` elements without a class correspond one-to-one to series with
    /// drawable points; a series drawn with `.band` adds one `<path class="band">` before its line.
    public func document() -> SVGDocument {
        let layout = PlotLayout(chart: self)
        let id = elementID
        var svg = SVGWriter()
        svg.numberStyle = numberStyle
        ChartDocument.openRoot(&svg, id: id, title: title, summary: summary, width: width, height: height)
        svg.open("defs")
        svg.open("clipPath", [("id", "\(id)-plot")])
        svg.element("rect", [("x", px(layout.left)), ("y", px(layout.top)),
                             ("width", px(layout.right - layout.left)), ("height", px(layout.bottom - layout.top))])
        svg.close()
        svg.close()
        svg.element("rect", [("width", px(width)), ("height", px(height)), ("fill", "#ffffff")])
        AxisRenderer.drawGrid(layout, into: &svg)
        AxisRenderer.drawXAxis(xAxis, layout, into: &svg)
        AxisRenderer.drawYAxis(yAxis, layout, into: &svg)
        for index in series.indices {
            drawSeries(index, layout, clipID: "\(id)-plot", into: &svg)
        }
        drawReferenceLines(layout, clipID: "\(id)-plot", into: &svg)
        LegendLayout.draw(layout.legendRows, chart: self, left: layout.left, into: &svg)
        svg.close()
        return svg.document()
    }

    private func drawReferenceLines(_ layout: PlotLayout, clipID: String, into svg: inout SVGWriter) {
        let drawable = referenceLines.filter { layout.yScale.canPlot($0.y) }
        guard !drawable.isEmpty else { return }
        svg.open("g", [("class", "reference-lines")])
        for line in drawable {
            let y = layout.yScale(line.y)
            var attributes: SVGWriter.Attributes = [("x1", px(layout.left)), ("y1", px(y)), ("x2", px(layout.right)),
                                                    ("y2", px(y)), ("stroke", line.color.hex), ("stroke-width", "1.5"),
                                                    ("clip-path", "url(#\(clipID))")]
            if let dash = line.stroke.dashArray { attributes.append(("stroke-dasharray", dash)) }
            svg.element("line", attributes)
            if line.labelPlacement == .inline && !line.label.isEmpty && layout.yScale.contains(line.y) {
                svg.element("text", [("x", px(layout.right - 4)), ("y", px(y - 5)), ("text-anchor", "end"),
                                     ("fill", line.color.hex), ("stroke", "#ffffff"), ("stroke-width", "3"),
                                     ("paint-order", "stroke")], text: line.label)
            }
        }
        svg.close()
    }

    private func drawSeries(_ index: Int, _ layout: PlotLayout, clipID: String, into svg: inout SVGWriter) {
        let series = self.series[index]
        let color = color(of: index)
        svg.open("g", [("class", "series"), ("aria-label", series.name)])

        // Error bars or band first, so the line and markers sit on top.
        let bars = series.points.filter(\.hasErrorBar)
        if !bars.isEmpty, series.errorStyle == .band {
            drawBand(series.points, color: color, layout, clipID: clipID, into: &svg)
        } else if !bars.isEmpty {
            svg.open("g", [("class", "error-bars"), ("stroke", color.hex), ("stroke-width", "1.2"),
                           ("clip-path", "url(#\(clipID))")])
            for point in bars {
                drawErrorBar(point, layout, into: &svg)
            }
            svg.close()
        }

        var d: [String] = []
        var penDown = false
        for point in series.points {
            guard let p = layout.position(point.x, point.y) else { penDown = false; continue }
            d.append((penDown ? "L" : "M") + px(p.x) + " " + px(p.y))
            penDown = true
        }
        if !d.isEmpty {
            var attributes: SVGWriter.Attributes = [("d", d.joined(separator: " ")), ("fill", "none"),
                                                    ("stroke", color.hex), ("stroke-width", "2"),
                                                    ("stroke-linejoin", "round"), ("clip-path", "url(#\(clipID))")]
            if let dash = series.stroke.dashArray { attributes.append(("stroke-dasharray", dash)) }
            svg.element("path", attributes)
        }

        let marker = marker(of: index)
        if marker != .none {
            for point in series.points where layout.isInside(point.x, point.y) {
                marker.draw(at: layout.xScale(point.x), layout.yScale(point.y), color: color, into: &svg)
            }
        }
        svg.close()
    }

    /// One closed `<path>` per run of consecutive points whose range can be drawn: along the
    /// highs, back along the lows.
    private func drawBand(_ points: [DataPoint], color: Color, _ layout: PlotLayout, clipID: String,
                          into svg: inout SVGWriter) {
        var runs: [[(x: Double, low: Double, high: Double)]] = [[]]
        for point in points {
            if let low = point.yLow, let high = point.yHigh, layout.xScale.canPlot(point.x),
               layout.yScale.canPlot(low), layout.yScale.canPlot(high) {
                runs[runs.count - 1].append((layout.xScale(point.x), layout.yScale(low), layout.yScale(high)))
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        var d: [String] = []
        for run in runs where !run.isEmpty {
            var parts = ["M" + px(run[0].x) + " " + px(run[0].high)]
            parts += run.dropFirst().map { "L" + px($0.x) + " " + px($0.high) }
            parts += run.reversed().map { "L" + px($0.x) + " " + px($0.low) }
            d.append(parts.joined(separator: " ") + " Z")
        }
        guard !d.isEmpty else { return }
        svg.element("path", [("class", "band"), ("d", d.joined(separator: " ")), ("fill", color.hex),
                             ("fill-opacity", "0.2"), ("stroke", "none"), ("clip-path", "url(#\(clipID))")])
    }

    /// A vertical bar with short caps; on a log axis a non-positive end is clamped to the domain.
    private func drawErrorBar(_ point: DataPoint, _ layout: PlotLayout, into svg: inout SVGWriter) {
        guard let low = point.yLow, let high = point.yHigh, layout.xScale.canPlot(point.x),
              layout.yScale.canPlot(high) else { return }
        let x = layout.xScale(point.x)
        let yHigh = layout.yScale(high)
        let yLow = layout.yScale.canPlot(low) ? layout.yScale(low) : layout.yScale.pixelStart + PlotLayout.inset
        let cap: Double = 3
        svg.element("line", [("x1", px(x)), ("y1", px(yLow)), ("x2", px(x)), ("y2", px(yHigh))])
        svg.element("line", [("x1", px(x - cap)), ("y1", px(yHigh)), ("x2", px(x + cap)), ("y2", px(yHigh))])
        if layout.yScale.canPlot(low) {
            svg.element("line", [("x1", px(x - cap)), ("y1", px(yLow)), ("x2", px(x + cap)), ("y2", px(yLow))])
        }
    }
}
