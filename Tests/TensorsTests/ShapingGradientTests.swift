import Testing
@testable import Tensors

/// Reshape, transpose, row gathering, slicing, concatenation, splitting.
@Suite struct ShapingGradientTests {
    @Test func reshapeAndTranspose() {
        let x = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(x.reshaped([3, -1]).shape == [3, 2])
        #expect(x.transposed().scalars == [1, 4, 2, 5, 3, 6])
        let r = randomTensor([3, 4], seed: 21)
        checkGradients([r]) { $0[0].reshaped([2, 6]) * $0[0].reshaped([2, 6]) }
        checkGradients([r]) { $0[0].transposed() }
    }

    @Test func gatherRowsWithRepeats() {
        let x = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        #expect(x.rows([2, 0, 2]).scalars == [5, 6, 1, 2, 5, 6])
        #expect(x.rows(1..<3).scalars == [3, 4, 5, 6])
        checkGradients([randomTensor([4, 3], seed: 22)]) { $0[0].rows([3, 1, 3, 0]) }
    }

    @Test func sliceConcatenateSplit() {
        let a = randomTensor([2, 3], seed: 23), b = randomTensor([2, 2], seed: 24)
        let c = Tensor.concatenate([a, b], axis: 1)
        #expect(c.shape == [2, 5])
        let parts = c.split(sizes: [3, 2], axis: 1)
        #expect(parts[0].scalars == a.scalars && parts[1].scalars == b.scalars)
        checkGradients([a, b]) { Tensor.concatenate([$0[0], $0[1]], axis: 1) }
        checkGradients([a, randomTensor([1, 3], seed: 25)]) { Tensor.concatenate([$0[0], $0[1]], axis: 0) }
        checkGradients([c.copy()]) { t in
            let p = t[0].split(parts: 1, axis: 0)[0].split(sizes: [1, 4], axis: 1)
            return p[0] * p[1]
        }
        checkGradients([randomTensor([2, 3, 4], seed: 26)]) { $0[0].slice(axis: 1, 1..<3) }
    }
}
