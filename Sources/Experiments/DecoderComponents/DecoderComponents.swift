import Foundation
import Charts
import LatentModels
import Notebook
import Tensors
import PortableMath

/// `@DecoderComponents`: the VAE seen as an infinite mixture. A lattice of latent points
/// `z` is decoded, each one a component `p(x | z)` of `p(x) = ∫ p(x | z) p(z) dz`.
///
/// ```swift-directive
/// @DecoderComponents(of: "anel", grid: 7, label: "fig-componentes")
/// ```
///
/// Arguments: `of` (required, an unconditional `@Train` id), `grid` (7, 2…30 lattice points
/// per side), `caption`, `label` (presentation only). The time limit is checked every 1024
/// test points of the quadrature.
///
/// The lattice sits at standard-normal quantiles `Φ⁻¹((i + ½)/grid)` of the first two latent
/// coordinates (the others are 0; a 1-D latent gets `grid²` quantiles on its line), so under
/// `N(0, I)` every lattice point stands for the same prior mass `1/grid²`.
/// - 2-D data (Gaussian decoder): the test points, and for each lattice point the one-σ
///   ellipse of `N(μ_θ(z), diag σ²)` around its centre.
/// - Images: the decoded means `E[x | z]` as a `grid × grid` image grid (the learned manifold).
///
/// Scalars: `components` (lattice points drawn); for 2-D data also `std.1`, `std.2` (the
/// decoder's standard deviations) and, when the latent has at most 2 dimensions,
/// `grid.loglik`: the mean test log-likelihood (nats) of the finite mixture of the drawn
/// components, weighted by the prior (`w_i ∝ p(z_i)/N(z_i; 0, I)`, uniform for `N(0, I)`),
/// a quadrature estimate of `log p(x)`.
public struct DecoderComponents: Measured {
    public static let directiveName = "DecoderComponents"
    public static let version = 2

    /// The decoded lattice: images in plot order, or the components' centres and σ over test points.
    public struct Measurement: Codable, Sendable {
        var latentCount: Int
        var images: GrayImages?
        var centres: [[Double]]?
        var std: [Double]?
        var testPoints: [[Double]]?
        var loglik: Double?
    }

    let model: String
    let grid: Int
    let presentation: Presentation

    public var dependencies: [String] { [model] }

    public init?(reading arguments: inout ArgumentReader) {
        let model = arguments.string("of")
        let grid = arguments.int("grid", default: 7, range: 2...30)
        let presentation = Presentation(reading: &arguments)
        guard let model, let grid, !arguments.hasErrors else { return nil }
        self.model = model
        self.grid = grid
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let trained = try TrainedModelArtifacts.model(model, in: context)
        let vae = trained.model
        guard !vae.isConditional else {
            throw ExperimentFailure(id: "invalid-value", "'\(model)' is a conditional VAE; @DecoderComponents draws an unconditional decoder",
                                    suggestion: "train a model without 'conditional: true' for this figure")
        }
        let lattice = Self.lattice(grid: grid, dimension: vae.latentCount)
        let means = withNoGrad { vae.decode(TensorConversion.matrix(lattice)) }
        if ImageFigures.imageShape(trained.configuration) != nil {
            let images = GrayImages(Self.imageOrder(TensorConversion.rows(means), grid: grid, dimension: vae.latentCount))
            return try measured(Measurement(latentCount: vae.latentCount, images: images),
                                scalars: ["components": Double(lattice.count)])
        }
        guard let gaussian = vae.decoder.likelihood as? GaussianLikelihood else {
            throw ExperimentFailure(id: "invalid-value", "'\(model)' has no Gaussian decoder, so its components have no ellipses")
        }
        let std = TensorConversion.doubles(gaussian.logVariance).map { PortableMath.exp(0.5 * $0) }
        let centres = TensorConversion.rows(means)
        let test = TensorConversion.rows(try TrainedModelArtifacts.testSet(of: trained).tensor())
        var scalars: [String: Double] = ["components": Double(lattice.count), "std.1": std[0], "std.2": std[1]]
        var loglik: Double?
        if vae.latentCount <= 2 {
            let logPrior = TensorConversion.doubles(withNoGrad { vae.prior.logDensity(TensorConversion.matrix(lattice)) })
            loglik = try Self.mixtureLogLikelihood(test, centres: centres, std: std, lattice: lattice, logPrior: logPrior) {
                try context.checkDeadline(fractionDone: $0)
            }
            scalars["grid.loglik"] = loglik
        }
        return try measured(Measurement(latentCount: vae.latentCount, centres: centres, std: std,
                                        testPoints: Array(test.prefix(1000)), loglik: loglik), scalars: scalars)
    }

