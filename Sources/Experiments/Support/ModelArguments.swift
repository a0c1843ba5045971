import LatentModels
import Notebook

/// Member arguments shared by the training directives (`@Train`, `@ComparePriors`,
/// `@MixtureFit`): the model family, the KL estimator and the training data.
enum ModelArguments {
    /// `.vae | .gmvae(components: 10) | .vampprior(pseudoInputs: 50) | .flow(couplings: 4)`.
    static var modelCases: [ArgumentReader.MemberCase<TrainingConfiguration.Model>] { [
        .init("vae", value: .vae),
        .init("gmvae") { r in r.int("components", default: 10, range: 1...500).map { .gmvae(components: $0) } },
        .init("vampprior") { r in r.int("pseudoInputs", default: 50, range: 1...2000).map { .vampprior(pseudoInputs: $0) } },
        .init("flow") { r in r.int("couplings", default: 4, range: 1...32).map { .flow(couplings: $0) } },
    ] }

    /// `.analytic | .monteCarlo(samples: 1)`.
    static var klCases: [ArgumentReader.MemberCase<KLEstimator>] { [
        .init("analytic", value: .analytic),
        .init("monteCarlo") { r in r.int("samples", default: 1, range: 1...10_000).map { .monteCarlo(samples: $0) } },
    ] }

    /// `.ring(components: 8, radius: 2, spread: 0.2) | .pinwheel(arms: 5) | .moons(noise: 0.1)`.
    static var syntheticCases: [ArgumentReader.MemberCase<SyntheticData>] { [
        .init("ring") { r in
            let k = r.int("components", default: 8, range: 1...100)
            let radius = r.double("radius", default: 2, range: 0.01...100)
            let spread = r.double("spread", default: 0.2, range: 0.001...100)
            guard let k, let radius, let spread else { return nil }
            return .ring(components: k, radius: Float(radius), spread: Float(spread))
        },
        .init("pinwheel") { r in r.int("arms", default: 5, range: 1...50).map { .pinwheel(arms: $0) } },
        .init("moons") { r in r.double("noise", default: 0.1, range: 0...10).map { .twoMoons(noise: Float($0)) } },
    ] }

    /// `.fashionMNIST(train: 60_000, test: 10_000, binarize: .dynamic | .threshold(0.5))` or
    /// `.synthetic(set: .ring(…) | .pinwheel(…) | .moons(…), train: 2000, test: 1000)`.
    /// (Arguments are always labelled in the directive grammar, hence `set:`.)
    static var dataCases: [ArgumentReader.MemberCase<TrainingConfiguration.DataSource>] { [
        .init("fashionMNIST") { r in
            let train = r.int("train", default: 60_000, range: 1...60_000)
            let test = r.int("test", default: 10_000, range: 1...10_000)
            let binarize = r.member("binarize", default: "dynamic", [
                ArgumentReader.MemberCase<Binarization>("dynamic", value: .dynamic),
                .init("threshold") { t in t.double("value", default: 0.5, range: 0...1).map { .threshold(Float($0)) } },
            ])
            guard let train, let test, let binarize else { return nil }
            return .fashionMNIST(train: train == 60_000 ? nil : train, test: test == 10_000 ? nil : test,
                                 binarization: binarize)
        },
        .init("synthetic") { r in
            let set = r.member("set", default: "ring", syntheticCases)
            let train = r.int("train", default: 2000, range: 2...1_000_000)
            let test = r.int("test", default: 1000, range: 1...1_000_000)
            guard let set, let train, let test else { return nil }
            return .synthetic(set, train: train, test: test)
        },
    ] }

    /// Sizes and modification dates of the Fashion-MNIST files (empty for synthetic data),
    /// so that reinstalling the dataset invalidates cached runs.
    static func fingerprint(of data: TrainingConfiguration.DataSource) -> String {
        guard case .fashionMNIST = data else { return "" }
        return DatasetFingerprint.fashionMNIST
    }
}
