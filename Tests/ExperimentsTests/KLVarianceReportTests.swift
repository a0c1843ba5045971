import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Notebook
import Testing
@testable import Experiments

@Suite struct KLVarianceReportTests {
    static func run(_ source: String) throws -> ExperimentResult {
        let (experiment, diagnostics, _) = readKLVariance(source)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let klv = try #require(experiment)
        return try klv.presented(try klv.run(in: ExperimentContext()), in: .portuguese)
    }

    static let standardSource = #"""
        @KLVariance(id: "kl-padrao", posterior: .gaussian(mean: [0.8, -0.5], std: [0.6, 1.3]),
                    samples: [1, 10, 100], repeats: 100, seed: 7, label: "tab-kl")
        """#

    @Test func standardPriorOutputs() throws {
        let result = try Self.run(Self.standardSource)
        guard result.outputs.count == 4,
              case .table(let table) = result.outputs[0],
              case .figure(let deviation) = result.outputs[1],
              case .figure(let mean) = result.outputs[2],
              case .note(let note) = result.outputs[3] else {
            Issue.record("expected table, figure, figure, note; got \(result.outputs)"); return
        }
        #expect(table.name == "kl-padrao" && table.label == "tab-kl")
        #expect(table.header == ["Amostras (S)", "Média do estimador", "Desvio-padrão", "Erro-padrão", "KL analítico", "Viés"])
        #expect(table.rows.map { $0.first?.machine } == ["1", "10", "100"])
        #expect(deviation.name == "kl-padrao-desvio" && mean.name == "kl-padrao-media")
        #expect(note.contains("Inclinação ajustada"))
        #expect(Set(result.scalars.keys) == ["analytic", "slope", "mean.1", "mean.10", "mean.100", "std.1", "std.10",
                                             "std.100", "stderr.1", "stderr.10", "stderr.100"])
        #expect(mean.svg.contains("KL analítico"))
    }

    @Test func figuresAreAccessibleWellFormedSVG() throws {
        let result = try Self.run(Self.standardSource)
        let figures = result.outputs.compactMap { output -> ResultFigure? in
            if case .figure(let figure) = output { figure } else { nil }
        }
        #expect(figures.count == 2)
        for figure in figures {
            let document = try XMLDocument(xmlString: figure.svg, options: [])
            let root = try #require(document.rootElement())
            #expect(root.name == "svg")
            let childNames = (root.children ?? []).compactMap(\.name)
            #expect(childNames.contains("title") && childNames.contains("desc"))
            #expect(!figure.altText.isEmpty && !figure.caption.isEmpty)
        }
        // The standard-deviation chart: the measured series and the −1/2 reference slope.
        #expect(figures[0].svg.components(separatedBy: "<path ").count - 1 == 2)
    }

    @Test func mixturePriorReportsAnHonestReference() throws {
        let result = try Self.run(#"""
            @KLVariance(posterior: .gaussian(mean: [0.8, -0.5], std: [0.6, 1.3]),
                        prior: .mixture(means: [[-2, 0], [2, 0], [0, 2]], stds: [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]]),
                        samples: [1, 10], repeats: 50, seed: 7, caption: "Legenda.", label: "fig-kl")
            """#)
        guard case .table(let table) = result.outputs[0], case .figure(let deviation) = result.outputs[1],
              case .figure(let mean) = result.outputs[2] else {
            Issue.record("unexpected outputs \(result.outputs)"); return
        }
        // The caption goes with the label, to the figure.
        #expect(table.name == "klvariance" && table.caption != "Legenda." && table.label == nil)
        #expect(deviation.label == "fig-kl" && deviation.caption == "Legenda.")
        #expect(table.header[4] == "KL de referência")
        #expect(mean.svg.contains("referência MC (10⁶ amostras)"))
        #expect(result.scalars["analytic"] == nil)
        let reference = try #require(result.scalars["reference"])
        #expect(reference > 0 && (result.scalars["reference.stderr"] ?? 1) < 0.01)
    }

    @Test func runIsReproducible() throws {
        #expect(try Self.run(Self.standardSource) == Self.run(Self.standardSource))
    }
}
