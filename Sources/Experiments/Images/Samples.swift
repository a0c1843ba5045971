import Foundation
import LatentModels
import Notebook
import Tensors

/// `@Samples`: decodes draws from a trained model's prior, or from one mixture component.
///
/// ```swift-directive
/// @Samples(of: "gmvae", count: 64, seed: 1)
/// @Samples(of: "gmvae", count: 10, byComponent: true, caption: "Uma linha por componente.")
/// ```
///
/// Arguments: `of` (required, an `@Train` id), `count` (64, 1…1024; per row with
/// `byComponent`), `component` (−1 = the whole prior (default); k ≥ 0 = component k of a
/// GMVAE or VampPrior), `byComponent` (false: one row per component, up to 20), `columns`
/// (8, grid width when not by component), `seed` (0), `caption`, `label` (presentation only).
/// For a conditional model the rows are the classes (each row: one class, `count` columns),
/// and each column keeps the same z in every row: the class changes *what* is drawn, z *how*.
///
/// Images show the decoder's mean `E[x | z]` (pixel probabilities); 2-D data shows draws
/// of `p(x | z)` over the test points. Scalars: `mean` (mean intensity or coordinate),
/// `min`, `max`, `count`.
public struct Samples: Measured {
    public static let directiveName = "Samples"
    public static let version = 3

    /// The decoded samples: images (image data) or points over test points (2-D data).
    public struct Measurement: Codable, Sendable {
        var images: GrayImages?
        var points: [[Double]]?
        var testPoints: [[Double]]?
        var rowKind: RowKind?
        var rowCount: Int
        var rowLength: Int
        var total: Int
        var priorModel: TrainingConfiguration.Model
    }

    let model: String
    let count: Int
    let component: Int
    let byComponent: Bool
    let columns: Int
    let seed: Int
    let presentation: Presentation

    public var dependencies: [String] { [model] }

    public init?(reading arguments: inout ArgumentReader) {
        let model = arguments.string("of")
        let count = arguments.int("count", default: 64, range: 1...1024)
        let component = arguments.int("component", default: -1, range: -1...10_000)
        let byComponent = arguments.bool("byComponent", default: false)
        let columns = arguments.int("columns", default: 8, range: 1...64)
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let presentation = Presentation(reading: &arguments)
        guard let model, let count, let component, let byComponent, let columns, let seed, !arguments.hasErrors else { return nil }
        if byComponent && component >= 0 {
            arguments.report("invalid-value", "'component' and 'byComponent: true' of @Samples exclude each other",
                             at: arguments.anchor, suggestion: "remove one of them")
            return nil
        }
        self.model = model
        self.count = count
        self.component = component
        self.byComponent = byComponent
        self.columns = columns
        self.seed = seed
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    var name: String { "amostras-\(model)" + (component >= 0 ? "-k\(component)" : "") + (byComponent ? "-componentes" : "") }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let trained = try TrainedModelArtifacts.model(model, in: context)
        let vae = trained.model
        let mixture = PriorMixture(vae)
        let rows = count * max(1, vae.architecture.conditionCount, byComponent ? min(mixture?.componentCount ?? 1, 20) : 1)
        try TrainingResources(trained.configuration).enforceForward(rows: rows, what: "the samples", "@Samples")
        let rng = RandomGenerator(seed: UInt64(seed)).stream(0x5A3)
        let (z, rowKind, rowCount, rowLength) = try latentDraws(vae, mixture: mixture, rng: rng)
        let conditionCount = vae.architecture.conditionCount
        let condition = conditionCount > 0
            ? ImageFigures.oneHot((0..<z.shape[0]).map { $0 / rowLength % conditionCount }, classes: conditionCount) : nil
        let means = withNoGrad { vae.decode(z, condition: condition) }
        let shape = ImageFigures.imageShape(trained.configuration)
        let values = TensorConversion.doubles(shape == nil ? ImageFigures.observationSamples(vae, means: means, rng: rng) : means)
        let scalars = ["mean": Statistics.mean(values), "min": values.min() ?? .nan, "max": values.max() ?? .nan,
                       "count": Double(z.shape[0])]
        var measurement = Measurement(rowKind: rowKind, rowCount: rowCount, rowLength: rowLength, total: z.shape[0],
                                      priorModel: trained.configuration.model)
        if shape != nil {
            measurement.images = GrayImages(TensorConversion.rows(means))
        } else {
            let test = try TrainedModelArtifacts.testSet(of: trained)
            measurement.testPoints = TensorConversion.rows(test.prefix(1000).tensor())
            measurement.points = chunk(values, 2)
        }
        return try measured(measurement, scalars: scalars)
    }

