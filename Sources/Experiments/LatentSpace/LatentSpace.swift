import Foundation
import Charts
import LatentModels
import Notebook
import Tensors

/// `@LatentSpace`: the encoder means μ(x) of test points, coloured by class or by the
/// mixture component that claims them.
///
/// ```swift-directive
/// @LatentSpace(of: "gmvae", color: .component, points: 2000)
/// ```
///
/// Arguments: `of` (required, an `@Train` id), `color` (`.label` (default) | `.component`:
/// the most responsible prior component, GMVAE or VampPrior only), `points` (2000, 10…10000
/// test points), `projection` (`.pca` (default) | `.first`: for latents above 2-D, the two
/// leading principal components of the means, or the first two coordinates; the caption
/// says which), `seed` (0, which test points), `caption`, `label` (presentation only).
///
/// Scalars: `points`; with `.pca` on d > 2, `explained` (fraction of the means' variance the
/// plane captures); with `.component`, `purity` (fraction of points whose component's
/// majority class is their own class) and `components.used` (components claiming ≥ 1 point);
/// for every group g shown (the class label, or the component with `.component`):
/// `group<g>.x`, `group<g>.y` (its centroid in the plotted plane), `group<g>.count` and
/// `group<g>.spread` (root-mean-square distance of its points to the centroid).
public struct LatentSpace: Measured {
    public static let directiveName = "LatentSpace"
    public static let version = 3

    enum Coloring: String, Sendable { case label, component }
    enum Projection: String, Sendable { case pca, first }

    let model: String
    let coloring: Coloring
    let points: Int
    let projection: Projection
    let seed: Int
    let presentation: Presentation

    public var dependencies: [String] { [model] }

    public init?(reading arguments: inout ArgumentReader) {
        let model = arguments.string("of")
        let coloring = arguments.member("color", default: "label", [
            ArgumentReader.MemberCase<Coloring>("label", value: .label), .init("component", value: .component)])
        let points = arguments.int("points", default: 2000, range: 10...10_000)
        let projection = arguments.member("projection", default: "pca", [
            ArgumentReader.MemberCase<Projection>("pca", value: .pca), .init("first", value: .first)])
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let presentation = Presentation(reading: &arguments)
        guard let model, let coloring, let points, let projection, let seed, !arguments.hasErrors else { return nil }
        self.model = model
        self.coloring = coloring
        self.points = points
        self.projection = projection
        self.seed = seed
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    /// Portuguese and English Fashion-MNIST class names.
    static let fashionClassNames = ["camiseta", "calça", "pulôver", "vestido", "casaco",
                                    "sandália", "camisa", "tênis", "bolsa", "bota"]
    static let englishClassNames = ["T-shirt", "trousers", "pullover", "dress", "coat",
                                    "sandal", "shirt", "sneaker", "bag", "ankle boot"]

    /// The encoder means of the shown points in the plotted plane, by group.
    public struct Measurement: Codable, Sendable {
        /// 1: one latent dimension; 2: the latent plane; otherwise d with `first` or PCA.
        var dimension: Int
        /// Fraction of the variance the two principal components explain (PCA only).
        var explained: Double?
        var imageData: Bool
        var points: Int
        var purity: Double?
        var groups: [Group]
        struct Group: Codable, Sendable {
            var index: Int
            var coordinates: [[Double]]
        }
    }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let trained = try TrainedModelArtifacts.model(model, in: context)
        let vae = trained.model
        let test = try TrainedModelArtifacts.testSet(of: trained)
        let shown = try test.randomSubset(count: min(points, test.count), seed: UInt64(seed))
        try TrainingResources(trained.configuration).enforceForward(rows: shown.count, what: "'points'", "@LatentSpace")
        try context.checkDeadline()
        let condition = vae.isConditional ? shown.oneHotLabels(0..<shown.count) : nil
        let muTensor = withNoGrad { vae.encode(shown.tensor(), condition: condition).mean }
        let mu = TensorConversion.rows(muTensor)
        let d = vae.latentCount
        var scalars: [String: Double] = ["points": Double(mu.count)]

        // Coordinates in the plane.
        let coordinates: [[Double]]
        var explained: Double?
        if d == 1 {
            coordinates = mu.map { [$0[0], 0] }
        } else if d == 2 || projection == .first {
            coordinates = mu.map { [$0[0], $0[1]] }
        } else {
            let pca = PrincipalComponents(points: mu, count: 2)
            coordinates = mu.map(pca.project)
            scalars["explained"] = pca.explainedFraction
            explained = pca.explainedFraction
        }

        // Groups.
        let labels = shown.labels ?? [Int](repeating: 0, count: shown.count)
        let groupOf: [Int]
        var purity: Double?
        if coloring == .component {
            guard let mixture = PriorMixture(vae) else {
                throw ExperimentFailure(id: "invalid-value", "'\(model)' has no mixture prior to colour by component",
                                        suggestion: "use 'color: .label', or a model trained with .gmvae(…) or .vampprior(…)")
            }
            groupOf = mixture.assignments(muTensor)
            let (p, used) = Self.purity(components: groupOf, labels: labels)
            scalars["purity"] = p
            scalars["components.used"] = Double(used)
            purity = p
        } else {
            groupOf = labels
        }
        let groups = Set(groupOf).sorted().map { g in
            Measurement.Group(index: g, coordinates: groupOf.indices.filter { groupOf[$0] == g }.map { coordinates[$0] })
        }
        // Where each group sits in the plotted plane, for sentences about the figure.
        for group in groups where !group.coordinates.isEmpty {
            let points = group.coordinates, g = group.index
            let n = Double(points.count)
            let cx = points.map { $0[0] }.reduce(0, +) / n, cy = points.map { $0[1] }.reduce(0, +) / n
            scalars["group\(g).x"] = cx
            scalars["group\(g).y"] = cy
            scalars["group\(g).count"] = n
            scalars["group\(g).spread"] = (points.map { ($0[0] - cx) * ($0[0] - cx) + ($0[1] - cy) * ($0[1] - cy) }
                .reduce(0, +) / n).squareRoot()
        }
        return try measured(Measurement(dimension: d, explained: explained,
                                        imageData: ModelDescription.isImageData(trained.configuration.data),
                                        points: mu.count, purity: purity, groups: groups), scalars: scalars)
    }

