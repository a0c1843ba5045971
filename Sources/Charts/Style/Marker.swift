/// A point symbol; shapes differ so series stay distinguishable without colour.
public enum Marker: Hashable, Sendable, CaseIterable {
    case circle, square, triangle, diamond
    /// No symbol (e.g. for a reference slope drawn as a series).
    case none

    /// The automatic marker of the `index`-th series.
    public static func automatic(at index: Int) -> Marker {
        let shapes: [Marker] = [.circle, .square, .triangle, .diamond]
        return shapes[index % shapes.count]
    }

    /// Writes the symbol centred on `(x, y)`; `size` is about the symbol's radius.
    /// Without `outline` the white rim is left out (dense scatter plots).
    func draw(at x: Double, _ y: Double, size: Double = 4, color: Color, outline: Bool = true, into svg: inout SVGWriter) {
        let fill: SVGWriter.Attributes = outline ? [("fill", color.hex), ("stroke", "#ffffff"), ("stroke-width", "1")]
            : [("fill", color.hex)]
        switch self {
        case .none:
            return
        case .circle:
            svg.element("circle", [("cx", px(x)), ("cy", px(y)), ("r", px(size))] + fill)
        case .square:
            let side = size * 1.8
            svg.element("rect", [("x", px(x - side / 2)), ("y", px(y - side / 2)),
                                 ("width", px(side)), ("height", px(side))] + fill)
        case .triangle:
            let r = size * 1.3
            let points = [(x, y - r), (x + r * 0.866, y + r * 0.5), (x - r * 0.866, y + r * 0.5)]
            svg.element("polygon", [("points", Self.pointList(points))] + fill)
        case .diamond:
            let r = size * 1.3
            let points = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
            svg.element("polygon", [("points", Self.pointList(points))] + fill)
        }
    }

    private static func pointList(_ points: [(Double, Double)]) -> String {
        points.map { px($0.0) + "," + px($0.1) }.joined(separator: " ")
    }
}
