import Foundation
import Charts
import LatentModels
import Notebook
import Tensors

/// `@MixtureFit`: finite Gaussian mixtures fitted by EM against a VAE (an infinite mixture)
/// on the same 2-D data — held-out log-likelihood and density maps.
///
/// ```swift-directive
/// @MixtureFit(data: .synthetic(set: .pinwheel(arms: 5), train: 2000, test: 1000),
///             components: [2, 5, 10, 50], epochs: 50, seed: 1)
/// ```
///
/// Arguments: `data` (a `.synthetic(…)` set as in `@Train`; default the ring of 8), `components`
/// (K values, default `[2, 5, 10, 50]`, each 1…500 and ≤ the training size), `vae` (true: also
/// train a VAE with a 2-D latent — `latent` (2), `hidden` (64), `layers` (2), `epochs` (30),
/// `lr` (0.003), `freeBits` (0 nats), `warmup` (0 epochs) — and score it by the IWAE bound with
/// `iwae` (100) samples; on 2-D sets the plain VAE tends to collapse its posterior (KL ≈ 0),
/// which `freeBits: 0.5` counters), `grid` (60 cells
/// per side of the density maps), `seed` (1) or `seeds` (`[1, 2, 3]`: EM and the VAE once per
/// seed, in parallel on the build's free `--jobs`), `caption`, `label` (presentation only).
///
/// Resource limits (an `invalid-value` error before anything runs): EM's responsibilities
/// (training points × largest K × 8 bytes) within 2 GiB, its work (Σ K × training points ×
/// 500 iterations × 40) within 10¹⁵ operations, the VAE as in `@Train`, and its density map
/// (grid² × min(iwae, 500) decoder rows at once) within 2 GiB and 5×10¹⁰ operations.
///
/// Scalars: `em.k<K>.train`, `em.k<K>.test` (mean log-likelihood per point, nats),
/// `em.k<K>.iterations`, `best.k` (the K with the best test log-likelihood), `vae.test`
/// (the IWAE lower bound on the test log-likelihood), `vae.train`, `vae.kl` (its test KL: near 0
/// means the posterior collapsed and the VAE is a single Gaussian).
///
/// With `seeds:` the table shows means across seeds with the standard error (s/√n) of the test
/// log-likelihood, the density maps are the first seed's, every scalar but `best.k` becomes
/// `name.mean`, `name.se` and `name.seed<k>` (`em.k5.test.mean`), and `best.k` is the K with
/// the best mean test log-likelihood.
public struct MixtureFit: Measured {
    public static let directiveName = "MixtureFit"
    public static let version = 4 + LatentModels.semanticVersion * 100

    let set: SyntheticData
    let trainCount: Int
    let testCount: Int
    let componentCounts: [Int]
    let withVAE: Bool
    let latent: Int, hidden: Int, layers: Int, epochs: Int
    let learningRate: Double
    let freeBits: Double
    let warmup: Int
    let iwaeSamples: Int
    let grid: Int
    /// The seed of this run: the first of `seeds` (each seed's run is a copy with its own).
    var seed: Int
    let seeds: SeedList
    let presentation: Presentation

