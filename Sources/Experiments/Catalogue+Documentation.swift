import Notebook

// What each directive does and the scalars it exposes, for `notes help <directive>` and the
// README's catalogue (kept in sync by CatalogueDocumentationTests, which also runs every
// directive and checks each scalar it produces against these patterns).

extension Train {
    public static var summary: String { "Trains one member of the VAE family (or one per seed) and keeps it for later directives." }
    public static var scalarNames: [ScalarName] { [
        .init("test.nelbo", "test NELBO of the last epoch (nats per example)", seeds: true),
        .init("test.kl", "test KL of the last epoch", seeds: true),
        .init("test.reconstruction", "test reconstruction term of the last epoch", seeds: true),
        .init("train.nelbo", "training NELBO of the last epoch (mean of the estimates during it)", seeds: true),
        .init("train.kl", "training KL of the last epoch", seeds: true),
        .init("train.reconstruction", "training reconstruction term of the last epoch", seeds: true),
        .init("epochs", "epochs trained"), .init("parameters", "trainable parameters"),
        .init("seeds", "number of seeds (with seeds: only)"),
        .init("seconds", "wall time of the training, in seconds (differs by machine)", timing: true),
        .init("secondsPerEpoch", "wall time per epoch (differs by machine)", timing: true),
    ] }
}

extension Evaluate {
    public static var summary: String { "Measures trained models on their test set: NELBO, KL, reconstruction, IWAE bound, active units, KL per dimension." }
    public static var scalarNames: [ScalarName] { [
        .init("<id>.nelbo", "test NELBO"), .init("<id>.kl", "test KL"), .init("<id>.reconstruction", "test reconstruction"),
        .init("<id>.iwae<k>", "IWAE NLL with k samples"), .init("<id>.activeUnits", "active latent units"),
        .init("<id>.<metric>.rank", "rank among the models for a metric (1 = lowest)"),
        .init("<id>.kl.dim<j>", "KL of the j-th dimension, sorted largest first"), .init("<id>.kl.total", "sum of the per-dimension KL"),
        .init("<id>.kl.drop", "the dimension after which the sorted KL falls the most"),
    ] }
}

extension LearningCurves {
    public static var summary: String { "Draws stored training histories, one line per model." }
    public static var scalarNames: [ScalarName] { [
        .init("<id>.final", "value after the last epoch"), .init("<id>.best", "lowest value"), .init("<id>.max", "highest value"),
        .init("<id>.maxEpoch", "epoch of the highest value"), .init("<id>.epoch<N>", "value after epoch N"),
    ] }
}

extension Samples {
    public static var summary: String { "Decodes samples from a trained model's prior (or one component of it)." }
    public static var scalarNames: [ScalarName] { [
        .init("mean", "mean decoded value"), .init("min", "smallest decoded value"), .init("max", "largest decoded value"),
        .init("count", "samples drawn"),
    ] }
}

extension Reconstructions {
    public static var summary: String { "Shows test examples above their reconstructions by a trained model." }
    public static var scalarNames: [ScalarName] { [
        .init("mse", "mean squared error of the shown examples"), .init("mse.all", "mean squared error over the test set"),
        .init("count", "examples shown"),
    ] }
}

extension Interpolate {
    public static var summary: String { "Decodes a straight path in latent space between two test examples." }
    public static var scalarNames: [ScalarName] { [
        .init("distance", "latent distance between the two encodings"), .init("pathLength", "length of the decoded path"),
        .init("steps", "steps on the path"),
    ] }
}

extension DecoderComponents {
    public static var summary: String { "Draws the decoder's Gaussians (2-D data) or its image manifold on a grid of latent quantiles." }
    public static var scalarNames: [ScalarName] { [
        .init("components", "lattice points drawn"), .init("std.1", "decoder standard deviation of x₁"),
        .init("std.2", "decoder standard deviation of x₂"), .init("grid.loglik", "test log-likelihood of the finite mixture of the drawn components"),
    ] }
}

extension LatentSpace {
    public static var summary: String { "Scatters the encoder means of test points, by class or by prior component." }
    public static var scalarNames: [ScalarName] { [
        .init("points", "points drawn"), .init("explained", "variance fraction of the two principal components"),
        .init("purity", "purity of the components against the classes"), .init("components.used", "non-empty components"),
        .init("group<g>.x", "centroid of group g, first axis"), .init("group<g>.y", "centroid of group g, second axis"),
        .init("group<g>.count", "points in group g"), .init("group<g>.spread", "root mean squared distance to the centroid"),
    ] }
}

