/// Elementary functions in plain IEEE arithmetic, so that results do not depend on the C
/// library.
///
/// glibc's `exp`, `log`, `sin`, `tanhf`, … change between versions (2.28 replaced `exp`/`log`,
/// 2.41 made many `float` functions correctly rounded) and pick FMA or non-FMA code by CPU;
/// macOS has its own. A course page must show the same number wherever it is built, so every
/// elementary function the numerics use is computed here: additions, multiplications,
/// divisions and square roots only (all exactly specified by IEEE 754), in a fixed order,
/// with no fused multiply–add (Swift never contracts `a * b + c`).
///
/// The algorithms are the classic ones of fdlibm/FreeBSD msun (Cody–Waite range reduction,
/// Remez polynomials); accuracy is within 2 ulp of the exact value on the ranges the tests
/// sweep, which is what the numerics need. `Float` overloads evaluate in `Double` and
/// round once. Results below the normal range are flushed to zero, as the training code runs
/// with FTZ/DAZ: the same bits whatever a thread's MXCSR.
public enum PortableMath {
    static let ln2Hi = 6.931_471_803_691_238_164_90e-01
    static let ln2Lo = 1.908_214_929_270_587_700_02e-10
    static let invLn2 = 1.442_695_040_888_963_387_00e+00
    static let ln10 = 2.302_585_092_994_045_684_0

    /// `x`, or a signed 0 if `x` is subnormal: what DAZ does to an input and FTZ to a result,
    /// done explicitly so the bits never depend on the calling thread's MXCSR.
    @inline(__always)
    static func flushed(_ x: Double) -> Double {
        Swift.abs(x) < Double.leastNormalMagnitude ? (x.sign == .minus ? -0.0 : 0.0) : x
    }

    // MARK: exp, expm1

    /// `eˣ`. Overflows to +∞ above 709.78; results below 2⁻¹⁰²² are 0.
    public static func exp(_ x: Double) -> Double {
        let x = flushed(x)
        if x != x { return x }
        if x > 709.782_712_893_383_973_096 { return .infinity }
        if x < -708.396_418_532_264_106_2 { return 0 }  // below the normal range: flushed
        let ax = Swift.abs(x)
        if ax < 0x1p-28 { return 1 + x }
        var hi = x, lo = 0.0, k = 0
        if ax > 0.346_573_590_279_972_654_7 {  // ln2 / 2
            if ax < 1.039_720_770_839_917_964_1 {  // 3 ln2 / 2
                k = x > 0 ? 1 : -1
            } else {
                k = Int((invLn2 * x + (x > 0 ? 0.5 : -0.5)).rounded(.towardZero))
            }
            hi = x - Double(k) * ln2Hi
            lo = Double(k) * ln2Lo
        }
        let r = hi - lo
        let t = r * r
        let c = r - t * (1.666_666_666_666_660_190_37e-01 + t * (-2.777_777_777_701_559_338_42e-03
                 + t * (6.613_756_321_437_934_361_17e-05 + t * (-1.653_390_220_546_525_153_90e-06
                 + t * 4.138_136_797_057_238_460_39e-08))))
        if k == 0 { return 1 - ((r * c) / (c - 2) - r) }
        let y = 1 - ((lo - (r * c) / (2 - c)) - hi)
        return scaled(y, byPowerOfTwo: k)
    }

    /// `y · 2ᵏ`, exact whenever the result is normal (two steps, so 2ᵏ itself never overflows).
    @inline(__always)
    static func scaled(_ y: Double, byPowerOfTwo k: Int) -> Double {
        let k1 = k / 2, k2 = k - k1
        let r = y * Double(sign: .plus, exponent: k1, significand: 1) * Double(sign: .plus, exponent: k2, significand: 1)
        return Swift.abs(r) < Double.leastNormalMagnitude ? 0 : r
    }

    /// `eˣ − 1`, accurate near 0 (Kahan's `(u − 1)·x / log u`).
    public static func expm1(_ x: Double) -> Double {
        let x = flushed(x)
        if x != x { return x }
        if x > 709.782_712_893_383_973_096 { return .infinity }
        if x < -40 { return -1 }
        let u = exp(x)
        if Swift.abs(x) > 0.5 { return u - 1 }
        if u == 1 { return x }
        let um1 = u - 1
        return um1 * x / log(u)
    }

    // MARK: log, log1p, log10

