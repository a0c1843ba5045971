import Foundation
import Testing
@testable import Tensors

/// Fused VAE kernels: values against their composite definitions, and gradients.
@Suite struct FusedKernelTests {
    @Test func bernoulliLogLikelihoodMatchesDefinition() {
        let logits = randomTensor([3, 4], seed: 41, scale: 3)
        let targets = RandomGenerator(seed: 42).uniform(shape: [3, 4])
        let fused = bernoulliLogLikelihood(logits: logits, targets: targets)
        let composite = (targets * logits - logits.softplus()).sum(axis: 1)
        #expect(fused.shape == [3])
        #expect(isClose(fused.scalars, composite.scalars, tolerance: 1e-5))
        checkGradients([logits, targets]) { bernoulliLogLikelihood(logits: $0[0], targets: $0[1]) }
    }

    @Test func bernoulliLogLikelihoodAtExtremeLogits() {
        let logits = Tensor(shape: [1, 4], scalars: [1000, -1000, 1000, -1000], requiresGrad: true)
        let targets = Tensor(shape: [1, 4], scalars: [1, 0, 0, 1])
        let ll = bernoulliLogLikelihood(logits: logits, targets: targets)
        #expect(ll.item() == -2000)
        ll.sum().backward()
        #expect(logits.grad?.scalars == [0, 0, -1, 1])
    }

    @Test func gaussianLogDensityMatchesDefinition() {
        let x = randomTensor([3, 2], seed: 43), mean = randomTensor([3, 2], seed: 44)
        let logVariance = randomTensor([3, 2], seed: 45, scale: 0.5)
        let fused = gaussianLogDensity(x: x, mean: mean, logVariance: logVariance)
        var expected: [Float] = []
        for r in 0..<3 {
            var s: Double = 0
            for j in 0..<2 {
                let v = Double(logVariance[r, j]), d = Double(x[r, j] - mean[r, j])
                s += -0.5 * (log(2 * Double.pi) + v + d * d / exp(v))
            }
            expected.append(Float(s))
        }
        #expect(isClose(fused.scalars, expected, tolerance: 1e-5))
        checkGradients([x, mean, logVariance]) { gaussianLogDensity(x: $0[0], mean: $0[1], logVariance: $0[2]) }
    }

    @Test func gaussianLogDensityBroadcastsOverMixtureComponents() {
        let x = randomTensor([4, 1, 2], seed: 46), mean = randomTensor([1, 3, 2], seed: 47)
        let logVariance = randomTensor([1, 3, 2], seed: 48, scale: 0.3)
        #expect(gaussianLogDensity(x: x, mean: mean, logVariance: logVariance).shape == [4, 3])
        checkGradients([x, mean, logVariance]) { gaussianLogDensity(x: $0[0], mean: $0[1], logVariance: $0[2]) }
    }

    @Test func klToStandardNormal() {
        let mean = randomTensor([3, 4], seed: 49), logVariance = randomTensor([3, 4], seed: 50, scale: 0.5)
        let kl = gaussianKLToStandardNormal(mean: mean, logVariance: logVariance)
        let composite = ((1 + logVariance - mean * mean - logVariance.exp()) * -0.5).sum(axis: 1)
        #expect(isClose(kl.scalars, composite.scalars, tolerance: 1e-5))
        #expect(kl.scalars.allSatisfy { $0 >= 0 })
        checkGradients([mean, logVariance]) { gaussianKLToStandardNormal(mean: $0[0], logVariance: $0[1]) }
    }

    @Test func reparameterizeMatchesDefinition() {
        let mean = randomTensor([2, 3], seed: 51), logVariance = randomTensor([2, 3], seed: 52, scale: 0.5)
        let noise = randomTensor([2, 3], seed: 53)
        let z = reparameterize(mean: mean, logVariance: logVariance, noise: noise)
        let composite = mean + (logVariance * 0.5).exp() * noise
        #expect(isClose(z.scalars, composite.scalars, tolerance: 1e-5))
        checkGradients([mean, logVariance, noise]) { reparameterize(mean: $0[0], logVariance: $0[1], noise: $0[2]) }
    }
}
