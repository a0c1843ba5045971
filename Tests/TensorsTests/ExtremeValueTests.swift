import Foundation
import Testing
@testable import Tensors

/// IEEE behaviour at the edges: ±0, ±inf, NaN, overflow and underflow.
@Suite struct ExtremeValueTests {
    @Test func logAtZeroNegativeAndInfinity() {
        let y = Tensor([0, -0.0, -1, .infinity, .nan]).log().scalars
        #expect(y[0] == -.infinity && y[1] == -.infinity)
        #expect(y[2].isNaN && y[4].isNaN)
        #expect(y[3] == .infinity)
        let z = Tensor([-1, -2, 0]).log1p().scalars
        #expect(z[0] == -.infinity && z[1].isNaN && z[2] == 0)
    }

    @Test func expOverflowAndUnderflow() {
        let y = Tensor([89, 1000, -104, -1000, .infinity, -.infinity, .nan, 0]).exp().scalars
        #expect(y[0] == .infinity && y[1] == .infinity && y[4] == .infinity)
        #expect(y[2] == 0 && y[3] == 0 && y[5] == 0)
        #expect(y[6].isNaN)
        #expect(y[7] == 1)
    }

    @Test func vectorExpIsAccurate() {
        var worst: Float = 0
        for i in -8700..<8800 {
            let x = Float(i) / 100
            let exact = Float(Foundation.exp(Double(x)))
            let approx = VectorMath.exp(x)
            if exact > 1e-37 { worst = max(worst, abs(approx - exact) / exact) }
        }
        #expect(worst < 1e-6)
    }

    @Test func vectorLog1pIsAccurate() {
        var worst: Float = 0
        for i in 0...10_000 {
            let x = Float(i) / 10_000
            let exact = Float(Foundation.log1p(Double(x)))
            if exact > 0 { worst = max(worst, abs(VectorMath.log1pSmall(x) - exact) / exact) }
        }
        #expect(worst < 1e-6)
        #expect(VectorMath.log1pSmall(1e-30) == 1e-30)
    }

    @Test func softplusAndSigmoidSaturateWithoutNaN() {
        let x = Tensor([1000, -1000, 20, -20, .infinity, -.infinity, 0], requiresGrad: true)
        let sp = x.softplus()
        #expect(sp.scalars[0] == 1000 && sp.scalars[1] == 0 && sp.scalars[4] == .infinity && sp.scalars[5] == 0)
        #expect(abs(sp.scalars[6] - 0.693_147_2) < 1e-6)
        sp.sum().backward()
        let sigma20 = Float(1 / (1 + Foundation.exp(-20.0)))
        #expect(isClose(x.grad?.scalars ?? [], [1, 0, sigma20, 1 - sigma20, 1, 0, 0.5], tolerance: 1e-6))
        let s = Tensor([1000, -1000, 0]).sigmoid().scalars
        #expect(s == [1, 0, 0.5])
    }

    @Test func denormalsAreFlushed() {
        _ = Tensor([1]).exp()  // any op flushes this thread
        #expect(Denormals.areFlushedOnThisThread)
        let tiny = Tensor([Float.leastNormalMagnitude]) * 0.25
        #expect(tiny.item() == 0)
    }

    @Test func divisionByZeroFollowsIEEE() {
        let y = (Tensor([1, -1, 0]) / Tensor([0, 0, 0])).scalars
        #expect(y[0] == .infinity && y[1] == -.infinity && y[2].isNaN)
    }
}
