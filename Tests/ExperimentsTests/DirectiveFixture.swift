import LatentModels
import Notebook
@testable import Experiments

/// Parses one `@KLVariance(…)` written at line 1, column 1 of `aula.md` and reads it.
func readKLVariance(_ source: String) -> (experiment: KLVariance?, diagnostics: [Diagnostic], canonical: String) {
    let parsed = DirectiveParser.parse(source, file: "aula.md", startLine: 1, startColumn: 1)
    precondition(parsed.diagnostics.isEmpty, "fixture does not parse: \(parsed.diagnostics)")
    precondition(parsed.calls.count == 1, "fixture must hold exactly one call")
    var reader = ArgumentReader(call: parsed.calls[0], file: "aula.md")
    let experiment = KLVariance(reading: &reader)
    return (experiment, reader.finish(), reader.canonicalForm)
}

/// The posterior of the lesson's example.
let lessonPosterior = DiagonalNormal(mean: [0.8, -0.5], std: [0.6, 1.3])

/// The three-component prior of the lesson's example.
let lessonMixture = NormalMixture(components: [
    DiagonalNormal(mean: [-2, 0], std: [0.5, 0.5]),
    DiagonalNormal(mean: [2, 0], std: [0.5, 0.5]),
    DiagonalNormal(mean: [0, 2], std: [0.5, 0.5]),
])
