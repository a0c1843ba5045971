import Foundation
import Testing
@testable import Charts

@Suite struct ScatterChartTests {
    static func chart(groups: Int = 3) -> ScatterChart {
        ScatterChart(title: "Espaço latente", summary: "Médias por classe.", xAxis: .linear("z₁"), yAxis: .linear("z₂"),
                     groups: (0..<groups).map { g in
                         ScatterGroup("classe \(g) <&>", x: (0..<20).map { Double($0 + g) }, y: (0..<20).map { Double($0 * g) })
                     } + [ScatterGroup("vazio", x: [.nan], y: [1])])
    }

    @Test func isWellFormedAccessibleSVG() throws {
        let root = try parseXML(Self.chart().svg())
        #expect(root.name == "svg" && root.attributes["viewBox"] == "0 0 640 480" && root.attributes["role"] == "img")
        #expect(root.all("title").first?.allText == "Espaço latente" && root.all("desc").first?.allText == "Médias por classe.")
        let groups = root.withClass("group")
        #expect(groups.count == 4)
        #expect(groups[0].all("circle").count == 20 && groups[3].children.isEmpty)
        #expect(root.withClass("legend-item").count == 4)
    }

    @Test func groupsBeyondThePaletteChangeMarker() throws {
        let chart = Self.chart(groups: 10)
        #expect(chart.color(of: 8) == chart.color(of: 0) && chart.marker(of: 8) != chart.marker(of: 0))
        let root = try parseXML(chart.svg())
        #expect(root.withClass("group")[8].all("rect").count == 20)
    }

    @Test func ellipsesAreDrawnInsideTheAxesAtTheirDataRadii() throws {
        let chart = ScatterChart(title: "Componentes", summary: "Elipses.", xAxis: .linear("x₁"), yAxis: .linear("x₂"),
                                 groups: [ScatterGroup("centros", x: [0, 1], y: [0, 1])],
                                 ellipses: [ScatterEllipse(centerX: 0, centerY: 0, radiusX: 2, radiusY: 0.5),
                                            ScatterEllipse(centerX: 1, centerY: 1, radiusX: .nan, radiusY: 1)])
        let root = try parseXML(chart.svg())
        let ellipses = root.withClass("ellipses").first?.all("ellipse") ?? []
        #expect(ellipses.count == 1, "the non-finite ellipse is skipped")
        let e = try #require(ellipses.first)
        let rx = try #require(Double(e.attributes["rx"] ?? "")), ry = try #require(Double(e.attributes["ry"] ?? ""))
        let cx = try #require(Double(e.attributes["cx"] ?? ""))
        // The x axis must reach −2 … 2 (the ellipse), so the ellipse fits in the 640-px plot.
        #expect(cx - rx > 0 && cx + rx < 640)
        // Radii keep their data ratio up to the two axes' pixels-per-unit.
        #expect(rx > 0 && ry > 0 && rx != ry)
    }
}

@Suite struct HistogramTests {
    @Test func normalizedHeightsIntegrateToOne() throws {
        let values = (0..<1000).map { Double($0 % 97) / 10 }
        let histogram = Histogram(title: "h", summary: "s", xAxis: .linear("x"), series: [HistogramSeries("a", values: values)],
                                  bins: 20, normalized: true)
        let edges = histogram.edges
        let width = edges[1] - edges[0]
        #expect(abs(histogram.heights(of: 0).reduce(0, +) * width - 1) < 1e-12)
        let counts = Histogram(title: "h", summary: "s", xAxis: .linear("x"), series: [HistogramSeries("a", values: values)], bins: 20)
        #expect(counts.heights(of: 0).reduce(0, +) == 1000)
        let root = try parseXML(histogram.svg())
        #expect(root.withClass("bars").first?.all("rect").count == 20)
    }

    @Test func twoSeriesShareBinsAndHaveALegend() throws {
        let h = Histogram(title: "h", summary: "s", xAxis: .linear("x"),
                          series: [HistogramSeries("a", values: [0, 1, 2]), HistogramSeries("b", values: [4, 5, .infinity])], bins: 5)
        #expect(h.edges.first == 0 && h.edges.last == 5)
        #expect(h.heights(of: 1) == [0, 0, 0, 0, 2])
        let root = try parseXML(h.svg())
        #expect(root.withClass("legend-item").count == 2)
    }
}

@Suite struct DensityMapTests {
    static func gaussianGrid(_ n: Int, shift: Double) -> [Double] {
        (0..<n).flatMap { r in (0..<n).map { c in
            let x = -3 + 6 * (Double(c) + 0.5) / Double(n), y = -3 + 6 * (Double(r) + 0.5) / Double(n)
            return exp(-0.5 * ((x - shift) * (x - shift) + y * y)) / (2 * Double.pi)
        } }
    }

    @Test func panelsSideBySideWithAColorBar() throws {
        let map = DensityMap(title: "Densidades", summary: "Prior e posterior.", xAxis: .linear("z₁"), yAxis: .linear("z₂"),
                             x: -3...3, y: -3...3,
                             panels: [DensityPanel("p(z)", columns: 30, values: Self.gaussianGrid(30, shift: 0)),
                                      DensityPanel("q(z)", columns: 30, values: Self.gaussianGrid(30, shift: 1), points: [[0, 0], [9, 9]])],
                             colorBarTitle: "densidade")
        let root = try parseXML(map.svg())
        #expect(root.withClass("panel").count == 2)
        #expect(root.all("image").count == 2 && root.all("image").allSatisfy { ($0.attributes["href"] ?? "").hasPrefix("data:image/png;base64,") })
        #expect(root.all("stop").count == 17)
        #expect(root.withClass("points").first?.all("circle").count == 1)  // the point outside is not drawn
        #expect(map.colorDomain.lowerBound < 0.001 && abs(map.colorDomain.upperBound - 1 / (2 * Double.pi)) < 0.01)
    }

