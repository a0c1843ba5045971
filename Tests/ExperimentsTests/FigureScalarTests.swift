import Testing
@testable import Experiments

/// Scalars that let prose state what a figure shows (ranks, the KL elbow).
@Suite struct FigureScalarTests {
    @Test func ranksAreLowestFirstWithTiesAndNaNLast() {
        #expect(Evaluate.ranks([245.3, 243.1, 250]) == [2, 1, 3])
        #expect(Evaluate.ranks([1, 1, 2]) == [1, 1, 3])
        #expect(Evaluate.ranks([.nan, 2, 1]) == [3, 2, 1])
    }

    @Test func largestDropIsWhereTheSortedKLFallsTheMost() {
        #expect(Evaluate.largestDrop([3.1, 2.9, 2.5, 0.02, 0.01]) == 3)
        #expect(Evaluate.largestDrop([1.0, 0.5, 0.25]) == 1)
        #expect(Evaluate.largestDrop([2.0]) == nil)
        #expect(Evaluate.largestDrop([0, 0]) == nil)
    }
}
