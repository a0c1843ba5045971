import Foundation
import LatentModels
import Notebook
import Tensors

/// `@Reconstructions`: test inputs next to their reconstructions `E[x | z = μ(x)]`.
///
/// ```swift-directive
/// @Reconstructions(of: "vae", count: 10, seed: 0)
/// ```
///
/// Arguments: `of` (required, an `@Train` id), `count` (10, 1…64 test examples, drawn from
/// `seed`), `seed` (0), `caption`, `label` (presentation only). Images: originals in the top
/// row, reconstructions below; 2-D data: a scatter of the points and their reconstructions.
///
/// Scalars: `mse` (mean squared error per feature over the shown examples), `mse.all`
/// (over the whole test set), `count`.
public struct Reconstructions: Measured {
    public static let directiveName = "Reconstructions"
    public static let version = 2

    /// The shown test examples and their reconstructions: images, or 2-D points.
    public struct Measurement: Codable, Sendable {
        var images: GrayImages?
        var originals: [[Double]]?
        var reconstructions: [[Double]]?
        var count: Int
        var mse: Double
    }

    let model: String
    let count: Int
    let seed: Int
    let presentation: Presentation

    public var dependencies: [String] { [model] }

    public init?(reading arguments: inout ArgumentReader) {
        let model = arguments.string("of")
        let count = arguments.int("count", default: 10, range: 1...64)
        let seed = arguments.int("seed", default: 0, range: 0...Int.max)
        let presentation = Presentation(reading: &arguments)
        guard let model, let count, let seed, !arguments.hasErrors else { return nil }
        self.model = model
        self.count = count
        self.seed = seed
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let trained = try TrainedModelArtifacts.model(model, in: context)
        let test = try TrainedModelArtifacts.testSet(of: trained)
        let shown = try test.randomSubset(count: min(count, test.count), seed: UInt64(seed))
        try TrainingResources(trained.configuration).enforceForward(rows: test.count, what: "the test set", "@Reconstructions")
        let vae = trained.model
        func reconstruct(_ set: Dataset) -> Tensor {
            vae.reconstruct(set.tensor(), condition: vae.isConditional ? set.oneHotLabels(0..<set.count) : nil)
        }
        let originals = TensorConversion.rows(shown.tensor())
        let reconstructions = TensorConversion.rows(reconstruct(shown))
        let mse = Self.meanSquaredError(originals, reconstructions)
        let all = Self.meanSquaredError(TensorConversion.rows(test.tensor()), TensorConversion.rows(reconstruct(test)))
        var measurement = Measurement(count: shown.count, mse: mse)
        if ImageFigures.imageShape(trained.configuration) != nil {
            measurement.images = GrayImages(originals + reconstructions)
        } else {
            measurement.originals = originals
            measurement.reconstructions = reconstructions
        }
        return try measured(measurement, scalars: ["mse": mse, "mse.all": all, "count": Double(shown.count)])
    }

    public func present(measurement m: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let name = "reconstrucoes-\(model)"
        let mse = page.decimal(m.mse, digits: 3)
        let summary = page.text("\(m.count) exemplos de teste e suas reconstruções por '\(model)'; erro quadrático médio \(mse) por componente.",
                                "\(m.count) test examples and their reconstructions by '\(model)'; mean squared error \(mse) per component.")
        let title = page.text("Reconstruções de \(model)", "Reconstructions of \(model)")
        let figure: ResultFigure
        if let images = m.images {
            figure = ImageFigures.grid(name: name, title: title, summary: summary,
                                       caption: page.text("Linha de cima: imagens de teste; de baixo: reconstruções E[x | z = μ(x)] de '\(model)'.",
                                                          "Top row: test images; bottom: reconstructions E[x | z = μ(x)] by '\(model)'."),
                                       rows: images.rows, columns: m.count,
                                       rowLabels: ["Original", page.text("Reconstrução", "Reconstruction")], shape: (28, 28), page: page)
        } else {
            figure = ImageFigures.scatter(name: name, title: title, summary: summary,
                                          caption: page.text("Pontos de teste e suas reconstruções E[x | z = μ(x)] por '\(model)'.",
                                                             "Test points and their reconstructions E[x | z = μ(x)] by '\(model)'."),
                                          groups: [(page.text("teste", "test"), m.originals ?? []),
                                                   (page.text("reconstrução", "reconstruction"), m.reconstructions ?? [])], page: page)
        }
        return [.figure(figure)]
    }

    static func meanSquaredError(_ a: [[Double]], _ b: [[Double]]) -> Double {
        var total = 0.0, n = 0
        for (x, y) in zip(a, b) { for (u, v) in zip(x, y) { total += (u - v) * (u - v); n += 1 } }
        return n == 0 ? .nan : total / Double(n)
    }
}
