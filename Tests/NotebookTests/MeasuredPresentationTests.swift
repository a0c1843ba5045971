import Charts
import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Measurements are data: a `Measured` experiment's cached result holds its measurement, and
/// its tables and figures are drawn at every build, so presentation never reruns anything.
@Suite(.serialized) struct MeasuredPresentationTests {
    /// How `@Curve` draws its line: a stand-in for a change to a chart's rendering code.
    final class Style: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = "solid"
        var value: String {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
    static let style = Style()
    static let runs = RunCounter()

    /// `@Curve(id:, points:)`: measures `points` numbers, draws them as a table and an "SVG".
    struct Curve: Measured {
        static let directiveName = "Curve"
        static let version = 1
        var id: String?
        var points: Int

        struct Measurement: Codable, Sendable { var values: [Double] }

        init?(reading r: inout ArgumentReader) {
            guard let id = r.string("id"), let points = r.int("points", default: 3, range: 1...10) else { return nil }
            self.id = id
            self.points = points
        }

        func run(in context: ExperimentContext) throws -> ExperimentResult {
            MeasuredPresentationTests.runs.record(id ?? "")
            let values = (0..<points).map { Double($0) / 4 }
            return try measured(Measurement(values: values), scalars: ["last": values.last ?? .nan])
        }

        func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
            let style = MeasuredPresentationTests.style.value
            let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" data-style=\"\(style)\"><title>t</title><desc>"
                + measurement.values.map { String($0) }.joined(separator: " ") + "</desc></svg>"
            return [.table(ResultTable(name: "curva", caption: page.text("Valores medidos.", "Measured values."),
                                       header: [page.text("Valor", "Value")], rows: measurement.values.map { [.number(String($0))] })),
                    .figure(ResultFigure(name: "curva", caption: page.text("A curva.", "The curve."), svg: SVGDocument(text: svg, width: 10, height: 10), altText: "curve"))]
        }
    }

    static let registry = ExperimentRegistry([Curve.self])

    func build(_ folder: TemporaryFolder, lang: String) throws -> BuildReport {
        try folder.write("lang: \(lang)\n", to: "Notes/course.yml")
        return try SiteBuilder(registry: Self.registry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"), outputFolder: folder.url.appendingPathComponent("Output"),
            cacheFolder: folder.url.appendingPathComponent("cache"))).build()
    }

    @Test func aChangeOfRenderingOrLanguageRerunsNothingAndKeepsTheKey() throws {
        let folder = try TemporaryFolder()
        try folder.write(lessonSource("```swift-directive\n@Curve(id: \"c\", points: 3)\n```\n"), to: "Notes/01-a.md")
        Self.style.value = "solid"
        _ = try build(folder, lang: "pt-BR")
        let keys = try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("cache").path).sorted()
        let portuguese = try #require(folder.read("Output/01-a.html"))
        #expect(Self.runs.count("c") == 1)
        #expect(portuguese.contains("Tabela 1.</span> Valores medidos.") && portuguese.contains("<th scope=\"col\">Valor</th>"))
        #expect(portuguese.contains("<td>0,25</td>"))

        // The chart's rendering changes, then the language: the figure and every word follow,
        // the experiment does not run again and its cache entry keeps its key.
        Self.style.value = "dashed"
        _ = try build(folder, lang: "en")
        #expect(Self.runs.count("c") == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("cache").path).sorted() == keys)
        let english = try #require(folder.read("Output/01-a.html"))
        #expect(english.contains("Table 1.</span> Measured values.") && english.contains("<th scope=\"col\">Value</th>"))
        #expect(english.contains("<td>0.25</td>"))
        #expect(folder.read("Output/figures/01-a/curva.svg")?.contains("data-style=\"dashed\"") == true)

        _ = try build(folder, lang: "pt-BR")
        #expect(Self.runs.count("c") == 1)
        #expect(folder.read("Output/01-a.html")?.contains("Tabela 1.</span> Valores medidos.") == true)
    }

    @Test func aMeasurementThatDoesNotDecodeIsADiagnosticAtTheDirective() throws {
        let lesson = Lesson(path: "Notes/01-a.md", source: lessonSource("```swift-directive\n@Curve(id: \"c\")\n```\n"))
        let plan = LessonPlan(lesson: lesson, registry: Self.registry)
        let broken = ExperimentResult(measurement: Data("{\"values\": \"x\"}".utf8), scalars: ["last": 0])
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: [0: DirectiveOutcome(result: broken)],
                                     navigation: LessonNavigation(), course: portugueseCourse)
        #expect(positions(page.diagnostics) == ["corrupt-cache@7:1"])
        #expect(page.html.contains("class=\"directive-error\""))
    }

    @Test func equalMeasurementsAreEqualBytes() throws {
        var reader = ArgumentReader(call: DirectiveParser.parse("@Curve(id: \"c\", points: 4)", file: "a.md",
                                                                startLine: 1, startColumn: 1).calls[0], file: "a.md")
        let curve = try #require(Curve(reading: &reader))
        let a = try curve.run(in: ExperimentContext()), b = try curve.run(in: ExperimentContext())
        #expect(a.measurement == b.measurement && a.outputs.isEmpty)
        #expect(try curve.presented(a, in: .english).outputs.count == 2)
    }
}
