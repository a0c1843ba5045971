import Foundation
import Charts
import LatentModels
import Notebook
import Tensors

/// Figures shared by `@Samples`, `@Reconstructions` and `@Interpolate`: an image grid for
/// image data, a scatter plot for 2-D data.
enum ImageFigures {
    /// Height and width of the model's images (28×28 for Fashion-MNIST), nil for 2-D data.
    static func imageShape(_ configuration: TrainingConfiguration) -> (height: Int, width: Int)? {
        ModelDescription.isImageData(configuration.data) ? (28, 28) : nil
    }

    static func grid(name: String, title: String, summary: String, caption: String, rows: [[Double]],
                     columns: Int, rowLabels: [String] = [], shape: (height: Int, width: Int), page: PageContext) -> ResultFigure {
        let grid = ImageGrid(title: title, summary: summary, images: rows, imageWidth: shape.width,
                             imageHeight: shape.height, columns: columns, rowLabels: rowLabels, identifier: name)
        return ResultFigure(name: name, caption: caption, svg: grid.document(for: page), altText: summary)
    }

    static func scatter(name: String, title: String, summary: String, caption: String,
                        groups: [(String, [[Double]])], xTitle: String = "x₁", yTitle: String = "x₂", page: PageContext) -> ResultFigure {
        let chart = ScatterChart(title: title, summary: summary, xAxis: .linear(xTitle), yAxis: .linear(yTitle),
                                 groups: groups.map { ScatterGroup($0.0, x: $0.1.map { $0[0] }, y: $0.1.map { $0[1] }) },
                                 identifier: name)
        return ResultFigure(name: name, caption: caption, svg: chart.document(for: page), altText: summary)
    }

    /// Draws from `p(x | z)` for 2-D Gaussian decoders: the decoded mean plus the learned noise.
    static func observationSamples(_ model: VAE, means: Tensor, rng: RandomGenerator) -> Tensor {
        guard let gaussian = model.decoder.likelihood as? GaussianLikelihood else { return means }
        return withNoGrad {
            let sd = (gaussian.logVariance * 0.5).exp().reshaped([1, means.shape[1]])
            return means + sd * rng.normal(shape: means.shape)
        }
    }

    /// One-hot rows `[n, classes]` for `labels`, for conditional decoders.
    static func oneHot(_ labels: [Int], classes: Int) -> Tensor {
        Tensor(shape: [labels.count, classes], scalars: labels.flatMap { l in (0..<classes).map { $0 == l ? Float(1) : 0 } })
    }
}
