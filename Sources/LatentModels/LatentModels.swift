/// # LatentModels
///
/// The VAE family of the lessons, trained for real on Fashion-MNIST and 2-D toy sets,
/// built on `Tensors` (autodiff, fused kernels, OpenBLAS, Adam, seeded RNG).
///
/// ## One entry point for a training run
///
/// ```swift
/// let configuration = TrainingConfiguration(
///     model: .gmvae(components: 10),                 // .vae | .gmvae | .vampprior | .flow
///     data: .fashionMNIST(train: 20_000),            // or .synthetic(.pinwheel(arms: 5), train:, test:)
///     latent: 10, hidden: 300, epochs: 10,
///     beta: 1, warmup: 0, freeBits: 0,
///     kl: .monteCarlo(samples: 1),                   // or .analytic (falls back to MC without a closed form)
///     seed: 1)
/// let trained = try train(configuration, progress: ProgressPrinter().callback)
/// trained.history.epochs.last?.testNELBO             // Codable history, one EpochRecord per epoch
/// let weights = trained.weights()                    // Data, versioned + CRC-32 checked
/// let again = try TrainedModel(configuration: configuration, weights: weights, history: trained.history)
/// ```
///
/// `TrainingConfiguration` is `Codable` and `Hashable` (a cache key); `train(_:progress:)`
/// throws `DatasetError` (e.g. `dataset-fashion-mnist` not installed, naming the package)
/// or `TrainingError.nonFinite` (epoch and step of a NaN/Inf loss). `progress` receives a
/// `TrainingProgress` after every step, at evaluation and at each epoch's end;
/// `ProgressPrinter` is the default display (a bar with ETA and examples/s when stderr is a
/// terminal, one line per epoch otherwise). Training and test data:
/// `configuration.loadData()` or `trained.data()` (test set binarized once, reproducibly).
///
/// ## Evaluation (on any `Dataset`, without gradients, seeded)
/// - `model.evaluateELBO(on:kl:seed:) -> ELBOSummary`: NELBO, KL, reconstruction, and the
///   per-dimension KL when the KL is analytic.
/// - `model.importanceWeightedNLL(on:samples:seed:)`: `−mean L_k`, the IWAE-k bound
///   (Burda et al., 2016) as an NLL estimate; `model.importanceWeightedBound(_:samples:rng:)` per batch.
/// - `model.activeUnits(on:threshold:) -> ActiveUnits`: `Cov_x E_q[z_u] > 0.01`.
/// - `model.klEstimatorStatistics(on:sampleCounts:repeats:)`: mean and spread of the
///   S-sample Monte-Carlo KL next to the analytic value.
/// - `model.reconstruct(_:)`, `model.generate(count:rng:)`, `model.encode(_:)`,
///   `model.decode(_:)`; a `MixturePrior`'s `responsibilities(_:)` for clustering; the priors'
///   `logDensity(_:)` and `sample(count:rng:)` for density maps.
///
/// ## Building blocks
/// - Layers: `Linear` (Glorot / He / PyTorch initialization from a seeded stream), `MLP`;
///   every parameter lives in the model's `ParameterStore` by path
///   (`encoder.body.layer0.weight`, `decoder.layer2.bias`, `prior.means`).
/// - Checkpoints: `WeightsFile` (magic, version, shapes, CRC-32; `CheckpointError` on damage).
/// - Distributions: `DiagonalGaussian` (log-density, reparameterized samples, entropy,
///   analytic KL), `Bernoulli` (stable log-likelihood from logits), `Categorical`,
///   `GaussianMixture` (logSumExp density, sampling, responsibilities, uniform or learned weights).
/// - Likelihoods: `BernoulliLikelihood`, `GaussianLikelihood` (fixed or learned variance).
/// - Priors (`Prior`): `StandardNormalPrior`, `MixturePrior` (GMVAE), `VampPrior`,
///   `FlowPrior` (RealNVP `AffineCoupling`s).
/// - Models: `VAE` over a `GaussianEncoder`, a `Decoder` with `any Likelihood` and `any Prior`,
///   built from a `ModelArchitecture`; conditional when `conditionCount > 0`.
/// - Objectives: `VAE.elbo(_:kl:rng:) -> ELBOEstimate`, `KLEstimator` (analytic or
///   Monte Carlo with S samples), `TrainingObjective` (β, linear warm-up, free bits).
/// - Training: `Trainer` (Adam, per-epoch shuffling and dynamic binarization from the seed,
///   test evaluation every epoch, NaN guard), `TrainingHistory`/`EpochRecord`.
/// - Data: `FashionMNIST` (IDX + gzip through zlib), `Dataset` (seeded subsets, batches,
///   binarization), `FixedBinarization` (counter-based, reproducible in NumPy),
///   `SyntheticData` (ring mixture, pinwheel, two moons).
public enum LatentModels {
    /// Bumped whenever a change alters training results for the same configuration
    /// (the notebook folds it into its cache keys).
    public static let semanticVersion = 1
}
