import Testing
@testable import Tensors

/// Broadcasting arithmetic: values and finite-difference gradients.
@Suite struct ArithmeticGradientTests {
    static let shapePairs: [([Int], [Int])] = [
        ([3, 4], [3, 4]), ([3, 4], [4]), ([3, 4], [1, 4]), ([3, 4], [3, 1]), ([4], [3, 4]),
        ([3, 1], [1, 4]), ([2, 3, 4], [3, 1]), ([], [2, 3]), ([2, 3], []),
    ]

    @Test(arguments: shapePairs)
    func addSubtractMultiplyGradients(_ shapes: ([Int], [Int])) {
        let a = randomTensor(shapes.0, seed: 1), b = randomTensor(shapes.1, seed: 2)
        checkGradients([a, b]) { $0[0] + $0[1] }
        checkGradients([a, b]) { $0[0] - $0[1] }
        checkGradients([a, b]) { $0[0] * $0[1] }
    }

    @Test(arguments: shapePairs)
    func divideGradients(_ shapes: ([Int], [Int])) {
        let a = randomTensor(shapes.0, seed: 3)
        let b = randomTensor(shapes.1, seed: 4, scale: 0.3, shift: 2)  // away from 0
        checkGradients([a, b]) { $0[0] / $0[1] }
    }

    @Test func broadcastValues() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let row = Tensor([10, 20, 30])
        let column = Tensor(shape: [2, 1], scalars: [100, 200])
        #expect((a + row).scalars == [11, 22, 33, 14, 25, 36])
        #expect((a * column).scalars == [100, 200, 300, 800, 1000, 1200])
        #expect((row - column).shape == [2, 3])
        #expect((row - column).scalars == [-90, -80, -70, -190, -180, -170])
        #expect((2 - a).scalars == [1, 0, -1, -2, -3, -4])
        #expect((a / 2).scalars == [0.5, 1, 1.5, 2, 2.5, 3])
    }

    @Test func scalarOperandGradients() {
        let a = randomTensor([3, 2], seed: 5, shift: 3)
        checkGradients([a]) { 3 * $0[0] - 1 }
        checkGradients([a]) { 2 / $0[0] }
        checkGradients([a]) { -$0[0] + 0.5 }
    }

    @Test func reusedOperandAccumulates() {
        let a = randomTensor([4], seed: 6)
        checkGradients([a]) { $0[0] * $0[0] + $0[0] }
    }

    @Test func gradientsAccumulateAcrossBackwardCalls() {
        let a = Tensor([1, 2, 3], requiresGrad: true)
        (a * 2).sum().backward()
        (a * 3).sum().backward()
        #expect(a.grad?.scalars == [5, 5, 5])
        a.zeroGrad()
        #expect(a.grad == nil)
    }

    @Test func noGradRecordsNothing() {
        let a = Tensor([1, 2], requiresGrad: true)
        let b = withNoGrad { a * 2 }
        #expect(!b.requiresGrad)
        #expect(b.isLeaf)
        #expect(GradientMode.isEnabled)
        let c = Tensor.noGrad { a.exp() }
        #expect(!c.requiresGrad)
    }
}
