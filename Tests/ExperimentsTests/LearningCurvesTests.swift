import Notebook
import Testing
@testable import Experiments

@Suite struct LearningCurvesTests {
    @Test func drawsStoredHistories() throws {
        let results = try runBlock(#"""
            @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 4, lr: 0.01, seed: 2, show: false)
            @LearningCurves(of: ["a"], metric: .nelbo, split: .both, label: "fig-curvas")
            """#)
        let curves = results[1]
        let figure = try #require(curves.figures.first)
        #expect(figure.label == "fig-curvas" && isWellFormedXML(figure.svg))
        #expect(figure.svg.components(separatedBy: "<path").count - 1 == 2)
        let s = curves.scalars
        #expect(s["a.final"] == results[0].scalars["test.nelbo"])
        #expect((s["a.best"] ?? .infinity) <= (s["a.final"] ?? 0))
        let epochs = (1...4).compactMap { s["a.epoch\($0)"] }
        #expect(epochs.count == 4 && epochs.last == s["a.final"] && s["a.epoch5"] == nil)
        #expect(s["a.max"] == epochs.max() && s["a.best"] == epochs.min())
        let peak = try #require(s["a.maxEpoch"])
        #expect(epochs[Int(peak) - 1] == s["a.max"])
    }
}
