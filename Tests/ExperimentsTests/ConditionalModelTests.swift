import LatentModels
import Notebook
import Tensors
import Testing
@testable import Experiments

@Suite struct ConditionalModelTests {
    @Test func conditionalModelsGetOneRowPerClass() throws {
        let results = try runBlock(#"""
            @Train(id: "c", data: \#(tinyRing), \#(tinyNet), conditional: true, epochs: 1)
            @Samples(of: "c", count: 3)
            @Reconstructions(of: "c", count: 4)
            @LatentSpace(of: "c", points: 50)
            @Interpolate(of: "c", from: 0, to: 1, steps: 3)
            """#)
        #expect(results[1].scalars["count"] == 12)  // 3 per class, 4 classes
        #expect(results[1].figures[0].svg.contains("classe 3"))
        #expect((results[2].scalars["mse.all"] ?? .nan).isFinite && results[3].scalars["points"] == 50)
        #expect((results[4].scalars["pathLength"] ?? .nan).isFinite)
    }

    /// Every class row decodes the same latent draws, column by column.
    @Test func conditionalSamplesShareZAcrossClasses() throws {
        let configuration = TrainingConfiguration(model: .vae, data: .synthetic(.ring(components: 4, radius: 2, spread: 0.2), train: 64, test: 32),
                                                  latent: 2, hidden: 8, conditional: true, epochs: 1)
        let vae = VAE(configuration.architecture(inputs: 2, classes: 4), seed: 1)
        var reader = ArgumentReader(call: DirectiveParser.parse(#"@Samples(of: "c", count: 3)"#, file: "a.md", startLine: 1, startColumn: 1).calls[0],
                                    file: "a.md")
        let samples = try #require(Samples(reading: &reader))
        let (z, kind, rowCount, rowLength) = try samples.latentDraws(vae, mixture: nil, rng: RandomGenerator(seed: 9))
        let rows = TensorConversion.rows(z)
        #expect(kind == .classes && rowCount == 4 && rowLength == 3 && rows.count == 12)
        for row in 1..<4 { #expect(Array(rows[(row * 3)..<(row * 3 + 3)]) == Array(rows[0..<3])) }
        #expect(rows[0] != rows[1])
    }
}