    public init?(reading arguments: inout ArgumentReader) {
        let data = arguments.member("data", default: "synthetic", ModelArguments.dataCases)
        let components = arguments.ints("components", default: [2, 5, 10, 50], range: 1...500)
        let withVAE = arguments.bool("vae", default: true)
        let latent = arguments.int("latent", default: 2, range: 1...16)
        let hidden = arguments.int("hidden", default: 64, range: 1...1024)
        let layers = arguments.int("layers", default: 2, range: 1...6)
        let epochs = arguments.int("epochs", default: 30, range: 1...1000)
        let lr = arguments.double("lr", default: 0.003, range: 1e-8...1)
        let freeBits = arguments.double("freeBits", default: 0, range: 0...100)
        let warmup = arguments.int("warmup", default: 0, range: 0...1000)
        let iwae = arguments.int("iwae", default: 100, range: 1...5000)
        let grid = arguments.int("grid", default: 60, range: 10...200)
        let seeds = arguments.seedList()
        let presentation = Presentation(reading: &arguments)
        guard let data, let components, let withVAE, let latent, let hidden, let layers, let epochs, let lr, let freeBits, let warmup, let iwae,
              let grid, let seeds, !arguments.hasErrors else { return nil }
        guard case let .synthetic(set, train, test) = data else {
            arguments.report("invalid-value", "@MixtureFit works on 2-D data: 'data' must be .synthetic(…)", at: arguments.anchor,
                             suggestion: "write 'data: .synthetic(set: .ring(components: 8), train: 2000, test: 1000)'")
            return nil
        }
        guard let largest = components.max(), largest <= train else {
            arguments.report("invalid-value", "every K in 'components' must be at most the \(train) training points",
                             at: arguments.anchor)
            return nil
        }
        // EM: iterations × points × components × dimensions; the VAE as in @Train (batch 128).
        let em = ResourceEstimate(
            memory: [.init(what: "EM's responsibilities (training points × components)",
                           value: CheckedSize.product(train, CheckedSize.sum([CheckedSize.product(largest, 8), 256])),
                           remedy: "use fewer training points or a smaller largest K")],
            operations: [.init(what: "EM (components × training points × iterations)",
                               value: CheckedSize.product(CheckedSize.sum(components), train,
                                                          ExpectationMaximization.defaultMaxIterations, 40),
                               remedy: "use fewer or smaller 'components' or fewer training points")])
        guard em.check(on: &arguments), seeds.checkWork(of: em, on: &arguments) else { return nil }
        self.set = set
        self.trainCount = train
        self.testCount = test
        self.componentCounts = Array(Set(components)).sorted()
        self.withVAE = withVAE
        self.latent = latent; self.hidden = hidden; self.layers = layers; self.epochs = epochs
        self.learningRate = lr
        self.freeBits = freeBits
        self.warmup = warmup
        self.iwaeSamples = iwae
        self.grid = grid
        self.seed = seeds.first
        self.seeds = seeds
        self.presentation = presentation
        guard withVAE else { return }
        let resources = TrainingResources(configuration)
        guard resources.check(iwae: iwae, on: &arguments),
              seeds.checkWork(of: resources.estimate(iwae: iwae), on: &arguments) else { return nil }
        // The VAE's density map: an IWAE bound with min(iwae, 500) samples at every grid cell, in one batch.
        let rows = CheckedSize.product(grid, grid, min(iwae, 500))
        let map = ResourceEstimate(
            memory: [.init(what: "the VAE density map (grid² × min(iwae, 500) rows × hidden × layers)",
                           value: rows.flatMap { resources.activationBytes(rows: $0, factor: 2) },
                           remedy: "use a smaller 'grid' or 'iwae'")],
            step: [.init(what: "the VAE density map (grid² × min(iwae, 500) rows × parameters)",
                         value: CheckedSize.product(2, rows, resources.costPerExample),
                         remedy: "use a smaller 'grid' or 'iwae'")])
        guard map.check(on: &arguments) else { return nil }
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    var configuration: TrainingConfiguration {
        TrainingConfiguration(model: .vae, data: .synthetic(set, train: trainCount, test: testCount), latent: latent,
                              hidden: hidden, hiddenLayers: layers, epochs: epochs, batchSize: 128,
                              learningRate: Float(learningRate), warmup: warmup, freeBits: Float(freeBits), seed: UInt64(seed))
    }

    struct EMResult {
        var k: Int
        var fit: ExpectationMaximization.Fit
        var train: Double
        var test: Double
    }

    /// What one seed's run measured, with its models (the density maps need them).
    struct MeasuredRun {
        var fits: [EMResult]
        var vae: (model: VAE, train: Double, test: Double, kl: Double)?
        var train: [[Double]]
    }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        guard seeds.isMultiple else { return try measure(try measureRun(in: context)) }
        let runs = try context.concurrentParts(seeds.seeds.count) { [self] index, part in
            var run = self
            run.seed = seeds.seeds[index]
            return Handoff(value: try run.measureRun(in: part))
        }
        return try measure(seeds: runs.map(\.value))
    }

    func measureRun(in context: ExperimentContext) throws -> MeasuredRun {
        let (trainSet, testSet) = try configuration.loadData()
        let train = TensorConversion.rows(trainSet.tensor()), test = TensorConversion.rows(testSet.tensor())
        var fits: [EMResult] = []
        // EM at most up to 0.2 of the progress when a VAE follows (it usually takes longer).
        let emContext = withVAE ? context.weighted(from: 0, to: 0.2) : context
        for (index, k) in componentCounts.enumerated() {
            try context.checkDeadline()
            context.progress("EM com K = \(k)")
            let part = emContext.part(index, of: componentCounts.count)
            let fit = try ExpectationMaximization(components: k, seed: UInt64(seed)).fit(train) {
                try part.checkDeadline(fractionDone: $0)
            }
            var testLogDensities: [Double] = []
            testLogDensities.reserveCapacity(test.count)
            for (i, x) in test.enumerated() {
                if i % 4096 == 4095 { try context.checkDeadline() }
                testLogDensities.append(fit.mixture.logDensity(x))
            }
            let testLL = Statistics.mean(testLogDensities)
            fits.append(EMResult(k: k, fit: fit, train: fit.trace.last ?? .nan, test: testLL))
        }
        var vae: (model: VAE, train: Double, test: Double, kl: Double)?
        if withVAE {
            let trained = try TrainingRun.run(configuration, train: trainSet, test: testSet, name: "VAE",
                                              context: context.weighted(from: 0.2, to: 0.9))
            context.progress("VAE: limite IWAE com k = \(iwaeSamples)")
            try context.checkDeadline(fractionDone: 0.9)
            let testLL = try -trained.model.importanceWeightedNLL(on: testSet, samples: iwaeSamples, seed: UInt64(seed)) {
                try context.checkDeadline()
            }
            let trainLL = try -trained.model.importanceWeightedNLL(on: trainSet.prefix(testSet.count), samples: iwaeSamples,
                                                                   seed: UInt64(seed)) { try context.checkDeadline() }
            vae = (trained.model, trainLL, testLL, trained.history.last?.testKL ?? .nan)
        }
        try context.checkDeadline()
        return MeasuredRun(fits: fits, vae: vae, train: train)
    }
}
