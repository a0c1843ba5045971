import Foundation
import Testing
import Tensors
@testable import LatentModels

@Suite struct PriorTests {
    /// A 2-D flow prior with every parameter randomized (so it is far from the identity).
    func randomFlow(seed: UInt64) -> FlowPrior {
        let store = ParameterStore()
        let flow = FlowPrior(dimension: 2, couplings: 4, hidden: 16, rng: RandomGenerator(seed: seed), scope: store.scope("prior"))
        let rng = RandomGenerator(seed: seed + 100)
        for p in store.parameters { p.assign(rng.normal(shape: p.shape, standardDeviation: 0.3)) }
        return flow
    }

    @Test func flowDensityIntegratesToOneOnAGrid() {
        let flow = randomFlow(seed: 1)
        let step: Float = 0.05, half = 12
        let ticks = stride(from: -Float(half) + step / 2, to: Float(half), by: step).map { $0 }
        var points: [Float] = []
        for x in ticks { for y in ticks { points += [x, y] } }
        let z = Tensor(shape: [points.count / 2, 2], scalars: points)
        let mass = withNoGrad { flow.logDensity(z) }.scalars.reduce(0.0) { $0 + Foundation.exp(Double($1)) } * Double(step * step)
        #expect(Swift.abs(mass - 1) < 0.01, "flow mass on the grid: \(mass)")
    }

    @Test func flowInverseUndoesForward() {
        let flow = randomFlow(seed: 2)
        let u = RandomGenerator(seed: 3).normal(shape: [5, 2])
        var z = u
        for c in flow.couplings { z = c.forward(z).0 }
        var back = z
        for c in flow.couplings.reversed() { back = c.inverse(back).0 }
        #expect(zip(u.scalars, back.scalars).allSatisfy { Swift.abs($0 - $1) < 1e-4 })
    }

    @Test func freshFlowIsTheStandardNormal() {
        let store = ParameterStore()
        let flow = FlowPrior(dimension: 3, couplings: 2, rng: RandomGenerator(seed: 1), scope: store.scope("p"))
        let z = RandomGenerator(seed: 2).normal(shape: [4, 3])
        let a = flow.logDensity(z).scalars, b = StandardNormalPrior(dimension: 3).logDensity(z).scalars
        #expect(zip(a, b).allSatisfy { Swift.abs($0 - $1) < 1e-5 })
    }

    @Test func mixturePriorHasNoAnalyticKLButStandardNormalDoes() {
        let store = ParameterStore()
        let mixture = MixturePrior(components: 3, dimension: 2, rng: RandomGenerator(seed: 1), scope: store.scope("prior"))
        #expect(!mixture.hasAnalyticKL && StandardNormalPrior(dimension: 2).hasAnalyticKL)
        #expect(store.named.map(\.path) == ["prior.means", "prior.logVariances"])
        #expect(KLEstimator.analytic.resolved(for: mixture) == .monteCarlo(samples: 1))
        #expect(mixture.sample(count: 7, rng: RandomGenerator(seed: 1)).shape == [7, 2])
    }

    @Test func vampPriorIsAMixtureOfEncodedPseudoInputs() {
        let store = ParameterStore()
        let encoder = GaussianEncoder(inputs: 5, hidden: [8], latent: 2, rng: RandomGenerator(seed: 1), scope: store.scope("encoder"))
        let vamp = VampPrior(pseudoInputs: 3, encoder: encoder, rng: RandomGenerator(seed: 2), scope: store.scope("prior"))
        let z = RandomGenerator(seed: 4).normal(shape: [6, 2])
        let q = encoder(vamp.pseudoInputs)
        let expected = GaussianMixture(means: q.mean, logVariances: q.logVariance).logDensity(z).scalars
        #expect(vamp.logDensity(z).scalars == expected)
        #expect(vamp.pseudoInputs.scalars.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(vamp.sample(count: 5, rng: RandomGenerator(seed: 1)).shape == [5, 2])
    }

    /// Finite-difference check of the mixture log-density's gradient (built from the
    /// broadcast Gaussian density, logSumExp and logSoftmax) with respect to every parameter.
    @Test func mixtureLogDensityGradientMatchesFiniteDifferences() {
        let store = ParameterStore()
        let prior = MixturePrior(components: 3, dimension: 2, learnedWeights: true, rng: RandomGenerator(seed: 5), scope: store.scope("prior"))
        prior.weightLogits!.assign(Tensor([0.3, -0.2, 0.1]))
        let z = RandomGenerator(seed: 6).normal(shape: [4, 2])
        func value() -> Double { Double(withNoGrad { prior.logDensity(z).sum() }.item()) }
        store.zeroGrad()
        prior.logDensity(z).sum().backward()
        let h: Float = 1e-2
        for (path, p) in store.named {
            let grad = p.grad!.scalars
            for i in 0..<p.count {
                let original = p.scalars
                var plus = original; plus[i] += h
                p.assign(Tensor(shape: p.shape, scalars: plus)); let fp = value()
                var minus = original; minus[i] -= h
                p.assign(Tensor(shape: p.shape, scalars: minus)); let fm = value()
                p.assign(Tensor(shape: p.shape, scalars: original))
                let numeric = (fp - fm) / Double(2 * h)
                #expect(Swift.abs(numeric - Double(grad[i])) < 2e-2 * Swift.max(1, Swift.abs(numeric)), "\(path)[\(i)]")
            }
        }
    }
}
