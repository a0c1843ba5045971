import Foundation
import LatentModels
import Notebook
import Tensors

/// `@Interpolate`: decodes the straight line between the posterior means of two test inputs.
///
/// ```swift-directive
/// @Interpolate(of: "vae", from: 0, to: 7, steps: 10)
/// ```
///
/// Arguments: `of` (required, an `@Train` id), `from` (0) and `to` (1): test-set indices,
/// `steps` (10, 2…32 points including both ends), `caption`, `label` (presentation only).
/// `z_t = (1 − t) μ(x_from) + t μ(x_to)`, `t = 0, 1/(steps−1), …, 1`. Images: one row
/// with the two originals at the ends; 2-D data: the decoded path over the test points.
///
/// Scalars: `distance` (latent Euclidean distance between the end points), `pathLength`
/// (length of the decoded path in data space, summed over steps), `steps`.
public struct Interpolate: Measured {
    public static let directiveName = "Interpolate"
    public static let version = 2

    /// The decoded path between the two test inputs: images (with the originals at the ends),
    /// or 2-D points over test points.
    public struct Measurement: Codable, Sendable {
        var images: GrayImages?
        var path: [[Double]]?
        var testPoints: [[Double]]?
        var distance: Double
    }

    let model: String
    let from: Int
    let to: Int
    let steps: Int
    let presentation: Presentation

    public var dependencies: [String] { [model] }

    public init?(reading arguments: inout ArgumentReader) {
        let model = arguments.string("of")
        let from = arguments.int("from", default: 0, range: 0...1_000_000)
        let to = arguments.int("to", default: 1, range: 0...1_000_000)
        let steps = arguments.int("steps", default: 10, range: 2...32)
        let presentation = Presentation(reading: &arguments)
        guard let model, let from, let to, let steps, !arguments.hasErrors else { return nil }
        self.model = model
        self.from = from
        self.to = to
        self.steps = steps
        self.presentation = presentation
    }

    public func presenting(_ result: ExperimentResult) -> ExperimentResult { presentation.apply(to: result) }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let trained = try TrainedModelArtifacts.model(model, in: context)
        let test = try TrainedModelArtifacts.testSet(of: trained)
        guard from < test.count, to < test.count else {
            throw ExperimentFailure(id: "invalid-value", "'from' and 'to' must be test indices below \(test.count)")
        }
        let vae = trained.model
        let ends = test.subset([from, to])
        let labels = ends.labels ?? [0, 0]
        let endCondition = vae.isConditional ? ends.oneHotLabels(0..<2) : nil
        let mu = TensorConversion.rows(withNoGrad { vae.encode(ends.tensor(), condition: endCondition).mean })
        let path = (0..<steps).map { s -> [Double] in
            let t = Double(s) / Double(steps - 1)
            return zip(mu[0], mu[1]).map { (1 - t) * $0 + t * $1 }
        }
        // A conditional decoder keeps the first input's class along the path.
        let condition = vae.isConditional ? ImageFigures.oneHot([Int](repeating: labels[0], count: steps), classes: vae.architecture.conditionCount) : nil
        let decoded = TensorConversion.rows(withNoGrad { vae.decode(TensorConversion.matrix(path), condition: condition) })
        let distance = zip(mu[0], mu[1]).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        var pathLength = 0.0
        for s in 1..<steps {
            pathLength += zip(decoded[s], decoded[s - 1]).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        }
        var measurement = Measurement(distance: distance)
        if ImageFigures.imageShape(trained.configuration) != nil {
            let originals = TensorConversion.rows(ends.tensor())
            measurement.images = GrayImages([originals[0]] + decoded + [originals[1]])
        } else {
            measurement.path = decoded
            measurement.testPoints = TensorConversion.rows(test.prefix(500).tensor())
        }
        return try measured(measurement, scalars: ["distance": distance, "pathLength": pathLength, "steps": Double(steps)])
    }

    public func present(measurement m: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let name = "interpolacao-\(model)-\(from)-\(to)"
        let distance = page.decimal(m.distance, digits: 3)
        let summary = page.text(
            "Interpolação linear no espaço latente de '\(model)' entre os exemplos de teste \(from) e \(to), \(steps) passos; "
                + "distância latente \(distance).",
            "Linear interpolation in the latent space of '\(model)' between test examples \(from) and \(to), \(steps) steps; "
                + "latent distance \(distance).")
        let title = page.text("Interpolação em \(model)", "Interpolation in \(model)")
        let figure: ResultFigure
        if let images = m.images {
            figure = ImageFigures.grid(name: name, title: title, summary: summary,
                                       caption: page.text("Decodificação de z_t = (1 − t) μ(x₁) + t μ(x₂): nas pontas, as imagens originais "
                                                            + "\(from) e \(to) do conjunto de teste.",
                                                          "Decoding of z_t = (1 − t) μ(x₁) + t μ(x₂): at the ends, the original images "
                                                            + "\(from) and \(to) of the test set."),
                                       rows: images.rows, columns: steps + 2, shape: (28, 28), page: page)
        } else {
            figure = ImageFigures.scatter(name: name, title: title, summary: summary,
                                          caption: page.text("Caminho decodificado entre os pontos de teste \(from) e \(to).",
                                                             "The decoded path between test points \(from) and \(to)."),
                                          groups: [(page.text("teste", "test"), m.testPoints ?? []), (page.text("caminho", "path"), m.path ?? [])], page: page)
        }
        return [.figure(figure)]
    }
}
