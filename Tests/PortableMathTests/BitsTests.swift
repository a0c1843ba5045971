import CBLAS
import Testing
@testable import PortableMath

/// The same bits whatever the thread's MXCSR, and the same bits on every machine.
///
/// Every function is evaluated on a fixed grid that includes the edges where subnormals
/// appear (tiny and subnormal inputs, results just above and below the normal range), once
/// with FTZ/DAZ cleared and once with them set. The results must agree bit for bit, and their
/// digest must equal the one recorded here: a CI run on another CPU checks it there.
@Suite(.serialized) struct BitsIndependentOfTheThread {
    static let grid: [Double] = {
        var xs = sweep(-30, 30, count: 4000) + sweep(-750, 750, count: 4000) + sweep(-1e-6, 1e-6, count: 500)
        xs += sweep(26, 27.5, count: 500) + sweep(-709, -707, count: 500) + sweep(0.999, 1.001, count: 500)
        // Every exponent, subnormals included, built from bit patterns (arithmetic would obey FTZ).
        for i: UInt64 in 0..<600 {
            let v = Double(bitPattern: i * (0x7ff0_0000_0000_0000 / 600) + 0x0008_0000_0000_0001)
            xs += [v, -v, v.nextUp, v.nextDown]
        }
        for i: UInt32 in 0..<300 {
            let f = Float(bitPattern: i * (0x7f80_0000 / 300) + 0x0040_0001)
            xs += [Double(f), -Double(f)]
        }
        xs += [0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
               Double.leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, .infinity, -.infinity, .nan,
               Double(Float.leastNormalMagnitude), Double(Float.leastNormalMagnitude).nextDown, 1e-154, 1e-160]
        return xs
    }()

    /// FNV-1a over the bit patterns of every function on the grid (NaNs canonicalised).
    static func digest() -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt64) { h = (h ^ v) &* 0x100_0000_01b3 }
        func mix(_ d: Double) { mix(d.isNaN ? 0x7ff8_0000_0000_0000 : d.bitPattern) }
        func mix(_ f: Float) { mix(UInt64(f.isNaN ? 0x7fc0_0000 : f.bitPattern)) }
        typealias M = PortableMath
        for x in grid {
            mix(M.exp(x)); mix(M.expm1(x)); mix(M.log(x)); mix(M.log1p(x)); mix(M.log10(x))
            mix(M.tanh(x)); mix(M.sin(x)); mix(M.cos(x)); mix(M.erfc(x))
            mix(M.pow(Swift.abs(x), 0.37)); mix(M.pow(x, 3)); mix(M.pow(x, -2)); mix(M.pow(2, x))
            let f = Float(x)
            mix(M.exp(f)); mix(M.expm1(f)); mix(M.log(f)); mix(M.log1p(f)); mix(M.tanh(f))
            mix(M.sin(f)); mix(M.cos(f)); mix(M.pow(f, 2.5)); mix(M.pow(Float(0.9), f))
        }
        return h
    }

    @Test func sameBitsWithAndWithoutFlushing() {
        let wasFlushed = notes_denormals_are_flushed()
        defer { notes_set_denormal_flushing(wasFlushed) }
        notes_set_denormal_flushing(0)
        let plain = Self.digest()
        notes_set_denormal_flushing(1)
        let flushed = Self.digest()
        #expect(plain == flushed, "digest \(String(plain, radix: 16)) without FTZ/DAZ, \(String(flushed, radix: 16)) with")
        #expect(flushed == Self.recorded, "digest \(String(flushed, radix: 16)); recorded \(String(Self.recorded, radix: 16))")
    }

    /// Recorded on an AMD EPYC (Zen 4); any x86-64 or arm64 machine must reproduce it.
    static let recorded: UInt64 = 0x81e4_9f15_3cd9_d0cc
}
