import Foundation
import Testing
import Tensors
@testable import LatentModels

@Suite struct CheckpointTests {
    let architecture = ModelArchitecture(inputs: 6, latent: 2, hidden: [5, 4], prior: .mixture(components: 3, learnedWeights: true))

    @Test func saveThenLoadReproducesOutputsExactly() throws {
        let a = VAE(architecture, seed: 1), b = VAE(architecture, seed: 2)
        let x = RandomGenerator(seed: 9).uniform(shape: [3, 6])
        let z = RandomGenerator(seed: 10).normal(shape: [3, 2])
        #expect(a.encode(x).mean.scalars != b.encode(x).mean.scalars)
        try b.loadWeights(a.weights())
        #expect(a.encode(x).mean.scalars == b.encode(x).mean.scalars)
        #expect(a.encode(x).logVariance.scalars == b.encode(x).logVariance.scalars)
        #expect(a.decode(z).scalars == b.decode(z).scalars)
        #expect(a.prior.logDensity(z).scalars == b.prior.logDensity(z).scalars)
        #expect(a.weights() == b.weights())
    }

    @Test func parametersAreReachableByPath() {
        let model = VAE(architecture, seed: 1)
        let paths = model.parameters.named.map(\.path)
        #expect(paths.contains("encoder.body.layer0.weight") && paths.contains("encoder.head.bias"))
        #expect(paths.contains("decoder.layer2.weight") && paths.contains("prior.weightLogits"))
        #expect(model.parameters["encoder.body.layer1.weight"]?.shape == [5, 4])
        #expect(model.parameters["decoder.layer0.weight"]?.shape == [2, 4])
    }

    @Test func corruptionIsAClearError() throws {
        let model = VAE(architecture, seed: 1)
        let data = model.weights()
        var flipped = data
        flipped[data.count / 2] ^= 0x40
        #expect(throws: CheckpointError.self) { try model.loadWeights(flipped) }
        do { try model.loadWeights(flipped); Issue.record("no error") } catch let error as CheckpointError {
            guard case .checksumMismatch = error else { Issue.record("unexpected \(error)"); return }
            #expect(error.description.contains("corrupt"))
        }
        #expect(throws: CheckpointError.truncated) { try model.loadWeights(data.prefix(12)) }
        #expect(throws: CheckpointError.notACheckpoint) { try model.loadWeights(Data("hello world, not weights".utf8)) }
        let other = VAE(ModelArchitecture(inputs: 6, latent: 3, hidden: [5, 4]), seed: 1)
        #expect(throws: CheckpointError.self) { try other.loadWeights(data) }
        // A failed load leaves the model untouched.
        #expect(model.weights() == data)
    }
}
