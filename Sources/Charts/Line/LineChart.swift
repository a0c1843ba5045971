/// A line chart: series of points (optionally with error bars), horizontal reference lines,
/// linear or log axes, a legend; rendered as one self-contained, accessible `<svg>` element.
///
/// ```swift
/// let chart = LineChart(title: "Desvio-padrão do estimador",
///                       summary: "Cai como 1/√S.",
///                       xAxis: .log("Amostras (S)"), yAxis: .log("Desvio-padrão"),
///                       series: [LineSeries("MC", x: [1, 10, 100], y: [1, 0.32, 0.1])])
/// let svg = chart.svg()
/// ```
///
/// The SVG carries `width`/`height` (its intrinsic size) and a matching `viewBox`, so CSS such
/// as `max-width: 100%; height: auto` scales it. `title` and `summary` become `<title>` and
/// `<desc>`, referenced by `aria-labelledby`. Output is deterministic: coordinates have at
/// most two decimals and numbers never depend on the locale.
public struct LineChart: Hashable, Sendable {
    /// How the page writes numbers; every text the chart draws goes through it (`plain`: the
    /// machine form).
    public var numberStyle = NumberStyle.plain
    /// Short accessible name (`<title>`); not drawn.
    public var title: String
    /// Longer text alternative (`<desc>`): what the chart shows and what to notice.
    public var summary: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var series: [LineSeries]
    public var referenceLines: [ReferenceLine]
    public var width: Double
    public var height: Double
    public var showsLegend: Bool
    /// Prefix of the element ids inside the SVG; must be unique on a page. nil derives one
    /// from `title` and `summary`.
    public var identifier: String?

    public init(title: String, summary: String, xAxis: Axis, yAxis: Axis, series: [LineSeries] = [],
                referenceLines: [ReferenceLine] = [], width: Double = 640, height: Double = 400,
                showsLegend: Bool = true, identifier: String? = nil) {
        precondition(width >= 200 && height >= 150, "LineChart needs at least 200×150 px, got \(width)×\(height)")
        self.title = title
        self.summary = summary
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.referenceLines = referenceLines
        self.width = width
        self.height = height
        self.showsLegend = showsLegend
        self.identifier = identifier
    }

    /// The series' colour: its own, or the palette's by index.
    func color(of index: Int) -> Color { series[index].color ?? Palette.color(at: index) }

    /// The series' marker: its own, or the automatic one by index.
    func marker(of index: Int) -> Marker { series[index].marker ?? Marker.automatic(at: index) }

    /// The id prefix actually used: `identifier` made XML-safe, or `chart-` + a hash of the text.
    var elementID: String {
        guard let identifier, !identifier.isEmpty else {
            return "chart-" + fnv1a(title + "\u{0}" + summary)
        }
        var safe = String(identifier.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "-" })
        if let first = safe.first, !first.isLetter { safe = "c-" + safe }
        return safe
    }
}

/// 32-bit FNV-1a of the UTF-8 bytes, as 8 hex digits: stable across runs and platforms.
func fnv1a(_ text: String) -> String {
    var hash: UInt32 = 2_166_136_261
    for byte in text.utf8 {
        hash ^= UInt32(byte)
        hash = hash &* 16_777_619
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 8 - hex.count) + hex
}
