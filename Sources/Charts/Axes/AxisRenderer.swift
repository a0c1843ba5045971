/// Draws grid lines, the bottom and left axes, their ticks, tick labels and titles.
enum AxisRenderer {
    static let tickLength: Double = 5
    static let minorTickLength: Double = 3

    static func drawGrid(_ layout: PlotLayout, into svg: inout SVGWriter) {
        svg.open("g", [("class", "grid"), ("stroke", Color.grid.hex), ("stroke-width", "1")])
        for tick in layout.xScale.ticks() {
            let x = layout.xScale(tick.value)
            svg.element("line", [("x1", px(x)), ("y1", px(layout.top)), ("x2", px(x)), ("y2", px(layout.bottom))])
        }
        for tick in layout.yScale.ticks() {
            let y = layout.yScale(tick.value)
            svg.element("line", [("x1", px(layout.left)), ("y1", px(y)), ("x2", px(layout.right)), ("y2", px(y))])
        }
        svg.close()
    }

    static func drawXAxis(_ axis: Axis, _ layout: PlotLayout, into svg: inout SVGWriter) {
        let y = layout.bottom
        svg.open("g", [("class", "axis axis-x"), ("fill", Color.text.hex)])
        svg.element("line", [("x1", px(layout.left)), ("y1", px(y)), ("x2", px(layout.right)), ("y2", px(y)),
                             ("stroke", Color.axis.hex)])
        for value in layout.xScale.minorTicks() {
            let x = layout.xScale(value)
            svg.element("line", [("x1", px(x)), ("y1", px(y)), ("x2", px(x)), ("y2", px(y + minorTickLength)),
                                 ("stroke", Color.axis.hex)])
        }
        for tick in layout.xScale.ticks() {
            let x = layout.xScale(tick.value)
            svg.element("line", [("x1", px(x)), ("y1", px(y)), ("x2", px(x)), ("y2", px(y + tickLength)),
                                 ("stroke", Color.axis.hex)])
            svg.element("text", [("class", "tick"), ("x", px(x)), ("y", px(y + tickLength + 13)),
                                 ("text-anchor", "middle")], text: tick.label)
        }
        if !axis.title.isEmpty {
            svg.element("text", [("class", "axis-title"), ("x", px((layout.left + layout.right) / 2)),
                                 ("y", px(y + tickLength + 36)), ("text-anchor", "middle"),
                                 ("font-size", px(ChartTheme.axisTitleFontSize))], text: axis.title)
        }
        svg.close()
    }

    static func drawYAxis(_ axis: Axis, _ layout: PlotLayout, into svg: inout SVGWriter) {
        let x = layout.left
        svg.open("g", [("class", "axis axis-y"), ("fill", Color.text.hex)])
        svg.element("line", [("x1", px(x)), ("y1", px(layout.top)), ("x2", px(x)), ("y2", px(layout.bottom)),
                             ("stroke", Color.axis.hex)])
        for value in layout.yScale.minorTicks() {
            let y = layout.yScale(value)
            svg.element("line", [("x1", px(x - minorTickLength)), ("y1", px(y)), ("x2", px(x)), ("y2", px(y)),
                                 ("stroke", Color.axis.hex)])
        }
        for tick in layout.yScale.ticks() {
            let y = layout.yScale(tick.value)
            svg.element("line", [("x1", px(x - tickLength)), ("y1", px(y)), ("x2", px(x)), ("y2", px(y)),
                                 ("stroke", Color.axis.hex)])
            svg.element("text", [("class", "tick"), ("x", px(x - tickLength - 3)), ("y", px(y)), ("dy", "0.32em"),
                                 ("text-anchor", "end")], text: tick.label)
        }
        if !axis.title.isEmpty {
            let cx: Double = 16, cy = (layout.top + layout.bottom) / 2
            svg.element("text", [("class", "axis-title"), ("x", px(cx)), ("y", px(cy)), ("text-anchor", "middle"),
                                 ("transform", "rotate(-90 \(px(cx)) \(px(cy)))"),
                                 ("font-size", px(ChartTheme.axisTitleFontSize))], text: axis.title)
        }
        svg.close()
    }
}
