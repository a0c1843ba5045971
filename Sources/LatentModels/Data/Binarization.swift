import Tensors

/// How intensities in [0, 1] become binary pixels for a Bernoulli likelihood.
public enum Binarization: Codable, Hashable, Sendable {
    /// Keep intensities as they are (Gaussian decoders, synthetic sets).
    case none
    /// A fresh Bernoulli draw per pixel every time a batch is formed (training); the test
    /// split is drawn once with `FixedBinarization`.
    case dynamic
    /// `x > t ? 1 : 0`.
    case threshold(Float)
}

/// A reproducible, counter-based binarization: pixel `i` is on iff `uᵢ < xᵢ`, with
/// `uᵢ = top24(splitmix64(seed + (i + 1)·0x9E3779B97F4A7C15)) · 2⁻²⁴` compared in Float32.
///
/// Counter-based (each pixel's uniform depends only on the seed and its index), so
/// `Benchmarks/torch_vae.py` reproduces it bit for bit with NumPy and both programs
/// evaluate on the same binary test images.
public struct FixedBinarization: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) { self.seed = seed }

    /// The uniform for element `index`.
    @inline(__always)
    public func uniform(_ index: Int) -> Float {
        let z = SplitMix64.mix(seed &+ UInt64(index + 1) &* 0x9E37_79B9_7F4A_7C15)
        return Float(z >> 40) * 0x1p-24
    }

    /// Binarizes a flat array of intensities.
    public func binarize(_ values: [Float]) -> [Float] {
        var out = [Float](repeating: 0, count: values.count)
        for i in values.indices { out[i] = uniform(i) < values[i] ? 1 : 0 }
        return out
    }
}