    public func present(measurement m: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let source = component >= 0 ? page.text("da componente \(component) do prior", "from component \(component) of the prior")
            : byComponent ? page.text("de cada componente do prior", "from each component of the prior")
            : page.text("do prior (\(ModelDescription.prior(m.priorModel, page)))", "from the prior (\(ModelDescription.prior(m.priorModel, page)))")
        let summary = page.text("\(m.total) amostras \(source) de '\(model)', decodificadas.",
                                "\(m.total) samples \(source) of '\(model)', decoded.")
        let rowLabels = m.rowKind.map { $0.labels(m.rowCount, page) } ?? []
        let title = page.text("Amostras de \(model)", "Samples of \(model)")
        let figure: ResultFigure
        if let images = m.images {
            let rows = rowLabels.isEmpty ? "." : m.rowKind == .classes
                ? page.text("; uma linha por classe, o mesmo z em cada coluna.", "; one row per class, the same z in each column.")
                : page.text("; uma linha por componente.", "; one row per component.")
            figure = ImageFigures.grid(name: name, title: title, summary: summary,
                                       caption: page.text("Amostras \(source) de '\(model)': média E[x | z] do decodificador para z sorteado",
                                                          "Samples \(source) of '\(model)': the decoder's mean E[x | z] for a drawn z") + rows,
                                       rows: images.rows, columns: rowLabels.isEmpty ? columns : m.rowLength,
                                       rowLabels: rowLabels, shape: (28, 28), page: page)
        } else {
            figure = ImageFigures.scatter(name: name, title: title, summary: summary,
                                          caption: page.text("Amostras x ~ p(x | z) com z \(source), sobre pontos de teste.",
                                                             "Samples x ~ p(x | z) with z \(source), over test points."),
                                          groups: [(page.text("teste", "test"), m.testPoints ?? [])]
                                              + sampleGroups(m.points ?? [], rowLabels: rowLabels, rowLength: m.rowLength, page), page: page)
        }
        return [.figure(figure)]
    }

    /// One scatter group per row (component or class), or a single group.
    private func sampleGroups(_ points: [[Double]], rowLabels: [String], rowLength: Int, _ page: PageContext) -> [(String, [[Double]])] {
        guard !rowLabels.isEmpty else { return [(page.text("amostras", "samples"), points)] }
        return rowLabels.enumerated().map { row, label in
            (label, Array(points[(row * rowLength)..<min((row + 1) * rowLength, points.count)]))
        }
    }

    private func chunk(_ values: [Double], _ d: Int) -> [[Double]] {
        stride(from: 0, to: values.count, by: d).map { Array(values[$0..<($0 + d)]) }
    }

    /// The latent draws, how the rows are named and how many there are (none: one block), and the images per row.
    func latentDraws(_ vae: VAE, mixture: PriorMixture?, rng: RandomGenerator) throws -> (Tensor, RowKind?, Int, Int) {
        if vae.architecture.conditionCount > 0 && component < 0 && !byComponent {
            let classes = vae.architecture.conditionCount
            let z = vae.prior.sample(count: count, rng: rng)
            return (Tensor.concatenate([Tensor](repeating: z, count: classes), axis: 0), .classes, classes, count)
        }
        guard component >= 0 || byComponent else { return (vae.prior.sample(count: count, rng: rng), nil, 0, count) }
        guard let mixture else {
            throw ExperimentFailure(id: "invalid-value", "'\(model)' has no mixture prior, so it has no components",
                                    suggestion: "use a model trained with .gmvae(…) or .vampprior(…)")
        }
        if byComponent {
            let k = min(mixture.componentCount, 20)
            let rows = (0..<k).map { mixture.sample(component: $0, count: count, rng: rng) }
            return (Tensor.concatenate(rows, axis: 0), .components, k, count)
        }
        guard component < mixture.componentCount else {
            throw ExperimentFailure(id: "invalid-value", "'\(model)' has \(mixture.componentCount) components; component \(component) does not exist",
                                    suggestion: "use a component in 0...\(mixture.componentCount - 1)")
        }
        return (mixture.sample(component: component, count: count, rng: rng), nil, 0, count)
    }
}
