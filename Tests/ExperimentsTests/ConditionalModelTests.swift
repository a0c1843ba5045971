import Notebook
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
}
