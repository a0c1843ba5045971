/// Branch-free `exp` and `log1p` on Float32 that the compiler vectorizes.
///
/// libm's `expf`/`log1pf` are opaque calls that keep a loop scalar; these use Cephes-style
/// range reduction and minimax polynomials in plain arithmetic (relative error ≲ 2 ulp
/// on the normal range), so loops over them become AVX code. Special values: `exp(+inf)
/// = +inf`, `exp(x > 88.72) = +inf`, `exp(x < −87.33) = 0` (the denormal range, which is
/// flushed anyway), `exp(NaN) = NaN`.
enum VectorMath {
    /// `eˣ` for one element (inlined into loops).
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let hi: Float = 88.72283, lo: Float = -87.33654
        let xc = x > hi ? hi : (x < lo ? lo : x)
        // n = round(x / ln 2) via the 1.5·2²³ trick: n sits in t's low mantissa bits.
        let magic: Float = 12_582_912
        let t = xc * 1.442_695_04 + magic
        let n = t - magic
        let k = Int32(bitPattern: t.bitPattern) &- Int32(bitPattern: magic.bitPattern)
        let r = xc - n * 0.693_359_375 + n * 2.121_944_4e-4
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 0.166_666_655
        p = p * r + 0.500_000_01
        let y = p * r * r + r + 1
        // 2ⁿ = 2·2ⁿ⁻¹ keeps the exponent field in range for n ∈ [−125, 128].
        let scale = Float(bitPattern: UInt32(bitPattern: (k &+ 126) &<< 23))
        let v = y * scale * 2
        return x != x ? x : (x > hi ? .infinity : (x < lo ? 0 : v))
    }

    /// `log(1 + x)` for `x ∈ [0, 1]` (the softplus tail term), with the log1p correction
    /// `log(u) + (x − (u − 1))/u` for `u = 1 + x`.
    @inline(__always)
    static func log1pSmall(_ x: Float) -> Float {
        let u = 1 + x
        let bits = u.bitPattern
        var e = Float(Int32(bitPattern: (bits >> 23) & 0xff) &- 126)
        var m = Float(bitPattern: (bits & 0x807f_ffff) | 0x3f00_0000)  // [0.5, 1)
        let small = m < 0.707_106_77
        e = small ? e - 1 : e
        m = small ? m + m - 1 : m - 1
        let z = m * m
        var p: Float = 7.037_683_6e-2
        p = p * m - 0.115_146_1
        p = p * m + 0.116_769_99
        p = p * m - 0.124_201_41
        p = p * m + 0.142_493_23
        p = p * m - 0.166_680_58
        p = p * m + 0.200_007_15
        p = p * m - 0.249_999_94
        p = p * m + 0.333_333_31
        var y = p * m * z
        y += -2.121_944_4e-4 * e
        y += -0.5 * z
        let logU = m + y + 0.693_359_375 * e
        return logU + (x - (u - 1)) / u
    }

    /// `out[i] = Self.exp(−|x[i]|)`.
    static func exp(negativeAbsoluteOf x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count n: Int) {
        for i in 0..<n { out[i] = Self.exp(-Swift.abs(x[i])) }
    }

    /// `out[i] = Self.exp(−x[i])`.
    static func exp(negated x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count n: Int) {
        for i in 0..<n { out[i] = Self.exp(-x[i]) }
    }

    /// `out[i] = Self.exp(scale · x[i])`.
    static func exp(_ x: UnsafePointer<Float>, scale: Float = 1, into out: UnsafeMutablePointer<Float>, count n: Int) {
        for i in 0..<n { out[i] = Self.exp(scale * x[i]) }
    }
}
