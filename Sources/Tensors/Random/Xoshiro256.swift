/// xoshiro256** (Blackman & Vigna, 2018): the project's one random bit generator. A value
/// type for scalar code (`Xoshiro256StarStar(seed:stream:)` in the experiments' Double
/// statistics); `RandomGenerator` wraps the same state machine for tensors.
///
/// Seeds are expanded with SplitMix64, so nearby seeds give unrelated sequences; the all-zero
/// state (a fixed point) is never used.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Four words of `mixer`.
    public init(expanding mixer: inout SplitMix64) {
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The generator of `seed` (the same sequence as `RandomGenerator(seed:)`).
    public init(seed: UInt64) {
        var mixer = SplitMix64(state: seed)
        self.init(expanding: &mixer)
    }

    /// An independent sequence `stream` of `seed`, for scalar studies whose draws must not
    /// depend on which other streams a directive uses (the draws for S = 100 whatever other
    /// sample counts it lists).
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(state: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15) ^ (stream << 17 | stream >> 47))
        self.init(expanding: &mixer)
    }

    /// The next 64 random bits.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotated(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotated(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    @inlinable @inline(__always)
    static func rotated(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// SplitMix64 (Steele, Lea & Flood, 2014): expands one 64-bit seed into well-mixed words,
/// and (`mix`) turns a counter into a uniform word, as the fixed binarization does.
public struct SplitMix64: Sendable {
    public var state: UInt64

    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// The finalizer alone: a well-mixed word from `z`.
    @inlinable @inline(__always)
    public static func mix(_ z: UInt64) -> UInt64 {
        var z = z
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
