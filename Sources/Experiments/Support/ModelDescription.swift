import LatentModels

/// Portuguese names of models and data sets for captions, tables and legends.
enum ModelDescription {
    /// "VAE", "GMVAE (K = 10)", "VampPrior (K = 50)", "prior de fluxo (4 acoplamentos)".
    static func model(_ model: TrainingConfiguration.Model) -> String {
        switch model {
        case .vae: "VAE"
        case .gmvae(let k): "GMVAE (K = \(k))"
        case .vampprior(let k): "VampPrior (K = \(k))"
        case .flow(let l): "prior de fluxo (\(l) acoplamentos)"
        }
    }

    /// The prior alone: "N(0, I)", "mistura de 10 gaussianas", ….
    static func prior(_ model: TrainingConfiguration.Model) -> String {
        switch model {
        case .vae: "N(0, I)"
        case .gmvae(let k): k == 1 ? "mistura de 1 gaussiana" : "mistura de \(k) gaussianas"
        case .vampprior(let k): "VampPrior com \(k) pseudo-entradas"
        case .flow(let l): "fluxo RealNVP com \(l) acoplamentos"
        }
    }

    /// "Fashion-MNIST (20000 de treino, 10000 de teste)", "anel de 8 gaussianas (2000/1000)".
    static func data(_ data: TrainingConfiguration.DataSource) -> String {
        switch data {
        case let .fashionMNIST(train, test, binarization):
            let b: String
            switch binarization {
            case .dynamic: b = "binarização dinâmica"
            case .threshold(let t): b = "limiar \(t)"
            case .none: b = "intensidades"
            }
            return "Fashion-MNIST (\(train ?? 60_000) de treino, \(test ?? 10_000) de teste, \(b))"
        case let .synthetic(set, train, test):
            return "\(synthetic(set)) (\(train) de treino, \(test) de teste)"
        }
    }

    static func synthetic(_ set: SyntheticData) -> String {
        switch set {
        case .ring(let k, _, _): "anel de \(k) gaussianas"
        case .pinwheel(let k): "cata-vento de \(k) braços"
        case .twoMoons: "duas luas"
        }
    }

    static func isImageData(_ data: TrainingConfiguration.DataSource) -> Bool {
        if case .fashionMNIST = data { return true }
        return false
    }
}
