/// What every chart type shares: it draws itself as an `SVGDocument`, writing its texts in
/// `numberStyle` (the page's number format).
public protocol Chart: Sendable {
    var numberStyle: NumberStyle { get set }
    func document() -> SVGDocument
}

extension Chart {
    /// The chart as one `<svg xmlns="http://www.w3.org/2000/svg" …>` element (with a final newline).
    public func svg() -> String { document().text }

    /// The chart drawn with its texts in `style`.
    public func document(numberStyle style: NumberStyle) -> SVGDocument {
        var chart = self
        chart.numberStyle = style
        return chart.document()
    }
}

extension LineChart: Chart {}
extension ScatterChart: Chart {}
extension DensityMap: Chart {}
extension ImageGrid: Chart {}
extension Histogram: Chart {}
