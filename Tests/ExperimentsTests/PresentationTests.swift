import Charts
import Notebook
import Testing
@testable import Experiments

@Suite struct PresentationTests {
    static let result = ExperimentResult(outputs: [
        .note("nota"),
        .table(ResultTable(name: "t", caption: "tabela", header: ["a"], rows: [["1"]])),
        .figure(ResultFigure(name: "f", caption: "figura", svg: SVGDocument(text: "<svg/>", width: 10, height: 10), altText: "f")),
        .figure(ResultFigure(name: "g", caption: "figura 2", svg: SVGDocument(text: "<svg/>", width: 10, height: 10), altText: "g")),
    ])

    static func read(_ source: String) -> Presentation? {
        let parsed = DirectiveParser.parse(source, file: "aula.md", startLine: 1, startColumn: 1)
        var reader = ArgumentReader(call: parsed.calls[0], file: "aula.md")
        let presentation = Presentation(reading: &reader)
        return reader.finish().isEmpty ? presentation : nil
    }

    static func captionsAndLabels(_ r: ExperimentResult) -> [String] {
        r.outputs.compactMap {
            switch $0 {
            case .table(let t): "\(t.caption)|\(t.label ?? "-")"
            case .figure(let f): "\(f.caption)|\(f.label ?? "-")"
            case .note, .timing, .listing: nil
            }
        }
    }

    @Test func captionFollowsAFigureLabel() throws {
        let p = try #require(Self.read(#"@X(caption: "C", label: "fig-a")"#))
        #expect(Self.captionsAndLabels(p.apply(to: Self.result)) == ["tabela|-", "C|fig-a", "figura 2|-"])
    }

    @Test func withoutALabelTheCaptionGoesToTheTable() throws {
        let p = try #require(Self.read(#"@X(caption: "C")"#))
        #expect(Self.captionsAndLabels(p.apply(to: Self.result)) == ["C|-", "figura|-", "figura 2|-"])
    }

    @Test func severalLabelsGoToOutputsOfTheirKindInOrder() throws {
        let p = try #require(Self.read(#"@X(caption: "C", label: ["fig-b", "tab-a", "fig-c", "fig-d"])"#))
        #expect(Self.captionsAndLabels(p.apply(to: Self.result)) == ["tabela|tab-a", "C|fig-b", "figura 2|fig-c"])
    }

    @Test func aNonFigureLabelFallsBackToAFigureWhenNoTableIsLeft() throws {
        let p = try #require(Self.read(#"@X(label: ["tab-a", "tab-b"])"#))
        #expect(Self.captionsAndLabels(p.apply(to: Self.result)) == ["tabela|tab-a", "figura|tab-b", "figura 2|-"])
    }

    @Test func labelMustBeStrings() {
        #expect(Self.read(#"@X(label: 3)"#) == nil)
        #expect(Self.read(#"@X(label: ["a", 3])"#) == nil)
    }
}
