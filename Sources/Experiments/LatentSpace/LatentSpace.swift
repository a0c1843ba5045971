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
public struct LatentSpace: Experiment {
    public static let directiveName = "LatentSpace"
    public static let version = 2

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

    /// Portuguese Fashion-MNIST class names.
    static let fashionClassNames = ["camiseta", "calça", "pulôver", "vestido", "casaco",
                                    "sandália", "camisa", "tênis", "bolsa", "bota"]

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
        let axes: (String, String)
        let planeText: String
        if d == 1 {
            coordinates = mu.map { [$0[0], 0] }
            axes = ("z₁", "")
            planeText = "latente de uma dimensão (eixo vertical sem significado)"
        } else if d == 2 || projection == .first {
            coordinates = mu.map { [$0[0], $0[1]] }
            axes = ("z₁", "z₂")
            planeText = d == 2 ? "latente bidimensional, sem projeção" : "duas primeiras coordenadas de um latente de dimensão \(d)"
        } else {
            let pca = PrincipalComponents(points: mu, count: 2)
            coordinates = mu.map(pca.project)
            axes = ("CP 1", "CP 2")
            scalars["explained"] = pca.explainedFraction
            planeText = "projeção nas duas componentes principais das médias (latente de dimensão \(d); "
                + "\(SignificantFormat.format(100 * pca.explainedFraction, digits: 3))% da variância)"
        }

        // Groups.
        let labels = shown.labels ?? [Int](repeating: 0, count: shown.count)
        let groupOf: [Int]
        let groupName: (Int) -> String
        if coloring == .component {
            guard let mixture = PriorMixture(vae) else {
                throw ExperimentFailure(id: "invalid-value", "'\(model)' has no mixture prior to colour by component",
                                        suggestion: "use 'color: .label', or a model trained with .gmvae(…) or .vampprior(…)")
            }
            groupOf = mixture.assignments(muTensor)
            groupName = { "k = \($0)" }
            let (purity, used) = Self.purity(components: groupOf, labels: labels)
            scalars["purity"] = purity
            scalars["components.used"] = Double(used)
        } else {
            groupOf = labels
            let image = ModelDescription.isImageData(trained.configuration.data)
            groupName = { image && $0 < Self.fashionClassNames.count ? Self.fashionClassNames[$0] : "classe \($0)" }
        }
        let groups = Set(groupOf).sorted().map { g in
            (groupName(g), groupOf.indices.filter { groupOf[$0] == g }.map { coordinates[$0] })
        }
        // Where each group sits in the plotted plane, for sentences about the figure.
        for (g, (_, points)) in zip(Set(groupOf).sorted(), groups) where !points.isEmpty {
            let n = Double(points.count)
            let cx = points.map { $0[0] }.reduce(0, +) / n, cy = points.map { $0[1] }.reduce(0, +) / n
            scalars["group\(g).x"] = cx
            scalars["group\(g).y"] = cy
            scalars["group\(g).count"] = n
            scalars["group\(g).spread"] = (points.map { ($0[0] - cx) * ($0[0] - cx) + ($0[1] - cy) * ($0[1] - cy) }
                .reduce(0, +) / n).squareRoot()
        }
        let byText = coloring == .component ? "componente mais responsável do prior" : "classe"
        var summary = "Médias μ(x) do codificador de '\(model)' para \(mu.count) pontos de teste, por \(byText); \(planeText)."
        if let purity = scalars["purity"] { summary += " Pureza \(SignificantFormat.format(purity, digits: 3))." }
        let figure = ImageFigures.scatter(name: "latente-\(model)-\(coloring.rawValue)", title: "Espaço latente de \(model)",
                                          summary: summary, caption: summary, groups: groups, xTitle: axes.0, yTitle: axes.1)
        return ExperimentResult(outputs: [.figure(figure)], scalars: scalars)
    }

    /// Purity Σ_k max_c n_kc / n, and the number of non-empty components.
    static func purity(components: [Int], labels: [Int]) -> (Double, Int) {
        var counts: [Int: [Int: Int]] = [:]
        for (k, c) in zip(components, labels) { counts[k, default: [:]][c, default: 0] += 1 }
        let majority = counts.values.reduce(0) { $0 + ($1.values.max() ?? 0) }
        return (components.isEmpty ? .nan : Double(majority) / Double(components.count), counts.count)
    }
}
