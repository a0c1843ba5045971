import Foundation
import PortableMath

/// N(μ, diag(σ²)) in d dimensions, in `Double`: the scalar precision of `DiagonalGaussian`
/// (Float32 tensors), for exact studies; `PrecisionAgreementTests` checks that the two agree.
public struct DiagonalNormal: Hashable, Sendable {
    public var mean: [Double]
    public var std: [Double]

    public init(mean: [Double], std: [Double]) {
        precondition(!mean.isEmpty && mean.count == std.count,
                     "DiagonalNormal: mean has \(mean.count) entries, std has \(std.count)")
        precondition(std.allSatisfy { $0 > 0 && $0.isFinite }, "DiagonalNormal: std must be positive, got \(std)")
        self.mean = mean
        self.std = std
    }

    /// N(0, I).
    public static func standard(dimension: Int) -> DiagonalNormal {
        DiagonalNormal(mean: Array(repeating: 0, count: dimension), std: Array(repeating: 1, count: dimension))
    }

    public var dimension: Int { mean.count }

    public static let logTwoPi = PortableMath.log(2 * Double.pi)

    /// log N(z; μ, σ²) = Σⱼ [−½ log 2π − log σⱼ − ½ ((zⱼ − μⱼ)/σⱼ)²].
    public func logDensity(_ z: [Double]) -> Double {
        precondition(z.count == dimension, "logDensity: point has \(z.count) coordinates, distribution \(dimension)")
        var total = 0.0
        for j in 0..<dimension {
            let u = (z[j] - mean[j]) / std[j]
            total -= 0.5 * Self.logTwoPi + PortableMath.log(std[j]) + 0.5 * u * u
        }
        return total
    }

    /// Closed-form KL(self ‖ other) between diagonal Gaussians:
    /// Σⱼ [log(σₚⱼ/σ_qⱼ) + (σ_qⱼ² + (μ_qⱼ − μₚⱼ)²) / (2σₚⱼ²) − ½].
    /// Against N(0, I) this is ½ Σⱼ (σⱼ² + μⱼ² − 1 − log σⱼ²).
    public func klDivergence(to other: DiagonalNormal) -> Double {
        precondition(other.dimension == dimension, "klDivergence: dimensions \(dimension) and \(other.dimension)")
        var total = 0.0
        for j in 0..<dimension {
            let dq = std[j], dp = other.std[j], dm = mean[j] - other.mean[j]
            total += PortableMath.log(dp / dq) + (dq * dq + dm * dm) / (2 * dp * dp) - 0.5
        }
        return total
    }
}