    /// Natural logarithm: NaN below 0, −∞ at 0, +∞ at +∞.
    public static func log(_ x: Double) -> Double {
        let x = flushed(x)
        if x != x || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x == .infinity { return x }
        var k = 0
        let bits = x.bitPattern
        var hx = Int64(bits >> 32)
        k += Int(hx >> 20) - 1023
        hx &= 0x000f_ffff
        // Normalise the significand into [√2/2, √2): m = 1 + f.
        let i = (hx + 0x95f64) & 0x10_0000
        let high = UInt64(hx | (i ^ 0x3ff0_0000)) << 32
        let f = Double(bitPattern: high | (bits & 0xffff_ffff)) - 1
        k += Int(i >> 20)
        let s = f / (2 + f)
        let dk = Double(k)
        let z = s * s, w = z * z
        let t1 = w * (3.999_999_999_940_941_908e-01 + w * (2.222_219_843_214_978_396e-01 + w * 1.531_383_769_920_937_332e-01))
        let t2 = z * (6.666_666_666_666_735_130e-01 + w * (2.857_142_874_366_239_149e-01
                 + w * (1.818_357_216_161_805_012e-01 + w * 1.479_819_860_511_658_591e-01)))
        let r = t2 + t1
        let hfsq = 0.5 * f * f
        return dk * ln2Hi - ((hfsq - (s * (hfsq + r) + dk * ln2Lo)) - f)
    }

    /// `log(1 + x)`, accurate near 0 (Goldberg's `log(u)·x/(u − 1)`).
    public static func log1p(_ x: Double) -> Double {
        let x = flushed(x)
        if x != x || x < -1 { return .nan }
        if x == -1 { return -.infinity }
        let u = 1 + x
        if u == 1 { return x }
        if u == .infinity { return u }
        return log(u) * (x / (u - 1))
    }

    /// Base-10 logarithm; exact at powers of ten (axes rely on it).
    public static func log10(_ x: Double) -> Double {
        let e = log(x) / ln10
        guard e.isFinite else { return e }
        let n = e.rounded()
        if Swift.abs(n) <= 300, pow(10, n) == x { return n }
        return e
    }

    // MARK: pow

    /// `xʸ`. Integer exponents up to 1024 in magnitude use exact binary powering (so `10ⁿ` is
    /// exact up to 10²², and `10⁻ⁿ` one rounding away), others `exp(y·log x)`.
    public static func pow(_ x: Double, _ y: Double) -> Double {
        let x = flushed(x), y = flushed(y)
        if y == 0 { return 1 }
        if x != x || y != y { return .nan }
        if y == y.rounded(), Swift.abs(y) <= 1024 {
            var n = Int(Swift.abs(y)), base = x, result = 1.0
            while n > 0 {
                // Flushing every product keeps the chain in the normal range, MXCSR or not.
                if n & 1 == 1 { result = flushed(result * base) }
                n >>= 1
                if n > 0 { base = flushed(base * base) }
            }
            return y < 0 ? flushed(1 / result) : result
        }
        if x < 0 { return .nan }
        if x == 0 { return y > 0 ? 0 : .infinity }
        return exp(y * log(x))
    }

    // MARK: tanh

    /// Hyperbolic tangent, through `expm1`.
    public static func tanh(_ x: Double) -> Double {
        let x = flushed(x)
        if x != x { return x }
        let ax = Swift.abs(x)
        let z: Double
        if ax > 22 {
            z = 1
        } else if ax < 0x1p-28 {
            return x
        } else if ax >= 1 {
            z = 1 - 2 / (expm1(2 * ax) + 2)
        } else {
            let t = expm1(-2 * ax)
            z = -t / (t + 2)
        }
        return x < 0 ? -z : z
    }

    // MARK: sin, cos

    /// Sine. Arguments are reduced by π/2 in three exact steps, accurate for |x| < 2¹⁹·π/2.
    public static func sin(_ x: Double) -> Double {
        let x = flushed(x)
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduced(x)
        switch quadrant {
        case 0: return sinKernel(r)
        case 1: return cosKernel(r)
        case 2: return -sinKernel(r)
        default: return -cosKernel(r)
        }
    }

    /// Cosine (same reduction as `sin`).
    public static func cos(_ x: Double) -> Double {
        let x = flushed(x)
        guard x.isFinite else { return .nan }
        let (r, quadrant) = reduced(x)
        switch quadrant {
        case 0: return cosKernel(r)
        case 1: return -sinKernel(r)
        case 2: return -cosKernel(r)
        default: return sinKernel(r)
        }
    }

