import PortableMath
/// A seeded, reproducible random generator (xoshiro256**) with independent streams.
///
/// Same seed → the same sequence, bit for bit, on every run and platform (only integer
/// arithmetic and IEEE float ops decide the values). Seeds are expanded with SplitMix64, so
/// nearby seeds (1, 2, 3) give unrelated sequences.
///
/// Streams: `split()` draws a fresh child generator (advancing the parent), and
/// `stream(_:)` derives a child from the *original* seed and an id without touching the
/// parent, so "data order", "init" and "noise" can each get their own stream and adding
/// draws to one never shifts another. A final class (shared mutable state), not Sendable:
/// give each task its own stream.
public final class RandomGenerator {
    /// The bit generator (`Xoshiro256StarStar`, shared with the scalar statistics).
    private var core: Xoshiro256StarStar
    /// The seed this generator was created from.
    public let seed: UInt64
    private var cachedNormal: Float?

    /// A generator seeded with `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        core = Xoshiro256StarStar(seed: seed)
    }

    /// The next 64 random bits.
    @inline(__always)
    public func next() -> UInt64 { core.next() }

    /// A child generator seeded from this one's next output; advances `self`.
    public func split() -> RandomGenerator {
        RandomGenerator(seed: next() ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// An independent generator for stream `id`, derived from `seed` alone (same result
    /// however much `self` has been used).
    public func stream(_ id: UInt64) -> RandomGenerator {
        var sm = SplitMix64(state: seed ^ (id &* 0xD1B5_4A32_D192_ED03))
        _ = sm.next()
        return RandomGenerator(seed: sm.next() &+ id)
    }

    /// Uniform in [0, 1) with 24 random bits.
    @inline(__always)
    public func nextFloat() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// Uniform integer in `0..<bound` (unbiased, Lemire's method).
    public func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:): bound must be positive, got \(bound)")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// Standard normal via Box–Muller (pairs; the second value is cached).
    public func nextNormal() -> Float {
        if let z = cachedNormal { cachedNormal = nil; return z }
        let u1 = 1 - nextFloat()  // (0, 1]
        let u2 = nextFloat()
        let radius = (-2 * _log(u1)).squareRoot()
        let angle = 2 * Float.pi * u2
        cachedNormal = radius * _sin(angle)
        return radius * _cos(angle)
    }
}

// Elementary functions from PortableMath, not libm: the same bits on every machine.
@inline(__always) private func _log(_ x: Float) -> Float { PortableMath.log(x) }
@inline(__always) private func _sin(_ x: Float) -> Float { PortableMath.sin(x) }
@inline(__always) private func _cos(_ x: Float) -> Float { PortableMath.cos(x) }