    public func present(measurement m: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let name = "componentes-\(model)"
        if let images = m.images {
            let summary = page.text("Grade de \(grid)×\(grid) pontos z nos quantis da normal padrão, decodificados por '\(model)'.",
                                    "A grid of \(grid)×\(grid) points z at quantiles of the standard normal, decoded by '\(model)'.")
            let rest = m.latentCount > 2 ? page.text(", demais coordenadas em 0", ", the other coordinates at 0") : ""
            let figure = ImageFigures.grid(name: name, title: page.text("Variedade aprendida por \(model)", "Manifold learned by \(model)"),
                                           summary: summary,
                                           caption: page.text("Média E[x | z] do decodificador de '\(model)' numa grade de \(grid)×\(grid) valores de z "
                                                                + "(quantis da normal padrão nas duas primeiras coordenadas\(rest)).",
                                                              "The decoder's mean E[x | z] of '\(model)' on a grid of \(grid)×\(grid) values of z "
                                                                + "(standard-normal quantiles on the first two coordinates\(rest))."),
                                           rows: images.rows, columns: grid, shape: (28, 28), page: page)
            return [.figure(figure)]
        }
        guard let centres = m.centres, let std = m.std, std.count >= 2 else { return [] }
        let test = m.testPoints ?? []
        let loglikText = m.loglik.map {
            page.text("; log-verossimilhança média de teste da mistura finita: ", "; mean test log-likelihood of the finite mixture: ")
                + page.decimal($0, digits: 4) + " nats"
        } ?? ""
        let sigma = "σ = (\(page.decimal(std[0], digits: 3)), \(page.decimal(std[1], digits: 3)))"
        let summary = page.text("\(centres.count) componentes N(μ(z), diag σ²) do decodificador de '\(model)' para uma grade de z, ",
                                "\(centres.count) components N(μ(z), diag σ²) of the decoder of '\(model)' for a grid of z, ")
            + sigma + loglikText + "."
        let colour = Palette.color(at: 1)
        let chart = ScatterChart(
            title: page.text("Componentes do decodificador de \(model)", "Components of the decoder of \(model)"), summary: summary,
            xAxis: .linear("x₁"), yAxis: .linear("x₂"),
            groups: [ScatterGroup(page.text("teste", "test"), x: test.map { $0[0] }, y: test.map { $0[1] }, color: Color(hex: "#9a9a9a")),
                     ScatterGroup(page.text("μ(z) e elipse de 1 σ", "μ(z) and its 1 σ ellipse"), x: centres.map { $0[0] },
                                  y: centres.map { $0[1] }, color: colour)],
            ellipses: centres.map { ScatterEllipse(centerX: $0[0], centerY: $0[1], radiusX: std[0], radiusY: std[1], color: colour, opacity: 0.45) },
            opacity: 0.8, identifier: name)
        let figure = ResultFigure(name: name,
                                  caption: page.text("Cada z de uma grade de \(grid)×\(grid) quantis da normal padrão vira uma gaussiana "
                                                        + "N(μ(z), diag σ²) no espaço dos dados (centro e elipse de 1 σ), sobre os pontos de teste.",
                                                     "Each z of a grid of \(grid)×\(grid) standard-normal quantiles becomes a Gaussian "
                                                        + "N(μ(z), diag σ²) in data space (centre and 1 σ ellipse), over the test points."),
                                  svg: chart.document(for: page), altText: summary)
        return [.figure(figure)]
    }

    /// The lattice `[n, d]`: quantiles of N(0, 1) on the first two coordinates (a line for d = 1).
    static func lattice(grid: Int, dimension: Int) -> [[Double]] {
        if dimension == 1 {
            let n = grid * grid
            return (0..<n).map { [NormalQuantile.of((Double($0) + 0.5) / Double(n))] }
        }
        let q = (0..<grid).map { NormalQuantile.of((Double($0) + 0.5) / Double(grid)) }
        var points: [[Double]] = []
        for row in 0..<grid {
            for column in 0..<grid {
                var z = [Double](repeating: 0, count: dimension)
                z[0] = q[column]
                z[1] = q[row]
                points.append(z)
            }
        }
        return points
    }

    /// Images laid out like a plot: z₁ grows to the right, z₂ grows upwards.
    static func imageOrder(_ rows: [[Double]], grid: Int, dimension: Int) -> [[Double]] {
        guard dimension >= 2 else { return rows }
        return (0..<grid).reversed().flatMap { row in rows[(row * grid)..<((row + 1) * grid)] }
    }

    /// Mean over `points` of `log Σ_i w_i N(x; centre_i, diag std²)` with
    /// `w_i ∝ p(z_i) / N(z_i; 0, I)` (each lattice cell holds equal standard-normal mass).
    static func mixtureLogLikelihood(_ points: [[Double]], centres: [[Double]], std: [Double],
                                     lattice: [[Double]], logPrior: [Double]) -> Double {
        mixtureLogLikelihood(points, centres: centres, std: std, lattice: lattice, logPrior: logPrior, checkpoint: { _ in })
    }

    /// The same, calling `checkpoint` every 1024 points with the fraction done (a time limit).
    static func mixtureLogLikelihood(_ points: [[Double]], centres: [[Double]], std: [Double], lattice: [[Double]],
                                     logPrior: [Double], checkpoint: (Double) throws -> Void) rethrows -> Double {
        let logWeightsRaw = zip(lattice, logPrior).map { z, lp in
            lp + 0.5 * z.reduce(0) { $0 + $1 * $1 } + 0.5 * Double(z.count) * PortableMath.log(2 * Double.pi)
        }
        let normaliser = Statistics.logSumExp(logWeightsRaw)
        let logWeights = logWeightsRaw.map { $0 - normaliser }
        let constant = std.reduce(0) { $0 - PortableMath.log($1) } - 0.5 * Double(std.count) * PortableMath.log(2 * Double.pi)
        var total = 0.0
        var terms = [Double](repeating: 0, count: centres.count)
        for (n, x) in points.enumerated() {
            if n % 1024 == 1023 { try checkpoint(Double(n) / Double(points.count)) }
            for (i, c) in centres.enumerated() {
                var q = 0.0
                for j in 0..<std.count { let u = (x[j] - c[j]) / std[j]; q += u * u }
                terms[i] = logWeights[i] + constant - 0.5 * q
            }
            total += Statistics.logSumExp(terms)
        }
        return total / Double(max(points.count, 1))
    }
}
