import LatentModels
import Notebook

extension KLVariance {
    /// Reads every argument before giving up, so that one bad value does not make the
    /// engine report the remaining ones as unknown.
    public init?(reading arguments: inout ArgumentReader) {
        let id = arguments.string("id", default: "")
        let model = arguments.string("of", default: "")
        if let model, !model.isEmpty {
            self.init(readingModel: model, id: id, arguments: &arguments)
            return
        }
        let posterior = arguments.member("posterior", [Self.gaussianCase])
        let prior = arguments.member("prior", default: "standard", Self.priorCases)
        let samples = Self.readSampleCounts(&arguments)
        let repeats = arguments.int("repeats", default: 500, range: 2...100_000)
        let seed = arguments.int("seed", default: 0)
        let caption = arguments.string("caption", default: "", semantic: false)
        let label = arguments.string("label", default: "", semantic: false)

        guard let id, let posterior, let prior, let samples, let repeats, let seed, let caption, let label,
              !arguments.hasErrors else { return nil }

        let draws = CheckedSize.product(CheckedSize.sum(samples), repeats)
        guard let draws, draws <= Self.maximumDraws else {
            arguments.report("invalid-value",
                             "@KLVariance would draw \(draws.map(String.init) ?? "too many") samples (sum of 'samples' × 'repeats'); the limit is \(Self.maximumDraws)",
                             at: arguments.anchor, suggestion: "use fewer repeats or smaller sample counts")
            return nil
        }

        let mixture: NormalMixture
        switch prior {
        case .standard:
            mixture = .standard(dimension: posterior.dimension)
        case .mixture(let components, let location):
            guard components.dimension == posterior.dimension else {
                arguments.report("invalid-value",
                                 "the prior of @KLVariance has dimension \(components.dimension) but the posterior has dimension \(posterior.dimension)",
                                 at: location, suggestion: "give every row of 'means' and 'stds' \(posterior.dimension) entries")
                return nil
            }
            mixture = components
        }
        // Each draw costs a density term per coordinate and prior component.
        let terms = CheckedSize.product(draws, posterior.dimension, mixture.components.count + 1)
        guard let terms, terms <= Self.maximumTerms else {
            arguments.report("invalid-value",
                             "@KLVariance would compute \(terms.map { ResourceEstimate.scientific($0) } ?? "too many") density terms "
                                 + "(sum of 'samples' × 'repeats' × dimension × (prior components + 1)); the limit is \(ResourceEstimate.scientific(Self.maximumTerms))",
                             at: arguments.anchor, suggestion: "use fewer repeats, smaller sample counts or a smaller prior")
            return nil
        }
        self.init(id: id.isEmpty ? nil : id, posterior: posterior, prior: mixture, sampleCounts: samples,
                  repeats: repeats, seed: seed, caption: caption.isEmpty ? nil : caption,
                  label: label.isEmpty ? nil : label)
    }

    /// `@KLVariance(of: "…", samples:, repeats:, points:, seed:)`: `posterior:`/`prior:` are not allowed.
    private init?(readingModel model: String, id: String?, arguments: inout ArgumentReader) {
        for label in ["posterior", "prior"] {
            if let location = arguments.presence(label) {
                arguments.report("invalid-value", "'\(label)' and 'of' of @KLVariance exclude each other", at: location,
                                 suggestion: "measure either a trained model ('of:') or given distributions ('posterior:', 'prior:')")
            }
        }
        let samples = Self.readSampleCounts(&arguments)
        let repeats = arguments.int("repeats", default: 100, range: 2...100_000)
        let points = arguments.int("points", default: 200, range: 2...10_000)
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let caption = arguments.string("caption", default: "", semantic: false)
        let label = arguments.string("label", default: "", semantic: false)
        guard let id, let samples, let repeats, let points, let seed, let caption, let label, !arguments.hasErrors else { return nil }
        let draws = CheckedSize.product(CheckedSize.sum(samples), repeats, points)
        guard let draws, draws <= Self.maximumModelDraws else {
            arguments.report("invalid-value",
                             "@KLVariance would draw \(draws.map(String.init) ?? "too many") latent samples (sum of 'samples' × 'repeats' × 'points'); the limit is \(Self.maximumModelDraws)",
                             at: arguments.anchor, suggestion: "use fewer points, repeats or smaller sample counts")
            return nil
        }
        self.init(id: id.isEmpty ? nil : id, trained: TrainedSubject(id: model, points: points),
                  posterior: .standard(dimension: 1), prior: .standard(dimension: 1), sampleCounts: samples,
                  repeats: repeats, seed: seed, caption: caption.isEmpty ? nil : caption, label: label.isEmpty ? nil : label)
    }

