import Foundation
import Testing
@testable import PortableMath

/// Distance in units in the last place between two finite doubles of the same sign.
func ulps(_ a: Double, _ b: Double) -> Double {
    if a == b { return 0 }
    guard a.isFinite, b.isFinite else { return .infinity }
    return Swift.abs(a - b) / max(a.ulp, b.ulp)
}

/// A fixed-seed sweep of `count` values between `low` and `high`, ends included.
func sweep(_ low: Double, _ high: Double, count: Int = 20_000) -> [Double] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var values = [low, high]
    for _ in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        values.append(low + (high - low) * Double(state >> 11) / Double(1 << 53))
    }
    return values
}

/// Each function is compared with the C library (which may differ from it by an ulp or
/// two: that is the point of not using it) over wide sweeps.
@Suite struct AccuracyAgainstTheCLibrary {
    func worst(_ mine: (Double) -> Double, _ libm: (Double) -> Double, _ xs: [Double]) -> (Double, Double) {
        var worst = (0.0, 0.0)
        for x in xs {
            let e = ulps(mine(x), libm(x))
            if e > worst.0 { worst = (e, x) }
        }
        return worst
    }

    @Test func exp() {
        let (e, x) = worst(PortableMath.exp, Foundation.exp, sweep(-700, 709) + sweep(-2, 2) + sweep(-1e-6, 1e-6))
        #expect(e <= 1, "exp: \(e) ulp at \(x)")
    }

    @Test func expm1() {
        let (e, x) = worst(PortableMath.expm1, Foundation.expm1, sweep(-30, 700) + sweep(-0.5, 0.5) + sweep(-1e-9, 1e-9))
        #expect(e <= 3, "expm1: \(e) ulp at \(x)")
    }

    @Test func log() {
        let (e, x) = worst(PortableMath.log, Foundation.log, sweep(1e-300, 1e-290) + sweep(0.5, 2) + sweep(0.999, 1.001) + sweep(1, 1e300))
        #expect(e <= 1, "log: \(e) ulp at \(x)")
    }

    @Test func log1p() {
        let (e, x) = worst(PortableMath.log1p, Foundation.log1p, sweep(-0.999, 1) + sweep(-1e-8, 1e-8) + sweep(1, 1e10))
        #expect(e <= 3, "log1p: \(e) ulp at \(x)")
    }

    @Test func tanh() {
        let (e, x) = worst(PortableMath.tanh, Foundation.tanh, sweep(-25, 25) + sweep(-1e-3, 1e-3))
        #expect(e <= 3, "tanh: \(e) ulp at \(x)")
    }

    @Test func sinAndCos() {
        let xs = sweep(-100, 100) + sweep(-1, 1) + sweep(-1e5, 1e5)
        let (s, sx) = worst(PortableMath.sin, Foundation.sin, xs)
        let (c, cx) = worst(PortableMath.cos, Foundation.cos, xs)
        // Near a zero the ulp of the result is tiny; measure against the ulp of 1 there.
        let absolute = xs.map { Swift.abs(PortableMath.sin($0) - Foundation.sin($0)) }.max()!
        #expect(absolute <= 2.3e-16, "sin absolute error \(absolute)")
        #expect(s <= 2 || Swift.abs(Foundation.sin(sx)) < 1e-3, "sin: \(s) ulp at \(sx)")
        #expect(c <= 2 || Swift.abs(Foundation.cos(cx)) < 1e-3, "cos: \(c) ulp at \(cx)")
    }

    @Test func erfc() {
        var worst = 0.0, at = 0.0
        for x in sweep(-6, 26) {
            let want = Foundation.erfc(x)
            guard want > 1e-300 else { continue }
            let e = Swift.abs(PortableMath.erfc(x) - want) / want
            if e > worst { worst = e; at = x }
        }
        #expect(worst < 2e-13, "erfc relative error \(worst) at \(at)")
    }

    @Test func powAndLog10() {
        for n in -22...22 { #expect(PortableMath.pow(10, Double(n)) == Foundation.pow(10, Double(n)), "10^\(n)") }
        for n in -300...300 { #expect(PortableMath.log10(PortableMath.pow(10, Double(n))) == Double(n), "log10 10^\(n)") }
        let (e, x) = worst({ PortableMath.pow($0, 0.37) }, { Foundation.pow($0, 0.37) }, sweep(1e-3, 1e3))
        #expect(e <= 4, "pow: \(e) ulp at \(x)")
        #expect(PortableMath.pow(-2.0, 3.0) == -8 && PortableMath.pow(-2.0, 0.5).isNaN && PortableMath.pow(0.0, -1.0) == Double.infinity)
    }

    @Test func floatOverloadsRoundOnce() {
        for x in sweep(-20, 20, count: 2000) {
            let f = Float(x)
            #expect(PortableMath.exp(f) == Float(PortableMath.exp(Double(f))) || PortableMath.exp(f) == 0)
            #expect(Swift.abs(PortableMath.tanh(f) - Foundation.tanh(f)) <= Foundation.tanh(f).magnitude.ulp + Float.leastNormalMagnitude)
        }
    }
}

@Suite struct SpecialValues {
    @Test func edges() {
        typealias M = PortableMath
        let exp: (Double) -> Double = M.exp, log: (Double) -> Double = M.log, log1p: (Double) -> Double = M.log1p
        let expm1: (Double) -> Double = M.expm1, tanh: (Double) -> Double = M.tanh, erfc: (Double) -> Double = M.erfc
        let sin: (Double) -> Double = M.sin, cos: (Double) -> Double = M.cos
        #expect(exp(.nan).isNaN && exp(.infinity) == .infinity && exp(-.infinity) == 0)
        #expect(exp(0) == 1 && exp(710) == .infinity && exp(-709) == 0)
        #expect(log(0) == -.infinity && log(-1).isNaN && log(1) == 0)
        #expect(log(.infinity) == .infinity && log(.leastNonzeroMagnitude) == -.infinity)
        #expect(log1p(-1) == -.infinity && log1p(-2).isNaN && log1p(1e-300) == 1e-300)
        #expect(expm1(1e-300) == 1e-300 && expm1(-1000) == -1 && expm1(1000) == .infinity)
        #expect(tanh(30) == 1 && tanh(-30) == -1 && tanh(-0.0).sign == .minus)
        #expect(sin(.infinity).isNaN && cos(.nan).isNaN && sin(0) == 0)
        #expect(erfc(0) == 1 && erfc(30) == 0 && erfc(-30) == 2)
        // Float results below the normal range are zero, never subnormal.
        #expect(PortableMath.exp(Float(-100)) == 0 && PortableMath.exp(Float(-87)) > 0)
    }
}
