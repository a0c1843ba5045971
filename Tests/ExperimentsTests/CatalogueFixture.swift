import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Notebook
@testable import Experiments

/// Parses one directive call written at line 1 of `aula.md` and reads it as `type`.
func readDirective<E: Experiment>(_ type: E.Type, _ source: String) -> (experiment: E?, diagnostics: [Diagnostic]) {
    let parsed = DirectiveParser.parse(source, file: "aula.md", startLine: 1, startColumn: 1)
    precondition(parsed.diagnostics.isEmpty, "fixture does not parse: \(parsed.diagnostics)")
    precondition(parsed.calls.count == 1 && parsed.calls[0].name == E.directiveName, "fixture must hold one @\(E.directiveName)")
    var reader = ArgumentReader(call: parsed.calls[0], file: "aula.md")
    let experiment = E(reading: &reader)
    return (experiment, reader.finish())
}

struct FixtureError: Error, CustomStringConvertible { var description: String }

/// Runs a block of directives in order, like the engine: each sees the results of earlier ids.
/// Returns the presented results by position.
func runBlock(_ source: String, timeLimit: Double? = nil) throws -> [ExperimentResult] {
    let parsed = DirectiveParser.parse(source, file: "aula.md", startLine: 1, startColumn: 1)
    guard parsed.diagnostics.isEmpty else { throw FixtureError(description: "\(parsed.diagnostics)") }
    var byID: [String: ExperimentResult] = [:]
    var results: [ExperimentResult] = []
    for call in parsed.calls {
        guard let type = Catalogue.registry[call.name] else { throw FixtureError(description: "unknown @\(call.name)") }
        var reader = ArgumentReader(call: call, file: "aula.md")
        let experiment = type.init(reading: &reader)
        let diagnostics = reader.finish()
        guard let experiment, diagnostics.isEmpty else { throw FixtureError(description: "\(diagnostics)") }
        let context = ExperimentContext(dependencyResults: byID.filter { experiment.dependencies.contains($0.key) },
                                        timeLimit: timeLimit)
        let result = try experiment.run(in: context)
        if let id = experiment.id { byID[id] = result }
        results.append(try experiment.presented(result, in: .portuguese))
    }
    return results
}

extension ExperimentResult {
    var tables: [ResultTable] { outputs.compactMap { if case .table(let t) = $0 { t } else { nil } } }
    var figures: [ResultFigure] { outputs.compactMap { if case .figure(let f) = $0 { f } else { nil } } }
    var notes: [String] { outputs.compactMap { if case .note(let n) = $0 { n } else { nil } } }
}

/// Whether `xml` is well-formed (Foundation's `XMLParser`).
func isWellFormedXML(_ xml: String) -> Bool {
    XMLParser(data: Data(xml.utf8)).parse()
}

/// A tiny synthetic training setup: 4 Gaussians on a ring, a 2-D latent, one small layer.
let tinyRing = #".synthetic(set: .ring(components: 4), train: 256, test: 128)"#
let tinyNet = "latent: 2, hidden: 16, layers: 1, batch: 64"
