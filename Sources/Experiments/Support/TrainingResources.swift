import LatentModels
import Notebook

/// Memory and work of a training run, estimated from its configuration alone (before any
/// data is loaded), with overflow-checked arithmetic; see `ResourceLimits`.
///
/// - Parameters `P` (exact for the dense layers and priors): encoder, decoder, prior.
/// - Memory: `P × 4 bytes × 4` (weights, gradients, two Adam moments); activations of the
///   largest batch (the training batch, the 1000-row evaluation batch, or IWAE's rows)
///   `rows × (2 × hidden × layers + 4 × latent + 4 × features) × 4 bytes × 3` (values,
///   gradients, temporaries); Monte-Carlo KL against a mixture or VampPrior
///   `rows × samples × components × latent × 4 bytes × 3`; the data (`examples × features × 4`).
/// - Operations: `epochs × (6 × train examples + 2 × test examples) × cost per example`,
///   where the cost per example is `P` plus the Monte-Carlo KL's `samples × prior cost`; the
///   VampPrior adds its pseudo-inputs through the encoder at every step.
/// - One step: `6 × batch × cost`, and `2 × 1000 × cost` for an evaluation batch.
struct TrainingResources {
    let configuration: TrainingConfiguration
    let features: Int, classes: Int, trainCount: Int, testCount: Int
    /// Parameters of the dense networks (encoder + decoder) and of the prior.
    let networkParameters: Int?, priorParameters: Int?
    /// Operations of the prior's log-density per latent draw, and floats it holds per draw.
    let priorCostPerDraw: Int?, priorFloatsPerDraw: Int?

    /// Rows of the test-set evaluation batches (`VAE.evaluateELBO`).
    static let evaluationRows = 1000
    /// Rows of an IWAE batch at most (`VAE.importanceWeightedNLL`'s row budget).
    static let iwaeRows = 10_000

    init(_ c: TrainingConfiguration) {
        configuration = c
        switch c.data {
        case let .fashionMNIST(train, test, _):
            (features, classes, trainCount, testCount) = (784, 10, train ?? 60_000, test ?? 10_000)
        case let .synthetic(kind, train, test):
            (features, classes, trainCount, testCount) = (2, kind.classCount, train, test)
        }
        let h = c.hidden, layers = c.hiddenLayers, latent = c.latent
        let condition = c.conditional ? classes : 0
        func dense(_ inputs: Int, _ outputs: Int) -> Int? {
            CheckedSize.sum([CheckedSize.product(inputs, outputs), outputs])
        }
        let middle = CheckedSize.product(layers - 1, dense(h, h))
        let encoder = CheckedSize.sum([dense(features + condition, h), middle, dense(h, 2 * latent)])
        let decoder = CheckedSize.sum([dense(latent + condition, h), middle, dense(h, features), features])
        networkParameters = CheckedSize.sum([encoder, decoder])
        let samples: Int
        if case .monteCarlo(let s) = c.kl { samples = s } else { samples = 1 }
        switch c.model {
        case .vae:
            (priorParameters, priorCostPerDraw, priorFloatsPerDraw) = (0, 0, 0)
        case .gmvae(let k):
            let perDraw = CheckedSize.product(k, latent)
            (priorParameters, priorCostPerDraw, priorFloatsPerDraw) =
                (CheckedSize.product(2, k, latent), CheckedSize.product(samples, 4, perDraw), CheckedSize.product(samples, perDraw))
        case .vampprior(let k):
            let perDraw = CheckedSize.product(k, latent)
            (priorParameters, priorCostPerDraw, priorFloatsPerDraw) =
                (CheckedSize.product(k, features), CheckedSize.product(samples, 4, perDraw), CheckedSize.product(samples, perDraw))
        case .flow(let couplings):
            let half = (latent + 1) / 2
            let net = CheckedSize.sum([dense(half, 64), dense(64, 64), dense(64, 2 * half)])
            (priorParameters, priorCostPerDraw, priorFloatsPerDraw) =
                (CheckedSize.product(couplings, net), CheckedSize.product(samples, 2, couplings, net),
                 CheckedSize.product(samples, couplings, 64 * 3))
        }
    }

    /// Operations of one example's forward pass (networks and prior).
    var costPerExample: Int? { CheckedSize.sum([networkParameters, priorCostPerDraw]) }

    /// Bytes of activations and prior terms for `rows` rows (without gradients: factor 2).
    func activationBytes(rows: Int, factor: Int = 3) -> Int? {
        let widths = CheckedSize.sum([CheckedSize.product(2, configuration.hidden, configuration.hiddenLayers),
                                      CheckedSize.product(4, configuration.latent), CheckedSize.product(4, features)])
        return CheckedSize.product(rows, widths, 4, factor)
    }

    func priorBytes(rows: Int, factor: Int = 3) -> Int? { CheckedSize.product(rows, priorFloatsPerDraw, 4, factor) }

