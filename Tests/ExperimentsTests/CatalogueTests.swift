import Notebook
import Testing
@testable import Experiments

@Suite struct CatalogueTests {
    @Test func registersEveryDirectiveOnce() {
        #expect(Catalogue.registry.names == ["Compare", "ComparePriors", "DecoderComponents", "Evaluate", "GradientVariance", "Interpolate", "KLVariance",
                                              "LatentSpace", "LearningCurves", "Listing", "MixtureFit", "PriorDensity", "Reconstructions",
                                              "Samples", "Train"])
    }

    /// Every directive reads its defaults without diagnostics (only the required arguments given).
    @Test(arguments: [
        #"@Train(id: "a")"#, #"@Evaluate(of: ["a"])"#, #"@LearningCurves(of: ["a"])"#, #"@Samples(of: "a")"#,
        #"@Reconstructions(of: "a")"#, #"@Interpolate(of: "a")"#, #"@LatentSpace(of: "a")"#, #"@KLVariance(of: "a")"#,
        #"@PriorDensity(of: "a")"#, #"@MixtureFit()"#, #"@ComparePriors()"#, #"@GradientVariance()"#,
    ])
    func defaultsAreValid(source: String) throws {
        let parsed = DirectiveParser.parse(source, file: "aula.md", startLine: 1, startColumn: 1)
        let call = try #require(parsed.calls.first)
        let type = try #require(Catalogue.registry[call.name])
        var reader = ArgumentReader(call: call, file: "aula.md")
        let experiment = type.init(reading: &reader)
        #expect(reader.finish().isEmpty && experiment != nil)
        // Presentation arguments never enter the cache key.
        var withCaption = ArgumentReader(call: DirectiveParser.parse(String(source.dropLast()) + (source.hasSuffix("()") ? "" : ", ")
                                                                     + #"caption: "x", label: "tab-x")"#,
                                                                     file: "aula.md", startLine: 1, startColumn: 1).calls[0], file: "aula.md")
        _ = type.init(reading: &withCaption)
        #expect(withCaption.finish().isEmpty && withCaption.canonicalForm == reader.canonicalForm)
    }
}
