import Foundation
import Tensors
import PortableMath

/// Two-dimensional toy sets generated from a seed, for fast lessons and tests.
///
/// - `ring`: a mixture of `components` isotropic Gaussians with standard deviation
///   `spread`, centred evenly on a circle of the given radius; the label is the component.
/// - `pinwheel` (Johnson et al., 2016, "Composing graphical models with neural networks"):
///   `arms` elongated clusters bent into a spiral (radial sd 0.3, tangential sd 0.05,
///   bend rate 0.25, as in the paper's code).
/// - `twoMoons`: two interleaved half circles with Gaussian noise of sd `noise`
///   (the scikit-learn construction).
public enum SyntheticData: Codable, Hashable, Sendable {
    case ring(components: Int, radius: Float, spread: Float)
    case pinwheel(arms: Int)
    case twoMoons(noise: Float)

    /// Number of classes (mixture components, arms, or 2 moons).
    public var classCount: Int {
        switch self {
        case .ring(let k, _, _): return k
        case .pinwheel(let k): return k
        case .twoMoons: return 2
        }
    }

    /// A short name, e.g. `ring8`.
    public var name: String {
        switch self {
        case .ring(let k, _, _): return "ring\(k)"
        case .pinwheel(let k): return "pinwheel\(k)"
        case .twoMoons: return "moons"
        }
    }

    /// `count` points drawn from `seed` (labels cycle through the classes so they are balanced).
    public func generate(count: Int, seed: UInt64) -> Dataset {
        let rng = RandomGenerator(seed: seed)
        var features = [Float](repeating: 0, count: 2 * count)
        var labels = [Int](repeating: 0, count: count)
        for i in 0..<count {
            let label = i % classCount
            labels[i] = label
            let (x, y) = point(label: label, rng: rng)
            features[2 * i] = x
            features[2 * i + 1] = y
        }
        return Dataset(name: "\(name)/\(seed)", features: features, dimension: 2, labels: labels, classCount: classCount)
    }

    private func point(label: Int, rng: RandomGenerator) -> (Float, Float) {
        switch self {
        case let .ring(k, radius, spread):
            let angle = 2 * Float.pi * Float(label) / Float(k)
            return (radius * PortableMath.cos(angle) + spread * rng.nextNormal(),
                    radius * PortableMath.sin(angle) + spread * rng.nextNormal())
        case let .pinwheel(k):
            let radial = 0.3 * rng.nextNormal() + 1, tangential = 0.05 * rng.nextNormal()
            let angle = 2 * Float.pi * Float(label) / Float(k) + 0.25 * PortableMath.exp(radial)
            let (c, s) = (PortableMath.cos(angle), PortableMath.sin(angle))
            return (c * radial - s * tangential, s * radial + c * tangential)
        case let .twoMoons(noise):
            let t = Float.pi * rng.nextFloat()
            let (x, y) = label == 0 ? (PortableMath.cos(t), PortableMath.sin(t))
                                    : (1 - PortableMath.cos(t), 0.5 - PortableMath.sin(t))
            return (x + noise * rng.nextNormal(), y + noise * rng.nextNormal())
        }
    }
}
