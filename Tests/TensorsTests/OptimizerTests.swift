import Foundation
import Testing
@testable import Tensors

/// Adam and SGD updates against hand-computed references; parameter paths.
@Suite struct OptimizerTests {
    @Test func adamMatchesReferenceFormula() {
        let theta = Tensor([1, -2], requiresGrad: true)
        let adam = Adam(parameters: [theta], learningRate: 0.1)
        var reference: [Double] = [1, -2]
        var m = [0.0, 0.0], v = [0.0, 0.0]
        for t in 1...5 {
            adam.zeroGrad()
            (theta * theta).sum().backward()  // g = 2θ
            adam.step()
            for i in 0..<2 {
                let g = 2 * reference[i]
                m[i] = 0.9 * m[i] + 0.1 * g
                v[i] = 0.999 * v[i] + 0.001 * g * g
                let mHat = m[i] / (1 - pow(0.9, Double(t))), vHat = v[i] / (1 - pow(0.999, Double(t)))
                reference[i] -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
        }
        #expect(isClose(theta.scalars, reference.map(Float.init), tolerance: 1e-5))
    }

    @Test func adamMinimizesQuadraticWithWeightDecayAndClipping() {
        let theta = Tensor([3, -4], requiresGrad: true)
        let target = Tensor([1, 1])
        let adam = Adam(parameters: [theta], learningRate: 0.05, weightDecay: 1e-4, maxGradientNorm: 1)
        for _ in 0..<500 {
            adam.zeroGrad()
            ((theta - target).squared()).sum().backward()
            adam.step()
        }
        #expect(isClose(theta.scalars, [1, 1], tolerance: 1e-2))
        #expect(adam.lastGradientNorm != nil)
        let decoupled = Adam(parameters: [Tensor([1], requiresGrad: true)], learningRate: 0.1,
                             weightDecay: 0.5, decoupledWeightDecay: true)
        decoupled.parameters[0].accumulateGradient(Tensor([0]))
        decoupled.step()
        #expect(abs(decoupled.parameters[0].item() - 0.95) < 1e-6)
    }

    @Test func gradientClippingRescalesGlobalNorm() {
        let a = Tensor([0, 0], requiresGrad: true), b = Tensor([0], requiresGrad: true)
        a.accumulateGradient(Tensor([3, 0])); b.accumulateGradient(Tensor([4]))
        #expect(abs(clipGradientNorm([a, b], maxNorm: 1) - 5) < 1e-6)
        #expect(abs(gradientNorm([a, b]) - 1) < 1e-5)
    }

    @Test func sgdWithAndWithoutMomentum() {
        let p = Tensor([1], requiresGrad: true)
        let sgd = SGD(parameters: [p], learningRate: 0.1, momentum: 0.9)
        for _ in 0..<2 { sgd.zeroGrad(); (p * 2).sum().backward(); sgd.step() }
        // b1 = 2, θ = 0.8; b2 = 0.9·2 + 2 = 3.8, θ = 0.42
        #expect(abs(p.item() - 0.42) < 1e-6)
        let q = Tensor([1], requiresGrad: true)
        let plain = SGD(parameters: [q], learningRate: 0.5)
        (q * 2).sum().backward(); plain.step()
        #expect(q.item() == 0)
    }

    @Test func parameterStorePathsAndScopes() {
        let store = ParameterStore()
        let encoder = store.scope("encoder").scope("hidden")
        encoder.register("weight", Tensor.zeros([2, 3]))
        encoder.register("bias", Tensor.zeros([3]))
        #expect(store.named.map(\.path) == ["encoder.hidden.weight", "encoder.hidden.bias"])
        #expect(store["encoder.hidden.weight"]?.requiresGrad == true)
        #expect(store["encoder.hidden.bias"]?.name == "encoder.hidden.bias")
        #expect(encoder["weight"] === store["encoder.hidden.weight"])
        #expect(store.scalarCount == 9)
        #expect(Adam(parameters: store).parameters.count == 2)
    }
}
