/// A legend of (name, colour, marker) entries laid out left to right above a plot, wrapping
/// into rows; used by the scatter chart and the histogram.
struct CategoricalLegend {
    struct Item {
        var name: String
        var color: Color
        var marker: Marker
        var x: Double
        var row: Int
    }

    static let rowHeight: Double = 20
    private(set) var items: [Item] = []
    private(set) var rowCount = 0

    init(entries: [(String, Color, Marker)], availableWidth: Double) {
        var cursor = 0.0, row = 0
        for (name, color, marker) in entries {
            let width = 16 + ChartTheme.textWidth(name)
            if cursor > 0 && cursor + width > availableWidth { row += 1; cursor = 0 }
            items.append(Item(name: name, color: color, marker: marker, x: cursor, row: row))
            cursor += width + 16
        }
        rowCount = entries.isEmpty ? 0 : row + 1
    }

    /// Vertical space the legend takes (0 when empty).
    var height: Double { rowCount == 0 ? 0 : Double(rowCount) * Self.rowHeight + 8 }

    func draw(left: Double, top: Double, into svg: inout SVGWriter) {
        guard !items.isEmpty else { return }
        svg.open("g", [("class", "legend")])
        for item in items {
            let y = top + Double(item.row) * Self.rowHeight + Self.rowHeight / 2
            svg.open("g", [("class", "legend-item")])
            item.marker.draw(at: left + item.x + 5, y, size: 4.5, color: item.color, into: &svg)
            svg.element("text", [("x", px(left + item.x + 14)), ("y", px(y)), ("dy", "0.32em"),
                                 ("fill", Color.text.hex)], text: item.name)
            svg.close()
        }
        svg.close()
    }
}
