import Testing
@testable import Charts

@Suite struct LineChartTests {
    /// Two series on log–log axes with error bars and a reference line.
    static func estimatorChart() -> LineChart {
        LineChart(
            title: "Desvio-padrão do estimador",
            summary: "O desvio-padrão cai como 1/√S.",
            xAxis: .log("Amostras (S)"),
            yAxis: .log("Desvio-padrão"),
            series: [
                LineSeries("Monte Carlo", points: [
                    DataPoint(x: 1, y: 1.2, error: 0.1), DataPoint(x: 10, y: 0.38, error: 0.03),
                    DataPoint(x: 100, y: 0.12, error: 0.01), DataPoint(x: 1000, y: 0.038, error: 0.003),
                ]),
                LineSeries("inclinação −1/2", x: [1, 1000], y: [1.2, 1.2 / 1000.0.squareRoot()],
                           stroke: .dashed, marker: Marker.none),
            ],
            referenceLines: [ReferenceLine(y: 0.5, label: "KL analítica")])
    }

    @Test func isWellFormedXMLWithAccessibleName() throws {
        let svg = Self.estimatorChart().svg()
        let root = try parseXML(svg)
        #expect(root.name == "svg")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root.attributes["role"] == "img")
        #expect(root.attributes["viewBox"] == "0 0 640 400")
        #expect(root.attributes["width"] == "640" && root.attributes["height"] == "400")
        let title = try #require(root.all("title").first)
        let desc = try #require(root.all("desc").first)
        #expect(title.text == "Desvio-padrão do estimador")
        #expect(desc.text == "O desvio-padrão cai como 1/√S.")
        let labelledBy = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
        #expect(labelledBy == [title.attributes["id"], desc.attributes["id"]].compactMap { $0 })
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func onePathPerSeriesAndLegendEntries() throws {
        let root = try parseXML(Self.estimatorChart().svg())
        #expect(root.all("path").count == 2)
        let series = root.withClass("series")
        #expect(series.count == 2)
        #expect(series[1].all("path").first?.attributes["stroke-dasharray"] == "6 4")
        #expect(series[0].all("path").first?.attributes["stroke-dasharray"] == nil)
        #expect(series[0].all("circle").count == 4)
        #expect(series[1].all("circle").isEmpty && series[1].all("rect").isEmpty)
        #expect(series[0].withClass("error-bars").first?.all("line").count == 12)
        let legend = root.withClass("legend-item").map(\.allText)
        #expect(legend == ["Monte Carlo", "inclinação −1/2", "KL analítica"])
    }

    @Test func ticksAtExpectedValues() throws {
        let root = try parseXML(Self.estimatorChart().svg())
        let xLabels = try #require(root.withClass("axis-x").first).withClass("tick").map(\.text)
        let yLabels = try #require(root.withClass("axis-y").first).withClass("tick").map(\.text)
        #expect(xLabels == ["1", "10", "100", "1000"])
        #expect(yLabels == ["0.01", "0.1", "1", "10"])
        #expect(root.withClass("axis-title").map(\.text) == ["Amostras (S)", "Desvio-padrão"])
    }

    @Test func referenceLineIsDrawnAboveTheSeriesAndLabelledInTheLegend() throws {
        let root = try parseXML(Self.estimatorChart().svg())
        let group = try #require(root.withClass("reference-lines").first)
        #expect(group.all("line").count == 1)
        #expect(group.all("text").isEmpty)
        let legendSwatch = try #require(root.withClass("legend-item").last?.all("line").first)
        #expect(legendSwatch.attributes["stroke-dasharray"] == "6 4")
        let order = root.children.compactMap { $0.attributes["class"] }
        #expect(order.lastIndex(of: "series")! < order.firstIndex(of: "reference-lines")!)
    }

    @Test func inlineReferenceLabel() throws {
        var chart = Self.estimatorChart()
        chart.referenceLines[0].labelPlacement = .inline
        let root = try parseXML(chart.svg())
        #expect(root.withClass("reference-lines").first?.all("text").map(\.text) == ["KL analítica"])
        #expect(root.withClass("legend-item").count == 2)
    }

    @Test func escapesText() throws {
        var chart = Self.estimatorChart()
        chart.title = "a < b & \"c\" > 'd'"
        chart.series[0].name = "<script>alert(1)</script>"
        let svg = chart.svg()
        #expect(!svg.contains("<script>"))
        let root = try parseXML(svg)
        #expect(root.all("title").first?.text == "a < b & \"c\" > 'd'")
        #expect(root.withClass("legend-item").first?.allText == "<script>alert(1)</script>")
    }

    @Test func skipsUndrawablePointsOnLogAxes() throws {
        let chart = LineChart(title: "t", summary: "d", xAxis: .linear("x"), yAxis: .log("y"),
                              series: [LineSeries("s", x: [0, 1, 2, 3], y: [1, 0, .nan, 10])])
        let root = try parseXML(chart.svg())
        let d = try #require(root.all("path").first?.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 2)
        #expect(!d.contains("L"))
        #expect(root.withClass("series").first?.all("circle").count == 2)
    }

    @Test func outputIsDeterministic() {
        #expect(Self.estimatorChart().svg() == Self.estimatorChart().svg())
    }

    @Test func automaticStylesDifferWithoutColour() throws {
        let series = (0..<4).map { LineSeries("s\($0)", x: [1, 2], y: [Double($0), Double($0) + 1]) }
        let root = try parseXML(LineChart(title: "t", summary: "d", xAxis: .linear("x"), yAxis: .linear("y"),
                                          series: series).svg())
        let groups = root.withClass("series")
        #expect(groups[0].all("circle").count == 2)
        #expect(groups[1].all("rect").count == 2)
        #expect(groups[2].all("polygon").count == 2)
        #expect(groups[3].all("polygon").count == 2)
        let strokes = groups.compactMap { $0.all("path").first?.attributes["stroke"] }
        #expect(Set(strokes).count == 4)
        #expect(strokes.first == Palette.okabeIto[0].hex)
    }

    @Test func identifierIsSanitizedAndUnique() throws {
        var chart = Self.estimatorChart()
        chart.identifier = "kl padrão/1"
        let root = try parseXML(chart.svg())
        #expect(root.attributes["aria-labelledby"] == "kl-padr-o-1-title kl-padr-o-1-desc")
        chart.identifier = nil
        let derived = try parseXML(chart.svg()).attributes["aria-labelledby"] ?? ""
        #expect(derived.hasPrefix("chart-"))
    }
}
