import Tensors
import Foundation
import PortableMath

/// Standard normal draws by Marsaglia's polar method, two per accepted pair (the second is
/// kept for the next call).
///
/// u, v ~ U(−1, 1) until s = u² + v² ∈ (0, 1); then u·√(−2 ln s / s) and v·√(−2 ln s / s)
/// are independent N(0, 1).
public struct NormalSampler: Sendable {
    private var generator: Xoshiro256StarStar
    private var spare: Double?

    public init(seed: UInt64, stream: UInt64 = 0) {
        generator = Xoshiro256StarStar(seed: seed, stream: stream)
    }

    public mutating func next() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        while true {
            let u = 2 * generator.nextUnit() - 1
            let v = 2 * generator.nextUnit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * PortableMath.log(s) / s).squareRoot()
                spare = v * factor
                return u * factor
            }
        }
    }
}
