import Foundation
import Tensors

/// A variational autoencoder (Kingma & Welling, 2014; Rezende et al., 2014), generic over
/// its prior (`any Prior`) and its observation model (`any Likelihood`), with a diagonal
/// Gaussian encoder. With `conditionCount > 0` it is the conditional VAE of Sohn et al.
/// (2015): the condition (a one-hot label) is concatenated to the inputs of both networks
/// and the prior stays unconditional (a simplification of the paper's conditional prior).
///
/// All weights live in `parameters` by path: `encoder.body.layer0.weight`, `encoder.head.bias`,
/// `decoder.layer2.weight`, `prior.means`, …. Weights are drawn from a generator seeded
/// by `seed`, so the same architecture and seed give the same initial model.
public final class VAE {
    public let architecture: ModelArchitecture
    public let parameters: ParameterStore
    public let encoder: GaussianEncoder
    public let decoder: Decoder
    public let prior: any Prior

    public init(_ architecture: ModelArchitecture, seed: UInt64) {
        self.architecture = architecture
        let store = ParameterStore()
        let rng = RandomGenerator(seed: seed).stream(0x1417)
        let a = architecture
        let act = a.activation.activation
        encoder = GaussianEncoder(inputs: a.inputs, hidden: a.hidden, latent: a.latent, activation: act,
                                  conditionCount: a.conditionCount, initialization: a.initialization,
                                  rng: rng, scope: store.scope("encoder"))
        let likelihood: any Likelihood
        switch a.likelihood {
        case .bernoulli: likelihood = BernoulliLikelihood()
        case .gaussian(let v): likelihood = GaussianLikelihood(features: a.inputs, variance: v, scope: store.scope("decoder"))
        }
        decoder = Decoder(latent: a.latent, hidden: Array(a.hidden.reversed()), outputs: a.inputs, likelihood: likelihood,
                          activation: act, conditionCount: a.conditionCount, initialization: a.initialization,
                          rng: rng, scope: store.scope("decoder"))
        let priorScope = store.scope("prior")
        switch a.prior {
        case .standardNormal:
            prior = StandardNormalPrior(dimension: a.latent)
        case let .mixture(k, learned):
            prior = MixturePrior(components: k, dimension: a.latent, learnedWeights: learned, rng: rng, scope: priorScope)
        case .vamp(let k):
            prior = VampPrior(pseudoInputs: k, encoder: encoder, rng: rng, scope: priorScope)
        case let .flow(couplings, hidden):
            prior = FlowPrior(dimension: a.latent, couplings: couplings, hidden: hidden, rng: rng, scope: priorScope)
        }
        parameters = store
    }

    public var latentCount: Int { architecture.latent }
    public var isConditional: Bool { architecture.conditionCount > 0 }

    /// The posterior `q(z | x, y)`.
    public func encode(_ x: Tensor, condition: Tensor? = nil) -> DiagonalGaussian {
        encoder(x, condition: condition)
    }

    /// `E[x | z, y]` (pixel probabilities for a Bernoulli decoder).
    public func decode(_ z: Tensor, condition: Tensor? = nil) -> Tensor {
        decoder.mean(z, condition: condition)
    }

    /// Posterior means decoded: `E[x | z = μ(x)]`, no gradient.
    public func reconstruct(_ x: Tensor, condition: Tensor? = nil) -> Tensor {
        withNoGrad { decode(encode(x, condition: condition).mean, condition: condition) }
    }

    /// `count` draws from the prior, decoded to means, no gradient.
    public func generate(count: Int, condition: Tensor? = nil, rng: RandomGenerator) -> Tensor {
        withNoGrad { decode(prior.sample(count: count, rng: rng), condition: condition) }
    }

    /// The weights in the `WeightsFile` format.
    public func weights() -> Data { WeightsFile.encode(parameters) }

    /// Replaces all weights from `WeightsFile` data (all or nothing).
    public func loadWeights(_ data: Data) throws { try WeightsFile.load(data, into: parameters) }
}