    /// `x = k·π/2 + r` with |r| ≲ π/4, and `k mod 4`. Each π/2 piece has 33 significant bits,
    /// so `k · piece` is exact for |k| < 2²⁰.
    static func reduced(_ x: Double) -> (Double, Int) {
        if Swift.abs(x) < 0.785_398_163_397_448_279 { return (x, 0) }
        let k = (x * 6.366_197_723_675_813_824_33e-01).rounded()
        let r = ((x - k * 1.570_796_326_734_125_614_17e+00) - k * 6.077_100_506_303_965_976_60e-11)
            - k * 2.022_266_248_711_166_455_80e-21
        let n = Int(k.truncatingRemainder(dividingBy: 4))
        return (r, (n + 4) & 3)
    }

    @inline(__always)
    static func sinKernel(_ x: Double) -> Double {
        let z = x * x
        let r = 8.333_333_333_322_489_461_24e-03 + z * (-1.984_126_982_985_794_931_34e-04
                + z * (2.755_731_370_707_006_767_89e-06 + z * (-2.505_076_025_340_686_341_95e-08
                + z * 1.589_690_995_211_550_102_21e-10)))
        let v = z * x
        return x + v * (-1.666_666_666_666_663_243_48e-01 + z * r)
    }

    @inline(__always)
    static func cosKernel(_ x: Double) -> Double {
        let z = x * x
        let r = z * (4.166_666_666_666_660_190_37e-02 + z * (-1.388_888_888_887_410_957_49e-03
                + z * (2.480_158_728_947_672_941_78e-05 + z * (-2.755_731_435_139_066_330_35e-07
                + z * (2.087_572_321_298_174_827_90e-09 + z * -1.135_964_755_778_819_482_65e-11)))))
        let hz = 0.5 * z
        let w = 1 - hz
        return w + (((1 - w) - hz) + z * r)
    }

    // MARK: erfc

    /// The complementary error function: a series of `erf` with positive terms below 2, a continued
    /// fraction (fixed depth, evaluated backwards) above. Relative error ≲ 2·10⁻¹³ (the subtraction 1 − erf near 2 costs two digits).
    public static func erfc(_ x: Double) -> Double {
        let x = flushed(x)
        if x != x { return x }
        if x < 0 { return 2 - erfc(-x) }
        if x > 27 { return 0 }
        if x < 2 {
            // erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x²ⁿ⁺¹ / (2n + 1)!!, all terms positive.
            let x2 = x * x
            var term = x, sum = x, n = 0.0
            repeat {
                n += 1
                term *= 2 * x2 / (2 * n + 1)
                sum += term
            } while term > 1e-17 * sum && n < 200
            return 1 - 1.128_379_167_095_512_573_9 * exp(-x2) * sum
        }
        // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
        var tail = x
        for m in stride(from: 120, through: 1, by: -1) {
            tail = x + (Double(m) / 2) / tail
        }
        return flushed(exp(-x * x) / (1.772_453_850_905_516_027_3 * tail))
    }
}

// MARK: Float

extension PortableMath {
    // Each `Float` function is its `Double` counterpart, rounded once; a result below
    // Float's normal range becomes a signed 0, with or without FTZ on the thread.
    @inline(__always)
    static func single(_ x: Double) -> Float {
        // Rounding to Float below its normal range would itself obey FTZ: flush first.
        if Swift.abs(x) < Double(Float.leastNormalMagnitude) { return x.sign == .minus ? -0.0 : 0.0 }
        let f = Float(x)
        return f.exponentBitPattern == 0 ? Float(sign: f.sign, exponent: 0, significand: 0) : f
    }

    /// A subnormal `Float` input as a signed 0, whatever DAZ says (widening obeys DAZ).
    @inline(__always)
    static func wide(_ x: Float) -> Double {
        Swift.abs(x) < Float.leastNormalMagnitude ? (x.sign == .minus ? -0.0 : 0.0) : Double(x)
    }

    public static func exp(_ x: Float) -> Float { single(exp(wide(x))) }
    public static func expm1(_ x: Float) -> Float { single(expm1(wide(x))) }
    public static func log(_ x: Float) -> Float { single(log(wide(x))) }
    public static func log1p(_ x: Float) -> Float { single(log1p(wide(x))) }
    public static func tanh(_ x: Float) -> Float { single(tanh(wide(x))) }
    public static func sin(_ x: Float) -> Float { single(sin(wide(x))) }
    public static func cos(_ x: Float) -> Float { single(cos(wide(x))) }
    public static func pow(_ x: Float, _ y: Float) -> Float { single(pow(wide(x), wide(y))) }
}
