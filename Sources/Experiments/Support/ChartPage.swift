import Charts
import Notebook

/// A chart drawn for a page: its texts and tick labels in the page's number format.
protocol PageChart {
    var numberStyle: NumberStyle { get set }
    func svg() -> String
}

extension PageChart {
    func svg(for page: PageContext) -> String {
        var chart = self
        chart.numberStyle = page.numberStyle
        return chart.svg()
    }
}

extension LineChart: PageChart {}
extension ScatterChart: PageChart {}
extension DensityMap: PageChart {}
extension ImageGrid: PageChart {}
extension Histogram: PageChart {}