    /// The estimate of the whole run; `iwae` adds an IWAE-k evaluation of the test set.
    func estimate(iwae: Int = 0) -> ResourceEstimate {
        let c = configuration
        let rows = max(c.batchSize, Self.evaluationRows)
        let steps = (trainCount + c.batchSize - 1) / c.batchSize
        var vampStep: Int? = 0
        if case .vampprior(let k) = c.model { vampStep = CheckedSize.product(6, k, networkParameters) }
        var estimate = ResourceEstimate()
        estimate.memory = [
            .init(what: "the weights (hidden × hidden × layers) with their gradients and Adam moments",
                  value: CheckedSize.product(CheckedSize.sum([networkParameters, priorParameters]), 16),
                  remedy: "use fewer or narrower hidden layers ('hidden:', 'layers:')"),
            .init(what: "the activations (batch × hidden × layers)", value: activationBytes(rows: rows),
                  remedy: "use a smaller 'batch' or narrower layers"),
            .init(what: "the Monte-Carlo KL (batch × samples × components × latent)", value: priorBytes(rows: rows),
                  remedy: "use fewer KL samples, prior components or latent dimensions"),
            .init(what: "the data (examples × features)",
                  value: CheckedSize.product(CheckedSize.sum([trainCount, testCount, c.data.isImages ? 70_000 : 0]), features, 4),
                  remedy: "use fewer training or test examples"),
        ]
        if iwae > 0 {
            estimate.memory.append(.init(what: "the IWAE evaluation (rows × hidden × layers × components)",
                                         value: CheckedSize.sum([activationBytes(rows: max(iwae, Self.iwaeRows), factor: 2),
                                                                 priorBytes(rows: max(iwae, Self.iwaeRows), factor: 2)]),
                                         remedy: "use a smaller 'iwae' or a smaller model"))
        }
        let perEpoch = CheckedSize.sum([CheckedSize.product(6, trainCount, costPerExample),
                                        CheckedSize.product(2, testCount, costPerExample), CheckedSize.product(steps, vampStep)])
        estimate.operations = [
            .init(what: "training (epochs × examples × parameters)", value: CheckedSize.product(c.epochs, perEpoch),
                  remedy: "use fewer 'epochs' or training examples, or a smaller network"),
        ]
        if iwae > 0 {
            estimate.operations.append(.init(what: "the IWAE evaluation (iwae × test examples × parameters)",
                                             value: CheckedSize.product(2, iwae, testCount, costPerExample),
                                             remedy: "use a smaller 'iwae'"))
        }
        estimate.step = [
            .init(what: "one training step (batch × parameters)",
                  value: CheckedSize.sum([CheckedSize.product(6, c.batchSize, costPerExample), vampStep]),
                  remedy: "use a smaller 'batch' or a smaller network, so that 'timeout:' can stop between steps"),
        ]
        return estimate
    }

    /// One evaluation batch of 1000 rows, and IWAE batches of `max(k, 10 000)` rows, must also
    /// fit in a step; checked separately so the message names the evaluation.
    func evaluationStep(iwae: Int = 0) -> ResourceEstimate {
        var estimate = ResourceEstimate()
        estimate.step = [.init(what: "one evaluation batch (1000 examples × parameters)",
                               value: CheckedSize.product(2, Self.evaluationRows, costPerExample),
                               remedy: "use fewer or narrower hidden layers, so that 'timeout:' can stop between batches")]
        if iwae > 0 {
            estimate.step.append(.init(what: "one IWAE batch (max(iwae, 10 000) rows × parameters)",
                                       value: CheckedSize.product(2, max(iwae, Self.iwaeRows), costPerExample),
                                       remedy: "use a smaller 'iwae' or a smaller model"))
        }
        return estimate
    }

    /// Whether the run fits every limit; reports the first exceeded one on `arguments`.
    func check(iwae: Int = 0, on arguments: inout ArgumentReader) -> Bool {
        estimate(iwae: iwae).check(on: &arguments) && evaluationStep(iwae: iwae).check(on: &arguments)
    }

    /// The same check for a model trained earlier, when a directive evaluates it with IWAE-k.
    func enforce(iwae: Int, _ owner: String) throws {
        var estimate = ResourceEstimate()
        estimate.memory = [.init(what: "the IWAE evaluation (rows × hidden × layers × components)",
                                 value: CheckedSize.sum([activationBytes(rows: max(iwae, Self.iwaeRows), factor: 2),
                                                         priorBytes(rows: max(iwae, Self.iwaeRows), factor: 2)]),
                                 remedy: "use a smaller k or evaluate a smaller model")]
        try estimate.enforce(owner)
        try evaluationStep(iwae: iwae).enforce(owner)
    }
}

extension TrainingResources {
    /// For directives that run a trained model once on `rows` rows at a time (encode test
    /// points, decode samples): its activations within 2 GiB and the pass within one step's
    /// operations; an `invalid-value` failure naming `what` (e.g. "'points'") otherwise.
    func enforceForward(rows: Int, what: String, _ owner: String) throws {
        let remedy = "use fewer \(what) or a smaller model"
        try ResourceEstimate(
            memory: [.init(what: "running the model on \(what) (\(rows) rows × hidden × layers)",
                           value: CheckedSize.sum([activationBytes(rows: rows, factor: 2), priorBytes(rows: rows, factor: 2)]),
                           remedy: remedy)],
            step: [.init(what: "running the model on \(what) (\(rows) rows × parameters)",
                         value: CheckedSize.product(2, rows, costPerExample), remedy: remedy)]
        ).enforce(owner)
    }
}

extension TrainingConfiguration.DataSource {
    var isImages: Bool { if case .fashionMNIST = self { true } else { false } }
}
