import PortableMath
import Tensors
import Testing
@testable import LatentModels

/// The statistics module holds each distribution in two precisions: Float32 tensors for
/// training, `Double` scalars for exact studies (the KL estimator, EM). They must agree.
@Suite struct PrecisionAgreementTests {
    let means: [[Double]] = [[0.5, -1, 0.2], [-1.5, 0.25, 2]]
    let stds: [[Double]] = [[0.8, 1.3, 0.4], [1.1, 0.6, 0.9]]
    let points: [[Double]] = [[0, 0, 0], [1, -2, 0.5], [-1.2, 0.3, 1.9]]

    func tensor(_ rows: [[Double]]) -> Tensor {
        Tensor(shape: [rows.count, rows[0].count], scalars: rows.flatMap { $0.map(Float.init) })
    }

    @Test func theGaussianAgrees() {
        for (mean, std) in zip(means, stds) {
            let scalar = DiagonalNormal(mean: mean, std: std)
            let q = DiagonalGaussian(mean: tensor([mean, mean, mean]),
                                     logVariance: tensor([std, std, std].map { $0.map { 2 * PortableMath.log($0) } }))
            let float = q.logDensity(tensor(points)).scalars
            for (point, value) in zip(points, float) {
                #expect(abs(Double(value) - scalar.logDensity(point)) < 1e-4)
            }
        }
    }

    @Test func theMixtureAgrees() {
        let scalar = NormalMixture(components: zip(means, stds).map { DiagonalNormal(mean: $0, std: $1) })
        let mixture = GaussianMixture(means: tensor(means), logVariances: tensor(stds.map { $0.map { 2 * PortableMath.log($0) } }))
        for (point, value) in zip(points, mixture.logDensity(tensor(points)).scalars) {
            #expect(abs(Double(value) - scalar.logDensity(point)) < 1e-4)
        }
    }

    @Test func theAnalyticKLAgrees() {
        let q = DiagonalNormal(mean: means[0], std: stds[0]), p = DiagonalNormal(mean: means[1], std: stds[1])
        let tq = DiagonalGaussian(mean: tensor([means[0]]), logVariance: tensor([stds[0].map { 2 * PortableMath.log($0) }]))
        let tp = DiagonalGaussian(mean: tensor([means[1]]), logVariance: tensor([stds[1].map { 2 * PortableMath.log($0) }]))
        #expect(abs(Double(tq.kl(to: tp).scalars[0]) - q.klDivergence(to: p)) < 1e-4)
    }
}
