import Foundation
import Notebook
import Testing
@testable import Experiments

/// Every directive of the catalogue measures in `run` and draws at page time, in the page's
/// language, from the same measurement.
@Suite struct MeasuredDirectiveTests {
    /// Runs a block, then presents every result in Portuguese and in English.
    func bothLanguages(_ source: String) throws -> [(pt: ExperimentResult, en: ExperimentResult, raw: ExperimentResult)] {
        let parsed = DirectiveParser.parse(source, file: "aula.md", startLine: 1, startColumn: 1)
        var byID: [String: ExperimentResult] = [:]
        var out: [(ExperimentResult, ExperimentResult, ExperimentResult)] = []
        for call in parsed.calls {
            var reader = ArgumentReader(call: call, file: "aula.md")
            let experiment = try #require(Catalogue.registry[call.name]?.init(reading: &reader))
            #expect(reader.finish().isEmpty)
            let raw = try experiment.run(in: ExperimentContext(dependencyResults: byID.filter { experiment.dependencies.contains($0.key) }))
            if let id = experiment.id { byID[id] = raw }
            out.append((try experiment.presented(raw, in: .portuguese), try experiment.presented(raw, in: .english), raw))
        }
        return out
    }

    @Test func everyDirectiveStoresAMeasurementAndNoOutputs() {
        for type in Catalogue.all {
            #expect(type is any Measured.Type, "@\(type.directiveName) still draws inside run")
        }
    }

    @Test func theSameMeasurementIsShownInEitherLanguage() throws {
        let results = try bothLanguages(#"""
            @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 2, seed: 3)
            @Evaluate(of: ["a"], metrics: [.nelbo, .iwae(samples: 3), .klPerDimension])
            @LearningCurves(of: ["a"], split: .both)
            @Samples(of: "a", count: 4)
            @LatentSpace(of: "a", points: 50)
            @GradientVariance(samples: [1, 10], repeats: 20)
            """#)
        for (pt, en, raw) in results {
            #expect(raw.outputs.isEmpty && raw.measurement != nil)
            #expect(pt.scalars == en.scalars && pt.outputs.count == en.outputs.count && !pt.outputs.isEmpty)
            #expect(pt.outputs != en.outputs)
        }
        let table = try #require(results[0].en.outputs.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.caption.hasPrefix("Training VAE on ring of 4 Gaussians") && table.header.contains("Test NELBO"))
        let figure = try #require(results[2].en.outputs.compactMap { if case .figure(let f) = $0 { f } else { nil } }.first)
        #expect(figure.svg.contains(">Epoch<") && !figure.svg.contains("Época"))
        #expect(figure.caption.contains("training (dashed) and test"))
    }
}
