import LatentModels
import Notebook

extension Train {
    /// Reads every argument before validating combinations, so all problems are reported at once.
    public init?(reading arguments: inout ArgumentReader) {
        let id = arguments.string("id")
        let model = arguments.member("model", default: "vae", ModelArguments.modelCases)
        let data = arguments.member("data", default: "fashionMNIST", ModelArguments.dataCases)
        let latent = arguments.int("latent", default: 10, range: 1...512)
        let hidden = arguments.int("hidden", default: 300, range: 1...4096)
        let layers = arguments.int("layers", default: 2, range: 1...8)
        let epochs = arguments.int("epochs", default: 10, range: 1...1000)
        let batch = arguments.int("batch", default: 128, range: 1...65_536)
        let lr = arguments.double("lr", default: 1e-3, range: 1e-8...1)
        let beta = arguments.double("beta", default: 1, range: 0...1000)
        let warmup = arguments.int("warmup", default: 0, range: 0...1000)
        let freeBits = arguments.double("freeBits", default: 0, range: 0...100)
        let kl = arguments.member("kl", default: "analytic", ModelArguments.klCases)
        let conditional = arguments.bool("conditional", default: false)
        let seeds = arguments.seedList()
        let show = arguments.bool("show", default: true, semantic: false)
        let presentation = Presentation(reading: &arguments)
        guard let id, let model, let data, let latent, let hidden, let layers, let epochs, let batch, let lr,
              let beta, let warmup, let freeBits, let kl, let conditional, let seeds, let show,
              !arguments.hasErrors else { return nil }

        guard !id.isEmpty else {
            arguments.report("invalid-value", "'id' of @Train must not be empty", at: arguments.anchor)
            return nil
        }
        if conditional, case .vampprior = model {
            arguments.report("invalid-value", "the VampPrior is not supported for a conditional VAE", at: arguments.anchor,
                             suggestion: "use 'model: .vae' or 'model: .gmvae(…)' with 'conditional: true'")
            return nil
        }
        if case .flow = model, latent < 2 {
            arguments.report("invalid-value", "the flow prior needs 'latent' ≥ 2, found \(latent)", at: arguments.anchor)
            return nil
        }
        let configuration = TrainingConfiguration(
            model: model, data: data, latent: latent, hidden: hidden, hiddenLayers: layers, conditional: conditional,
            epochs: epochs, batchSize: batch, learningRate: Float(lr), beta: Float(beta), warmup: warmup,
            freeBits: Float(freeBits), kl: kl, seed: UInt64(seeds.first))
        let resources = TrainingResources(configuration)
        guard resources.check(on: &arguments), seeds.checkWork(of: resources.estimate(), on: &arguments) else { return nil }
        self.init(id: id, configuration: configuration, seeds: seeds, show: show, presentation: presentation)
    }
}
