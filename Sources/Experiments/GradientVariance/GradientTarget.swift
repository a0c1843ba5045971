import Foundation
import LatentModels
import Tensors

/// The integrand f(z) of ∇_μ E_{N(μ, σ²)}[f(z)] and its gradient, for batches of points.
enum GradientTarget {
    /// f(z) = Σⱼ (zⱼ − c)²; ∇f = 2(z − c); the exact gradient of the expectation is 2(μ − c).
    case quadratic(center: Double)
    /// f(z) = log p(x | z) of one test input under a trained decoder (∇ by autodiff).
    case decoder(VAE, x: [Double], condition: [Double]?)

    /// Values f(zₛ) and gradients ∇f(zₛ) for each row of `z`.
    func evaluate(_ z: [[Double]]) -> (values: [Double], gradients: [[Double]]) {
        switch self {
        case .quadratic(let c):
            return (z.map { $0.reduce(0) { $0 + ($1 - c) * ($1 - c) } }, z.map { $0.map { 2 * ($0 - c) } })
        case let .decoder(model, x, condition):
            let n = z.count
            let zt = Tensor(shape: [n, z[0].count], scalars: z.flatMap { $0.map(Float.init) }, requiresGrad: true)
            let xt = Tensor(shape: [n, x.count], scalars: Array((0..<n).map { _ in x.map(Float.init) }.joined()))
            let ct = condition.map { c in Tensor(shape: [n, c.count], scalars: Array((0..<n).map { _ in c.map(Float.init) }.joined())) }
            let values = model.decoder.logLikelihood(xt, given: zt, condition: ct)
            values.sum().backward()
            let gradients = zt.grad.map(TensorConversion.rows) ?? z.map { $0.map { _ in 0 } }
            model.parameters.zeroGrad()
            return (TensorConversion.doubles(values), gradients)
        }
    }

    /// The exact ∇_μ E[f], where known.
    func exactGradient(mean: [Double], std: [Double]) -> [Double]? {
        if case .quadratic(let c) = self { return mean.map { 2 * ($0 - c) } }
        return nil
    }
}
