import Charts
import Notebook

extension Chart {
    /// The chart drawn for a page: its texts and tick labels in the page's number format.
    func document(for page: PageContext) -> SVGDocument { document(numberStyle: page.numberStyle) }
}