    /// Upper bound on Σ S × repeats × points for a trained model (latent draws, ≈ a minute at 2×10⁸).
    static let maximumModelDraws = 200_000_000

    /// Upper bound on Σ S × repeats, so that a typo cannot stall a build (≈ seconds at 10⁸).
    static let maximumDraws = 100_000_000

    /// Upper bound on Σ S × repeats × d × (K + 1), the density terms of those draws.
    static let maximumTerms = 100_000_000_000

    /// The prior as written; a standard normal takes its dimension from the posterior.
    enum PriorArgument {
        case standard
        /// The mixture and where its `means` were written (for the dimension check).
        case mixture(NormalMixture, location: SourceLocation)
    }

    /// `.gaussian(mean: [..], std: [..])`: same length d ≥ 1, std > 0.
    static var gaussianCase: ArgumentReader.MemberCase<DiagonalNormal> {
        .init("gaussian") { reader in
        var meanLocation = reader.anchor, stdLocation = reader.anchor
        let mean = reader.numbers("mean", location: &meanLocation)
        let std = reader.numbers("std", positive: true, location: &stdLocation)
        guard let mean, let std else { return nil }
        guard mean.count == std.count else {
            reader.report("invalid-value", "'std' of .gaussian has \(std.count) entries but 'mean' has \(mean.count)",
                          at: stdLocation, suggestion: "give one standard deviation per coordinate of 'mean'")
            return nil
        }
        return DiagonalNormal(mean: mean, std: std)
        }
    }

    /// `.standard` or `.mixture(means: [[..]], stds: [[..]], weights: [..])`.
    static var priorCases: [ArgumentReader.MemberCase<PriorArgument>] { [
        .init("standard", value: .standard),
        .init("mixture") { reader in
            var meansLocation = reader.anchor, stdsLocation = reader.anchor, weightsLocation = reader.anchor
            let means = reader.numberRows("means", location: &meansLocation)
            let stds = reader.numberRows("stds", positive: true, location: &stdsLocation)
            let weights = reader.numbers("weights", default: [], positive: true, location: &weightsLocation)
            guard let means, let stds, let weights else { return nil }
            guard stds.count == means.count, stds[0].count == means[0].count else {
                reader.report("invalid-value",
                              "'stds' of .mixture is \(stds.count)×\(stds[0].count) but 'means' is \(means.count)×\(means[0].count)",
                              at: stdsLocation, suggestion: "give one row of standard deviations per component")
                return nil
            }
            if !weights.isEmpty {
                guard weights.count == means.count else {
                    reader.report("invalid-value", "'weights' of .mixture has \(weights.count) entries for \(means.count) components",
                                  at: weightsLocation)
                    return nil
                }
                let total = weights.reduce(0, +)
                guard abs(total - 1) <= 1e-6 else {
                    reader.report("invalid-value", "'weights' of .mixture must sum to 1, found \(total)", at: weightsLocation,
                                  suggestion: "omit 'weights' for uniform weights 1/K")
                    return nil
                }
            }
            let components = zip(means, stds).map { DiagonalNormal(mean: $0, std: $1) }
            return .mixture(NormalMixture(components: components, weights: weights.isEmpty ? nil : weights),
                            location: meansLocation)
        },
    ] }

    /// `samples: [1, 10, 100]`: distinct integers in 1…10⁶.
    private static func readSampleCounts(_ arguments: inout ArgumentReader) -> [Int]? {
        var seen = Set<Int>()
        return arguments.array("samples", default: [1, 10, 100, 1000], expected: "an array of integers", nonEmpty: true,
                               canonical: { String($0) }) { value, reader -> Int? in
            guard case .int(let count) = value.kind else { return nil }
            guard (1...1_000_000).contains(count) else {
                reader.report("invalid-value", "sample counts of @KLVariance must be in 1...1000000, found \(count)",
                              at: value.location)
                return nil
            }
            guard seen.insert(count).inserted else {
                reader.report("invalid-value", "sample count \(count) is listed twice", at: value.location,
                              suggestion: "remove the repeated value")
                return nil
            }
            return count
        }
    }
}
