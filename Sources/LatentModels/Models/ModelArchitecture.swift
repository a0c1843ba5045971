import Tensors

/// Everything needed to build a `VAE` with fresh weights: sizes, prior, likelihood,
/// activation and initialization. Codable and Hashable so it can key caches and travel with
/// saved weights.
public struct ModelArchitecture: Codable, Hashable, Sendable {
    /// The prior family.
    public enum PriorKind: Codable, Hashable, Sendable {
        case standardNormal
        /// Mixture of `components` learnable Gaussians (uniform weights unless `learnedWeights`).
        case mixture(components: Int, learnedWeights: Bool)
        /// VampPrior with `pseudoInputs` learnable pseudo-inputs.
        case vamp(pseudoInputs: Int)
        /// RealNVP flow with `couplings` affine couplings of `hidden` units.
        case flow(couplings: Int, hidden: Int)
    }

    /// The observation model.
    public enum LikelihoodKind: Codable, Hashable, Sendable {
        case bernoulli
        case gaussian(GaussianLikelihood.Variance)
    }

    /// Hidden-layer non-linearity.
    public enum HiddenActivation: String, Codable, Hashable, Sendable, CaseIterable {
        case relu, tanh, elu, softplus, leakyReLU

        public var activation: Activation {
            switch self {
            case .relu: return .relu
            case .tanh: return .tanh
            case .elu: return .elu(alpha: 1)
            case .softplus: return .softplus
            case .leakyReLU: return .leakyReLU(slope: 0.01)
            }
        }
    }

    public var inputs: Int
    public var latent: Int
    /// Encoder hidden sizes; the decoder mirrors them (`[300, 300]` → 784-300-300 / 300-300-784).
    public var hidden: [Int]
    public var activation: HiddenActivation
    public var prior: PriorKind
    public var likelihood: LikelihoodKind
    /// Width of the condition concatenated to encoder and decoder inputs (0: unconditional).
    public var conditionCount: Int
    /// nil: He-normal before ReLU-like activations, Glorot-uniform elsewhere.
    public var initialization: WeightInitialization?

    public init(inputs: Int, latent: Int, hidden: [Int], activation: HiddenActivation = .relu,
                prior: PriorKind = .standardNormal, likelihood: LikelihoodKind = .bernoulli,
                conditionCount: Int = 0, initialization: WeightInitialization? = nil) {
        precondition(inputs > 0 && latent > 0 && !hidden.isEmpty && hidden.allSatisfy { $0 > 0 },
                     "ModelArchitecture: sizes must be positive (inputs \(inputs), latent \(latent), hidden \(hidden))")
        self.inputs = inputs
        self.latent = latent
        self.hidden = hidden
        self.activation = activation
        self.prior = prior
        self.likelihood = likelihood
        self.conditionCount = conditionCount
        self.initialization = initialization
    }
}
