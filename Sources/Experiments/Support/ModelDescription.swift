import LatentModels
import Notebook

/// Names of models and data sets for captions, tables and legends, in the page's language.
enum ModelDescription {
    /// "VAE", "GMVAE (K = 10)", "VampPrior (K = 50)", "prior de fluxo (4 acoplamentos)".
    static func model(_ model: TrainingConfiguration.Model, _ page: PageContext = .portuguese) -> String {
        switch model {
        case .vae: "VAE"
        case .gmvae(let k): "GMVAE (K = \(k))"
        case .vampprior(let k): "VampPrior (K = \(k))"
        case .flow(let l): page.text("prior de fluxo (\(l) acoplamentos)", "flow prior (\(l) couplings)")
        }
    }

    /// The prior alone: "N(0, I)", "mistura de 10 gaussianas", ….
    static func prior(_ model: TrainingConfiguration.Model, _ page: PageContext = .portuguese) -> String {
        switch model {
        case .vae: "N(0, I)"
        case .gmvae(let k): k == 1 ? page.text("mistura de 1 gaussiana", "mixture of 1 Gaussian")
            : page.text("mistura de \(k) gaussianas", "mixture of \(k) Gaussians")
        case .vampprior(let k): page.text("VampPrior com \(k) pseudo-entradas", "VampPrior with \(k) pseudo-inputs")
        case .flow(let l): page.text("fluxo RealNVP com \(l) acoplamentos", "RealNVP flow with \(l) couplings")
        }
    }

    /// "Fashion-MNIST (20000 de treino, 10000 de teste)", "anel de 8 gaussianas (2000/1000)".
    static func data(_ data: TrainingConfiguration.DataSource, _ page: PageContext = .portuguese) -> String {
        switch data {
        case let .fashionMNIST(train, test, binarization):
            let b: String
            switch binarization {
            case .dynamic: b = page.text("binarização dinâmica", "dynamic binarization")
            case .threshold(let t): b = page.text("limiar \(page.number(t.description))", "threshold \(page.number(t.description))")
            case .none: b = page.text("intensidades", "intensities")
            }
            let train = page.number(train ?? 60_000), test = page.number(test ?? 10_000)
            return page.text("Fashion-MNIST (\(train) de treino, \(test) de teste, \(b))",
                             "Fashion-MNIST (\(train) training, \(test) test, \(b))")
        case let .synthetic(set, train, test):
            return page.text("\(synthetic(set, page)) (\(page.number(train)) de treino, \(page.number(test)) de teste)",
                             "\(synthetic(set, page)) (\(page.number(train)) training, \(page.number(test)) test)")
        }
    }

    static func synthetic(_ set: SyntheticData, _ page: PageContext = .portuguese) -> String {
        switch set {
        case .ring(let k, _, _): page.text("anel de \(k) gaussianas", "ring of \(k) Gaussians")
        case .pinwheel(let k): page.text("cata-vento de \(k) braços", "pinwheel of \(k) arms")
        case .twoMoons: page.text("duas luas", "two moons")
        }
    }

    static func isImageData(_ data: TrainingConfiguration.DataSource) -> Bool {
        if case .fashionMNIST = data { return true }
        return false
    }
}
