import Tensors

/// A complete, reproducible description of one training run: model, data, architecture,
/// objective, optimizer budget and seeds. Codable and Hashable, so the notebook can key its
/// cache on it and store it next to the weights.
///
/// The defaults are the lessons' reference setup: z = 10, two hidden layers of 300 ReLUs,
/// Bernoulli decoder on dynamically binarized Fashion-MNIST, batch 128, Adam with lr 1e-3.
public struct TrainingConfiguration: Codable, Hashable, Sendable {
    /// Which member of the VAE family.
    public enum Model: Codable, Hashable, Sendable {
        /// Standard normal prior.
        case vae
        /// Mixture-of-Gaussians prior with `components` learnable components, uniform weights.
        case gmvae(components: Int)
        /// VampPrior with `pseudoInputs` pseudo-inputs.
        case vampprior(pseudoInputs: Int)
        /// RealNVP flow prior with `couplings` affine couplings.
        case flow(couplings: Int)
    }

    /// Where the examples come from.
    public enum DataSource: Codable, Hashable, Sendable {
        /// Fashion-MNIST; nil counts mean the whole split. Training batches are binarized as
        /// asked (a fresh draw per batch for `.dynamic`); the test split is binarized once
        /// with `FixedBinarization(seed: testSeed)`.
        case fashionMNIST(train: Int? = nil, test: Int? = nil, binarization: Binarization = .dynamic)
        /// A 2-D synthetic set; training and test points come from different seeds.
        case synthetic(SyntheticData, train: Int, test: Int)
    }

    public var model: Model
    public var data: DataSource
    public var latent: Int
    /// Width of each hidden layer.
    public var hidden: Int
    /// Number of hidden layers in the encoder (the decoder mirrors it).
    public var hiddenLayers: Int
    public var activation: ModelArchitecture.HiddenActivation
    /// nil: Bernoulli for Fashion-MNIST, Gaussian with learned variance for synthetic sets.
    public var likelihood: ModelArchitecture.LikelihoodKind?
    /// Conditional VAE: one-hot labels concatenated to encoder and decoder inputs.
    public var conditional: Bool
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    public var beta: Float
    /// Epochs of linear KL warm-up (0: none).
    public var warmup: Int
    /// Free bits λ in nats per latent dimension (0: none).
    public var freeBits: Float
    public var kl: KLEstimator
    /// Seeds initialization, data order, training binarization, noise and subsets.
    public var seed: UInt64
    /// Seeds the test subset and its fixed binarization (shared across models for comparability).
    public var testSeed: UInt64
    /// nil: He-normal before ReLU-like layers, Glorot elsewhere.
    public var initialization: WeightInitialization?

    public init(model: Model = .vae, data: DataSource = .fashionMNIST(), latent: Int = 10, hidden: Int = 300,
                hiddenLayers: Int = 2, activation: ModelArchitecture.HiddenActivation = .relu,
                likelihood: ModelArchitecture.LikelihoodKind? = nil, conditional: Bool = false, epochs: Int = 10,
                batchSize: Int = 128, learningRate: Float = 1e-3, beta: Float = 1, warmup: Int = 0, freeBits: Float = 0,
                kl: KLEstimator = .analytic, seed: UInt64 = 1, testSeed: UInt64 = 2024,
                initialization: WeightInitialization? = nil) {
        self.model = model; self.data = data; self.latent = latent; self.hidden = hidden
        self.hiddenLayers = hiddenLayers; self.activation = activation; self.likelihood = likelihood
        self.conditional = conditional; self.epochs = epochs; self.batchSize = batchSize
        self.learningRate = learningRate; self.beta = beta; self.warmup = warmup; self.freeBits = freeBits
        self.kl = kl; self.seed = seed; self.testSeed = testSeed; self.initialization = initialization
    }

    /// The objective's settings.
    public var objective: TrainingObjective {
        TrainingObjective(beta: beta, warmupEpochs: warmup, freeBits: freeBits, kl: kl)
    }

    /// The architecture for data of `inputs` features and `classes` labels.
    public func architecture(inputs: Int, classes: Int) -> ModelArchitecture {
        let prior: ModelArchitecture.PriorKind
        switch model {
        case .vae: prior = .standardNormal
        case .gmvae(let k): prior = .mixture(components: k, learnedWeights: false)
        case .vampprior(let k): prior = .vamp(pseudoInputs: k)
        case .flow(let l): prior = .flow(couplings: l, hidden: 64)
        }
        let defaultLikelihood: ModelArchitecture.LikelihoodKind
        if case .synthetic = data { defaultLikelihood = .gaussian(.learned) } else { defaultLikelihood = .bernoulli }
        return ModelArchitecture(inputs: inputs, latent: latent, hidden: [Int](repeating: hidden, count: hiddenLayers),
                                 activation: activation, prior: prior, likelihood: likelihood ?? defaultLikelihood,
                                 conditionCount: conditional ? classes : 0, initialization: initialization)
    }

    /// How training batches are binarized.
    public var trainingBinarization: Binarization {
        if case .fashionMNIST(_, _, let b) = data { return b }
        return .none
    }

    /// The training set and the (already binarized) test set.
    public func loadData() throws -> (train: Dataset, test: Dataset) {
        switch data {
        case let .fashionMNIST(train, test, binarization):
            let trainSet = try FashionMNIST.load(.train).randomSubset(count: train, seed: seed)
            let testSet = try FashionMNIST.load(.test).randomSubset(count: test, seed: testSeed)
            return (trainSet, testSet.binarizedOnce(binarization, seed: testSeed))
        case let .synthetic(kind, train, test):
            return (kind.generate(count: train, seed: seed), kind.generate(count: test, seed: testSeed &+ 0x7E57))
        }
    }
}