    public func present(measurement m: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let d = m.dimension
        let axes: (String, String)
        let planeText: String
        if d == 1 {
            axes = ("z₁", "")
            planeText = page.text("latente de uma dimensão (eixo vertical sem significado)",
                                  "a one-dimensional latent (the vertical axis means nothing)")
        } else if let explained = m.explained {
            axes = (page.text("CP 1", "PC 1"), page.text("CP 2", "PC 2"))
            let percent = page.decimal(100 * explained, digits: 3)
            planeText = page.text("projeção nas duas componentes principais das médias (latente de dimensão \(d); \(percent)% da variância)",
                                  "projection on the two principal components of the means (latent of dimension \(d); \(percent)% of the variance)")
        } else {
            axes = ("z₁", "z₂")
            planeText = d == 2 ? page.text("latente bidimensional, sem projeção", "a two-dimensional latent, not projected")
                : page.text("duas primeiras coordenadas de um latente de dimensão \(d)", "the first two coordinates of a latent of dimension \(d)")
        }
        let names = page.isEnglish ? Self.englishClassNames : Self.fashionClassNames
        let groupName: (Int) -> String = coloring == .component ? { "k = \($0)" }
            : { m.imageData && $0 < names.count ? names[$0] : page.text("classe \($0)", "class \($0)") }
        let byText = coloring == .component ? page.text("componente mais responsável do prior", "most responsible component of the prior")
            : page.text("classe", "class")
        var summary = page.text("Médias μ(x) do codificador de '\(model)' para \(m.points) pontos de teste, por \(byText); \(planeText).",
                                "Encoder means μ(x) of '\(model)' for \(m.points) test points, by \(byText); \(planeText).")
        if let purity = m.purity {
            summary += page.text(" Pureza ", " Purity ") + page.decimal(purity, digits: 3) + "."
        }
        let figure = ImageFigures.scatter(name: "latente-\(model)-\(coloring.rawValue)",
                                          title: page.text("Espaço latente de \(model)", "Latent space of \(model)"),
                                          summary: summary, caption: summary,
                                          groups: m.groups.map { (groupName($0.index), $0.coordinates) },
                                          xTitle: axes.0, yTitle: axes.1, page: page)
        return [.figure(figure)]
    }

    /// Purity Σ_k max_c n_kc / n, and the number of non-empty components.
    static func purity(components: [Int], labels: [Int]) -> (Double, Int) {
        var counts: [Int: [Int: Int]] = [:]
        for (k, c) in zip(components, labels) { counts[k, default: [:]][c, default: 0] += 1 }
        let majority = counts.values.reduce(0) { $0 + ($1.values.max() ?? 0) }
        return (components.isEmpty ? .nan : Double(majority) / Double(components.count), counts.count)
    }
}
