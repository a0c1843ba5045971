/// Lays out the legend above the plot: items left to right, wrapping into rows.
enum LegendLayout {
    struct Item {
        enum Entry {
            case series(Int)
            case referenceLine(Int)
        }
        var entry: Entry
        var name: String
        var x: Double
    }

    static let rowHeight: Double = 20
    static let swatchWidth: Double = 26
    static let gap: Double = 18

    static func rows(for chart: LineChart, availableWidth: Double) -> [[Item]] {
        var rows: [[Item]] = []
        var current: [Item] = []
        var cursor: Double = 0
        let seriesEntries = chart.series.indices.filter { chart.series[$0].showsInLegend }
            .map { (Item.Entry.series($0), chart.series[$0].name) }
        let referenceEntries = chart.referenceLines.indices
            .filter { chart.referenceLines[$0].labelPlacement == .legend && !chart.referenceLines[$0].label.isEmpty }
            .map { (Item.Entry.referenceLine($0), chart.referenceLines[$0].label) }
        for (entry, name) in seriesEntries + referenceEntries {
            let itemWidth = swatchWidth + 6 + ChartTheme.textWidth(name)
            if !current.isEmpty && cursor + itemWidth > availableWidth {
                rows.append(current)
                current = []
                cursor = 0
            }
            current.append(Item(entry: entry, name: name, x: cursor))
            cursor += itemWidth + gap
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    /// Writes the legend: a short line in the entry's stroke (with the series' marker), then the name.
    static func draw(_ rows: [[Item]], chart: LineChart, left: Double, into svg: inout SVGWriter) {
        guard !rows.isEmpty else { return }
        svg.open("g", [("class", "legend")])
        for (rowIndex, row) in rows.enumerated() {
            let y = 12 + Double(rowIndex) * rowHeight + rowHeight / 2
            for item in row {
                let x = left + item.x
                let color: Color, stroke: StrokeStyle, marker: Marker
                switch item.entry {
                case .series(let index):
                    (color, stroke, marker) = (chart.color(of: index), chart.series[index].stroke, chart.marker(of: index))
                case .referenceLine(let index):
                    (color, stroke, marker) = (chart.referenceLines[index].color, chart.referenceLines[index].stroke, .none)
                }
                svg.open("g", [("class", "legend-item")])
                var line: SVGWriter.Attributes = [("x1", px(x)), ("y1", px(y)), ("x2", px(x + swatchWidth)), ("y2", px(y)),
                                                  ("stroke", color.hex), ("stroke-width", "2")]
                if let dash = stroke.dashArray { line.append(("stroke-dasharray", dash)) }
                svg.element("line", line)
                marker.draw(at: x + swatchWidth / 2, y, color: color, into: &svg)
                svg.element("text", [("x", px(x + swatchWidth + 6)), ("y", px(y)), ("dy", "0.32em"),
                                     ("fill", Color.text.hex)], text: item.name)
                svg.close()
            }
        }
        svg.close()
    }
}
