/// A scatter plot of named groups of points (e.g. latent means coloured by class), with a
/// categorical legend; rendered as one accessible `<svg>`.
///
/// ```swift
/// let chart = ScatterChart(title: "Espaço latente", summary: "Médias do codificador por classe.",
///                          xAxis: .linear("z₁"), yAxis: .linear("z₂"),
///                          groups: [ScatterGroup("classe 0", x: xs0, y: ys0), ScatterGroup("classe 1", x: xs1, y: ys1)])
/// ```
///
/// Groups take the Okabe–Ito colours by index and, beyond the palette's eight colours, the
/// next marker shape, so every group stays distinguishable without colour too. Points are
/// drawn semi-transparent so dense regions read darker. Non-finite points are skipped.
public struct ScatterChart: Hashable, Sendable {
    /// How the page writes numbers; every text the chart draws goes through it (`plain`: the
    /// machine form).
    public var numberStyle = NumberStyle.plain
    public var title: String
    public var summary: String
    public var xAxis: Axis
    public var yAxis: Axis
    public var groups: [ScatterGroup]
    /// Axis-aligned ellipses drawn as outlines over the points (e.g. one-σ contours of Gaussian
    /// components); the axes are sized to contain them.
    public var ellipses: [ScatterEllipse]
    public var width: Double
    public var height: Double
    public var showsLegend: Bool
    /// Marker radius in pixels.
    public var pointRadius: Double
    /// Fill opacity of the markers, in (0, 1].
    public var opacity: Double
    public var identifier: String?

    public init(title: String, summary: String, xAxis: Axis, yAxis: Axis, groups: [ScatterGroup],
                ellipses: [ScatterEllipse] = [], width: Double = 640, height: Double = 480, showsLegend: Bool = true, pointRadius: Double = 2.5,
                opacity: Double = 0.7, identifier: String? = nil) {
        precondition(width >= 200 && height >= 150, "ScatterChart needs at least 200×150 px, got \(width)×\(height)")
        precondition(opacity > 0 && opacity <= 1, "ScatterChart: opacity must be in (0, 1], got \(opacity)")
        self.title = title
        self.summary = summary
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.groups = groups
        self.ellipses = ellipses
        self.width = width
        self.height = height
        self.showsLegend = showsLegend
        self.pointRadius = pointRadius
        self.opacity = opacity
        self.identifier = identifier
    }

    func color(of index: Int) -> Color { groups[index].color ?? Palette.color(at: index) }

    func marker(of index: Int) -> Marker {
        groups[index].marker ?? Marker.automatic(at: index / Palette.okabeIto.count)
    }

    public func document() -> SVGDocument {
        let id = ChartDocument.elementID(identifier, prefix: "scatter", title: title, summary: summary)
        let legend = CategoricalLegend(entries: showsLegend ? groups.indices.map { (groups[$0].name, color(of: $0), marker(of: $0)) } : [],
                                       availableWidth: width - 80)
        let frame = PlotFrame(xAxis: xAxis, yAxis: yAxis,
                              xValues: groups.flatMap { $0.points.map(\.x) } + ellipses.flatMap(\.xExtent),
                              yValues: groups.flatMap { $0.points.map(\.y) } + ellipses.flatMap(\.yExtent),
                              x0: 0, y0: legend.height, x1: width, y1: height)
        var svg = SVGWriter()
        svg.numberStyle = numberStyle
        ChartDocument.open(&svg, id: id, title: title, summary: summary, width: width, height: height)
        svg.open("defs")
        svg.open("clipPath", [("id", "\(id)-plot")])
        svg.element("rect", [("x", px(frame.left)), ("y", px(frame.top)),
                             ("width", px(frame.right - frame.left)), ("height", px(frame.bottom - frame.top))])
        svg.close()
        svg.close()
        frame.drawAxes(xAxis, yAxis, into: &svg)
        for (index, group) in groups.enumerated() {
            svg.open("g", [("class", "group"), ("aria-label", group.name), ("fill-opacity", NumberFormat.coordinate(opacity)),
                           ("clip-path", "url(#\(id)-plot)")])
            let marker = marker(of: index), color = color(of: index)
            for point in group.points where frame.layout.isInside(point.x, point.y) {
                marker.draw(at: frame.layout.xScale(point.x), frame.layout.yScale(point.y), size: pointRadius,
                            color: color, outline: false, into: &svg)
            }
            svg.close()
        }
        drawEllipses(frame.layout, clip: "url(#\(id)-plot)", into: &svg)
        legend.draw(left: frame.left, top: 8, into: &svg)
        svg.close()
        return svg.document()
    }
}

extension ScatterChart {
    fileprivate func drawEllipses(_ layout: PlotLayout, clip: String, into svg: inout SVGWriter) {
        guard !ellipses.isEmpty else { return }
        svg.open("g", [("class", "ellipses"), ("fill", "none"), ("stroke-width", "1.2"), ("clip-path", clip)])
        for e in ellipses where [e.centerX, e.centerY, e.radiusX, e.radiusY].allSatisfy(\.isFinite) {
            let cx = layout.xScale(e.centerX), cy = layout.yScale(e.centerY)
            let rx = abs(layout.xScale(e.centerX + e.radiusX) - cx), ry = abs(layout.yScale(e.centerY + e.radiusY) - cy)
            svg.element("ellipse", [("cx", px(cx)), ("cy", px(cy)), ("rx", px(rx)), ("ry", px(ry)),
                                    ("stroke", e.color.hex), ("stroke-opacity", NumberFormat.coordinate(e.opacity))])
        }
        svg.close()
    }
}

/// An axis-aligned ellipse of a scatter chart, in data coordinates.
public struct ScatterEllipse: Hashable, Sendable {
    public var centerX: Double
    public var centerY: Double
    /// Half-axes along x and y (data units, ≥ 0).
    public var radiusX: Double
    public var radiusY: Double
    public var color: Color
    /// Stroke opacity in (0, 1].
    public var opacity: Double

    public init(centerX: Double, centerY: Double, radiusX: Double, radiusY: Double, color: Color = Palette.color(at: 1),
                opacity: Double = 0.6) {
        precondition(!(radiusX < 0) && !(radiusY < 0), "ScatterEllipse: radii must not be negative, got \(radiusX), \(radiusY)")
        self.centerX = centerX
        self.centerY = centerY
        self.radiusX = radiusX
        self.radiusY = radiusY
        self.color = color
        self.opacity = opacity
    }

    var xExtent: [Double] { [centerX - radiusX, centerX + radiusX].filter(\.isFinite) }
    var yExtent: [Double] { [centerY - radiusY, centerY + radiusY].filter(\.isFinite) }
}

/// A named set of points of one scatter chart.
public struct ScatterGroup: Hashable, Sendable {
    public struct Point: Hashable, Sendable {
        public var x: Double
        public var y: Double
        public init(x: Double, y: Double) { self.x = x; self.y = y }
    }

    public var name: String
    public var points: [Point]
    public var color: Color?
    public var marker: Marker?

    public init(_ name: String, points: [Point], color: Color? = nil, marker: Marker? = nil) {
        self.name = name
        self.points = points
        self.color = color
        self.marker = marker
    }

    public init(_ name: String, x: [Double], y: [Double], color: Color? = nil, marker: Marker? = nil) {
        precondition(x.count == y.count, "ScatterGroup '\(name)': \(x.count) x values but \(y.count) y values")
        self.init(name, points: zip(x, y).map { Point(x: $0, y: $1) }, color: color, marker: marker)
    }
}