    @Test func logarithmicScaleSpansTheGivenDecades() {
        let map = DensityMap(title: "t", summary: "s", xAxis: .linear("x"), yAxis: .linear("y"), x: 0...1, y: 0...1,
                             panels: [DensityPanel("a", columns: 2, values: [0, 1e-6, 0.01, 10])], colorBarTitle: "d",
                             colorScale: .logarithmic(decades: 4))
        #expect(map.colorDomain == -3...1)
        #expect(map.position(10, in: map.colorDomain) == 1 && map.position(0, in: map.colorDomain) == 0)
        #expect(map.position(1e-6, in: map.colorDomain) < 0)  // clamped to the darkest colour by the map
    }

    @Test func clippedScaleTopsOutAtTheQuantile() {
        let values = (0..<100).map(Double.init) + [10_000]
        let map = DensityMap(title: "t", summary: "s", xAxis: .linear("x"), yAxis: .linear("y"), x: 0...1, y: 0...1,
                             panels: [DensityPanel("a", columns: 1, values: values)], colorBarTitle: "d",
                             colorScale: .linearClipped(quantile: 0.99))
        #expect(map.colorDomain == 0...99)
        #expect(map.position(10_000, in: map.colorDomain) > 1)  // saturates (the colormap clamps)
        #expect(map.position(49.5, in: map.colorDomain) == 0.5)
    }

    @Test func panelsWrapOntoRows() throws {
        let panel = DensityPanel("a", columns: 10, values: Self.gaussianGrid(10, shift: 0))
        let map = DensityMap(title: "t", summary: "s", xAxis: .linear("x"), yAxis: .linear("y"), x: -3...3, y: -3...3,
                             panels: [DensityPanel](repeating: panel, count: 5), colorBarTitle: "d", panelSize: 200, panelsPerRow: 3)
        let oneRow = DensityMap(title: "t", summary: "s", xAxis: .linear("x"), yAxis: .linear("y"), x: -3...3, y: -3...3,
                                panels: [panel], colorBarTitle: "d", panelSize: 200)
        let root = try parseXML(map.svg()), single = try parseXML(oneRow.svg())
        let width = Double(root.attributes["width"] ?? "") ?? 0, height = Double(root.attributes["height"] ?? "") ?? 0
        let singleWidth = Double(single.attributes["width"] ?? "") ?? 0, singleHeight = Double(single.attributes["height"] ?? "") ?? 0
        #expect(abs(height - 2 * singleHeight) < 1e-9)
        #expect(width > 2.5 * (singleWidth - 90) && width < 3.5 * singleWidth)
        let ys = Set(root.all("image").compactMap { $0.attributes["y"] })
        let xs = Set(root.all("image").compactMap { $0.attributes["x"] })
        #expect(ys.count == 2 && xs.count == 3 && root.all("image").count == 5)
    }

    @Test func imageRowsRunFromTopToBottom() throws {
        // Row 0 of the values is the lowest y, so it is the last scanline of the PNG.
        let map = DensityMap(title: "t", summary: "s", xAxis: .linear("x"), yAxis: .linear("y"), x: 0...1, y: 0...1,
                             panels: [DensityPanel("a", columns: 1, values: [0, 1])], colorBarTitle: "d")
        let png = [UInt8](map.png(map.panels[0], domain: map.colorDomain))
        let idat = png.indices.first { png[$0..<($0 + 4)].elementsEqual("IDAT".utf8) }!
        let scanlines = Array(png[(idat + 4 + 7)..<(idat + 4 + 7 + 8)])  // after the zlib header and block header
        #expect(scanlines == [0, 0xFD, 0xE7, 0x25, 0, 0x44, 0x01, 0x54])
    }
}

@Suite struct ImageGridTests {
    @Test func mosaicPlacesImagesWithGaps() {
        let images = (0..<5).map { i in [Double](repeating: Double(i) / 4, count: 4) }
        let grid = ImageGrid(title: "t", summary: "s", images: images, imageWidth: 2, imageHeight: 2, columns: 3)
        let (w, h, pixels) = grid.mosaic()
        #expect(w == 3 * 2 + 2 && h == 2 * 2 + 1 && grid.rows == 2)
        #expect(pixels[0] == 0 && pixels[3] == 64 && pixels[2] == 128)  // image 0, image 1, the gap
        #expect(pixels[3 * w + 3] == 255)  // image 4 (second row, second column)
        #expect(pixels[3 * w + 6] == 128)  // an empty slot stays grey
    }

    @Test func svgEmbedsOnePNGAndRowLabels() throws {
        let grid = ImageGrid(title: "Reconstruções", summary: "Originais e reconstruções.",
                             images: (0..<4).map { _ in [Double](repeating: 0.5, count: 784) }, imageWidth: 28, imageHeight: 28,
                             columns: 2, rowLabels: ["Original", "Reconstrução"])
        let root = try parseXML(grid.svg())
        #expect(root.all("image").count == 1 && root.all("title").first?.allText == "Reconstruções")
        #expect(root.withClass("row-labels").first?.all("text").map(\.allText) == ["Original", "Reconstrução"])
        #expect(root.attributes["viewBox"] != nil)
    }
}
