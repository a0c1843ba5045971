import Foundation
import Charts
import LatentModels
import Notebook
import Tensors
import PortableMath

/// `@PriorDensity`: the prior p(z) next to the aggregated posterior q(z) = (1/N) Σ q(z | xₙ)
/// of a model with a 2-D latent — where the prior puts mass that no data point uses (the
/// "holes" samples from the prior fall into).
///
/// ```swift-directive
/// @PriorDensity(of: "vae2d", grid: 120, points: 1000)
/// ```
///
/// Arguments: `of` (required, an `@Train` id with `latent: 2`), `grid` (100, 20…300 cells per
/// side), `extent` (0 = automatic; otherwise the half-width of the square shown), `points`
/// (1000, 10…10000 test points in the aggregate), `scale` (`.linear` (default) | `.log`, four
/// decades), `seed` (0, which test points), `caption`, `label` (presentation only).
///
/// Shows the two density maps side by side on one colour scale, and a table. Scalars:
/// `prior.mass` and `aggregate.mass` (integrals over the grid, ≈ 1 when it covers the
/// densities), `hole.mass` (prior mass where q(z) < p(z)/10), `kl` (KL(q ‖ p) on the grid),
/// `extent`.
public struct PriorDensity: Measured {
    public static let directiveName = "PriorDensity"
    public static let version = 3

    let model: String
    let grid: Int
    let extent: Double
    let points: Int
    let logScale: Bool
    let seed: Int
    let presentation: Presentation

    public var dependencies: [String] { [model] }

    public init?(reading arguments: inout ArgumentReader) {
        let model = arguments.string("of")
        let grid = arguments.int("grid", default: 100, range: 20...300)
        let extent = arguments.double("extent", default: 0, range: 0...1000)
        let points = arguments.int("points", default: 1000, range: 10...10_000)
        let logScale = arguments.member("scale", default: "linear", [
            ArgumentReader.MemberCase<Bool>("linear", value: false), .init("log", value: true)])
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let presentation = Presentation(reading: &arguments)
        guard let model, let grid, let extent, let points, let logScale, let seed, !arguments.hasErrors else { return nil }
        self.model = model
        self.grid = grid
        self.extent = extent
        self.points = points
        self.logScale = logScale
        self.seed = seed
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let trained = try TrainedModelArtifacts.model(model, in: context)
        let vae = trained.model
        guard vae.latentCount == 2 else {
            throw ExperimentFailure(id: "invalid-value", "@PriorDensity needs a 2-D latent; '\(model)' has \(vae.latentCount) dimensions",
                                    suggestion: "train it with 'latent: 2'")
        }
        let test = try TrainedModelArtifacts.testSet(of: trained)
        let shown = try test.randomSubset(count: min(points, test.count), seed: UInt64(seed))
        let resources = TrainingResources(trained.configuration)
        try resources.enforceForward(rows: shown.count, what: "'points'", "@PriorDensity")
        try resources.enforceForward(rows: grid * grid, what: "the grid cells", "@PriorDensity")
        let condition = vae.isConditional ? shown.oneHotLabels(0..<shown.count) : nil
        let q = withNoGrad { vae.encode(shown.tensor(), condition: condition) }
        let means = TensorConversion.rows(q.mean)
        let stds = TensorConversion.rows(withNoGrad { (q.logVariance * 0.5).exp() })
        let aggregate = AggregatedPosterior.mixture(means: means, stds: stds)
        let priorSamples = TensorConversion.rows(vae.prior.sample(count: 2000, rng: RandomGenerator(seed: UInt64(seed)).stream(0xD3)))
        let half = extent > 0 ? extent : Self.automaticExtent(means: means, stds: stds, priorSamples: priorSamples)
        let g = DensityGrid(size: grid, extent: half)
        let centres = g.centres
        try context.checkDeadline()
        let priorDensity = TensorConversion.doubles(withNoGrad { vae.prior.logDensity(TensorConversion.matrix(centres)) }).map { PortableMath.exp($0) }
        var aggregateDensity = [Double](repeating: 0, count: centres.count)
        for (i, z) in centres.enumerated() {
            if i % 256 == 0 { try context.checkDeadline(fractionDone: Double(i) / Double(centres.count)) }
            aggregateDensity[i] = PortableMath.exp(aggregate.logDensity(z))
        }
        let measures = Self.measures(prior: priorDensity, aggregate: aggregateDensity, grid: g)
        return try measure(prior: priorDensity, aggregate: aggregateDensity, grid: g, measures: measures, count: means.count,
                           priorModel: trained.configuration.model)
    }

    /// Covers the posteriors (μ ± 3σ) and the central 99% of prior samples, rounded up to a nice half-width.
    static func automaticExtent(means: [[Double]], stds: [[Double]], priorSamples: [[Double]]) -> Double {
        let posterior = zip(means, stds).map { m, s in max(abs(m[0]) + 3 * s[0], abs(m[1]) + 3 * s[1]) }
        let prior = priorSamples.map { max(abs($0[0]), abs($0[1])) }.sorted()
        let p99 = prior.isEmpty ? 3 : prior[min(prior.count - 1, Int(0.99 * Double(prior.count)))]
        let raw = min(max(posterior.sorted().dropLast(max(0, posterior.count / 100)).last ?? 3, p99, 1), 50)
        return (raw * 1.05 * 2).rounded(.up) / 2
    }

    struct Measures {
        var priorMass: Double
        var aggregateMass: Double
        var holeMass: Double
        var kl: Double
    }

    static func measures(prior: [Double], aggregate: [Double], grid: DensityGrid) -> Measures {
        var hole = 0.0, kl = 0.0
        for (p, q) in zip(prior, aggregate) {
            if q < p / 10 { hole += p }
            if q > 0 && p > 0 { kl += q * PortableMath.log(q / p) }
        }
        return Measures(priorMass: grid.integral(prior), aggregateMass: grid.integral(aggregate),
                        holeMass: hole * grid.cellArea, kl: kl * grid.cellArea)
    }
}