extension KLVariance {
    public static var summary: String { "Measures the spread of the Monte Carlo KL estimator against the number of samples." }
    public static var scalarNames: [ScalarName] { [
        .init("analytic", "closed-form KL, when there is one"), .init("reference", "Monte Carlo reference KL (mixture priors)"),
        .init("reference.stderr", "standard error of the reference"), .init("slope", "log-log slope of the standard deviation (theory: −½)"),
        .init("mean.<S>", "mean estimate with S samples"), .init("std.<S>", "standard deviation with S samples"),
        .init("stderr.<S>", "standard error of the mean with S samples"),
    ] }
}

extension PriorDensity {
    public static var summary: String { "Maps a 2-D latent's prior beside the aggregate posterior, and measures the holes between them." }
    public static var scalarNames: [ScalarName] { [
        .init("prior.mass", "prior mass on the grid"), .init("aggregate.mass", "aggregate posterior mass on the grid"),
        .init("hole.mass", "prior mass where q(z) < p(z)/10"), .init("kl", "KL(q ‖ p) on the grid"), .init("extent", "half-width of the grid"),
    ] }
}

extension MixtureFit {
    public static var summary: String { "Fits finite Gaussian mixtures by EM beside a VAE on 2-D data: held-out log-likelihood and density maps." }
    public static var scalarNames: [ScalarName] { [
        .init("em.k<K>.train", "training log-likelihood per point with K components", seeds: true),
        .init("em.k<K>.test", "test log-likelihood per point with K components", seeds: true),
        .init("em.k<K>.iterations", "EM iterations with K components", seeds: true),
        .init("best.k", "the K with the best test log-likelihood"),
        .init("vae.train", "the VAE's IWAE bound on training points", seeds: true),
        .init("vae.test", "the VAE's IWAE bound on test points", seeds: true),
        .init("vae.kl", "the VAE's test KL", seeds: true), .init("seeds", "number of seeds (with seeds: only)"),
    ] }
}

extension ComparePriors {
    public static var summary: String { "Trains one model per prior with the same data, architecture, budget and seeds; only the prior differs." }
    public static var scalarNames: [ScalarName] { [
        .init("<key>.test.nelbo", "test NELBO (key: standard, mixture<K>, vampprior<K>, flow<L>)", seeds: true),
        .init("<key>.test.kl", "test KL", seeds: true), .init("<key>.test.reconstruction", "test reconstruction", seeds: true),
        .init("<key>.iwae", "IWAE NLL", seeds: true), .init("<key>.parameters", "trainable parameters"),
        .init("best", "index in priors of the lowest (mean) test NELBO"), .init("seeds", "number of seeds (with seeds: only)"),
        .init("<key>.seconds", "wall time of the prior's training (differs by machine)", timing: true),
        .init("<key>.secondsPerEpoch", "wall time per epoch (differs by machine)", timing: true),
    ] }
}

extension GradientVariance {
    public static var summary: String { "Compares the variance of the reparameterization and score-function gradient estimators." }
    public static var scalarNames: [ScalarName] { [
        .init("exact", "exact gradient ∂/∂μ₁, when known"), .init("reparameterization.<S>", "total variance, reparameterization"),
        .init("score.<S>", "total variance, score function"), .init("scoreBaseline.<S>", "total variance, score function with a baseline"),
        .init("mean.reparameterization.<S>", "mean first coordinate, reparameterization"),
        .init("mean.score.<S>", "mean first coordinate, score function"), .init("ratio.<S>", "score / reparameterization variance"),
    ] }
}

extension Compare {
    public static var summary: String { "Compares two trained models on the same test examples: paired difference and its standard error." }
    public static var scalarNames: [ScalarName] { [
        .init("difference", "mean of a − b per example (negative: the first is better)"),
        .init("se", "standard error of the difference (with seeds: test and seed noise combined)"),
        .init("z", "difference / se"), .init("first", "the first model's mean"), .init("second", "the second model's mean"),
        .init("n", "test examples"), .init("difference.seed<k>", "the difference with seed k (with seeds)"),
        .init("se.test", "paired standard error of the test sample (with seeds)"),
        .init("se.seeds", "standard error across seeds (with seeds)"), .init("seeds", "number of seeds (with seeds)"),
    ] }
}

extension Listing {
    public static var summary: String { "Shows an excerpt of the course's own source code (a declaration or marked lines), read when the page is built." }
    public static var scalarNames: [ScalarName] { [
        .init("lines", "lines shown"), .init("firstLine", "first line of the excerpt in the file"),
        .init("lastLine", "last line of the excerpt in the file"),
    ] }
}
