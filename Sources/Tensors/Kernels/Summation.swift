import CBLAS

/// Deterministic, vectorized summation.
///
/// Strict IEEE addition keeps `s += x[i]` scalar; these sum eight interleaved partial sums
/// in a `SIMD8<Float>` (fixed order, so results are bitwise reproducible) and reduce them
/// at the end.
enum Summation {
    /// `Σ x[0..<n]`.
    @inline(__always)
    static func sum(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        var acc = SIMD8<Float>()
        var j = 0
        let raw = UnsafeRawPointer(x)
        while j + 8 <= n {
            acc += raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        var tail: Float = 0
        while j < n { tail += x[j]; j += 1 }
        return acc.sum() + tail
    }

    /// `Σ x[i]²`.
    @inline(__always)
    static func sumOfSquares(_ x: UnsafePointer<Float>, count n: Int) -> Float {
        var acc = SIMD8<Float>()
        var j = 0
        let raw = UnsafeRawPointer(x)
        while j + 8 <= n {
            let v = raw.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            acc += v * v
            j += 8
        }
        var tail: Float = 0
        while j < n { tail += x[j] * x[j]; j += 1 }
        return acc.sum() + tail
    }
}

/// `√x` as a single instruction (Swift's `squareRoot()` goes through libm's errno path on
/// Linux, which keeps loops scalar).
@inline(__always)
func fastSquareRoot(_ x: Float) -> Float { notes_sqrtf(x) }
