import Testing
@testable import Charts

/// Unusual inputs still give well-formed, accessible SVG.
@Suite struct LineChartEdgeCaseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var chart: LineChart
    }

    static let cases: [Case] = [
        Case(testDescription: "no series", chart: LineChart(title: "vazio", summary: "sem dados", xAxis: .linear("x"), yAxis: .linear("y"))),
        Case(testDescription: "one point", chart: LineChart(title: "t", summary: "d", xAxis: .linear("x"), yAxis: .linear("y"),
                                                            series: [LineSeries("s", x: [3], y: [3])])),
        Case(testDescription: "constant on log axes", chart: LineChart(title: "t", summary: "d", xAxis: .log("x"), yAxis: .log("y"),
                                                                       series: [LineSeries("s", x: [5, 5], y: [2, 2])])),
        Case(testDescription: "nothing drawable on a log axis",
             chart: LineChart(title: "t", summary: "d", xAxis: .linear("x"), yAxis: .log("y"),
                              series: [LineSeries("s", x: [1, 2], y: [-1, 0])])),
        Case(testDescription: "huge and tiny values",
             chart: LineChart(title: "t", summary: "d", xAxis: .linear("x"), yAxis: .linear("y"),
                              series: [LineSeries("s", x: [0, 1e7], y: [1e-9, 3e-9])])),
        Case(testDescription: "fixed domain clips the data",
             chart: LineChart(title: "t", summary: "d", xAxis: .linear("x", domain: 0...1), yAxis: .linear("y", domain: -1...1),
                              series: [LineSeries("s", points: [DataPoint(x: -5, y: 0), DataPoint(x: 0.5, y: 0.5, error: 3),
                                                                DataPoint(x: 5, y: 9)])],
                              referenceLines: [ReferenceLine(y: 7, label: "fora", labelPlacement: .inline)])),
        Case(testDescription: "untitled axes, no legend",
             chart: LineChart(title: "t", summary: "d", xAxis: .linear(""), yAxis: .linear("", includesZero: true),
                              series: [LineSeries("s", x: [1, 2], y: [5, 6])], showsLegend: false)),
    ]

    @Test(arguments: cases)
    func rendersWellFormedSVG(_ item: Case) throws {
        let root = try parseXML(item.chart.svg())
        #expect(root.name == "svg")
        #expect(root.all("title").count == 1 && root.all("desc").count == 1)
        for element in root.all("line") + root.all("circle") + root.all("path") {
            for (name, value) in element.attributes where ["x1", "x2", "y1", "y2", "cx", "cy"].contains(name) {
                #expect(Double(value)?.isFinite == true, "\(element.name) \(name)=\(value)")
            }
        }
    }

    @Test func markersOutsideAFixedDomainAreNotDrawn() throws {
        let root = try parseXML(Self.cases[5].chart.svg())
        #expect(root.withClass("series").first?.all("circle").count == 1)
        #expect(root.withClass("reference-lines").first?.all("text").isEmpty == true)
    }

    @Test func includesZeroExtendsTheDomain() throws {
        let root = try parseXML(Self.cases[6].chart.svg())
        let labels = try #require(root.withClass("axis-y").first).withClass("tick").map(\.text)
        #expect(labels.first == "0")
        #expect(root.withClass("legend").isEmpty && root.withClass("axis-title").isEmpty)
    }

    @Test func longLegendsWrapAndPushThePlotDown() throws {
        let names = (1...8).map { "uma série de nome bem comprido \($0)" }
        let chart = LineChart(title: "t", summary: "d", xAxis: .linear("x"), yAxis: .linear("y"),
                              series: names.map { LineSeries($0, x: [0, 1], y: [0, 1]) })
        let root = try parseXML(chart.svg())
        let rows = Set(root.withClass("legend-item").compactMap { $0.all("text").first?.attributes["y"] })
        #expect(rows.count >= 3)
        #expect(root.withClass("legend-item").count == 8)
    }
}
