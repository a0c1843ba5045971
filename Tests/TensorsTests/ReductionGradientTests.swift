import Testing
@testable import Tensors

/// Reductions: values and gradients over every axis.
@Suite struct ReductionGradientTests {
    static let axes = [0, 1, 2, -1]

    @Test(arguments: axes)
    func sumMeanMaxLogSumExpGradients(_ axis: Int) {
        let x = randomTensor([2, 3, 4], seed: 11)
        // Distinct values ≥ 0.1 apart, so ±h never crosses a tie of `max`.
        let spaced = Tensor(shape: [2, 3, 4], scalars: RandomGenerator(seed: 11).permutation(24).map { Float($0) * 0.1 })
        checkGradients([x]) { $0[0].sum(axis: axis) }
        checkGradients([x]) { $0[0].mean(axis: axis, keepingDimension: true) }
        checkGradients([spaced]) { $0[0].max(axis: axis) }
        checkGradients([x]) { $0[0].logSumExp(axis: axis) }
    }

    @Test func wholeTensorReductions() {
        let x = randomTensor([3, 4], seed: 12)
        checkGradients([x]) { $0[0].sum() }
        checkGradients([x]) { $0[0].mean() }
        checkGradients([Tensor(shape: [3, 4], scalars: (0..<12).map { Float(($0 * 5) % 12) * 0.1 })]) { $0[0].max() }
        checkGradients([x]) { $0[0].logSumExp() }
        checkGradients([x]) { $0[0].logSoftmax(axis: 1) }
    }

    @Test func values() {
        let x = Tensor(shape: [2, 3], scalars: [1, 5, 3, -2, -1, -4])
        #expect(x.sum(axis: 0).scalars == [-1, 4, -1])
        #expect(x.sum(axis: 1).scalars == [9, -7])
        #expect(x.sum(axis: 1, keepingDimension: true).shape == [2, 1])
        #expect(x.max(axis: 1).scalars == [5, -1])
        #expect(abs(x.mean().item() - 1.0 / 3.0) < 1e-6)
        #expect(x.sum().shape == [])
    }

    @Test func logSumExpWithVeryNegativeInputs() {
        let x = Tensor(shape: [2, 2], scalars: [-1000, -1000, -2000, -1999])
        let lse = x.logSumExp(axis: 1).scalars
        #expect(abs(lse[0] - (-1000 + 0.693_147_2)) < 1e-3)
        #expect(abs(lse[1] - (-1999 + 0.313_261_7)) < 1e-3)
        checkGradients([x], step: 1e-1) { $0[0].logSumExp(axis: 1) }
    }

    @Test func logSumExpOfAllNegativeInfinityIsNegativeInfinityWithZeroGradient() {
        let x = Tensor(shape: [1, 3], scalars: [-.infinity, -.infinity, -.infinity], requiresGrad: true)
        let y = x.logSumExp(axis: 1)
        #expect(y.item() == -.infinity)
        y.sum().backward()
        #expect(x.grad?.scalars == [0, 0, 0])
    }

    @Test func logSumExpOfLargeInputsDoesNotOverflow() {
        let x = Tensor([1000, 1000])
        #expect(abs(x.logSumExp().item() - 1000.693_15) < 1e-2)
    }
}
