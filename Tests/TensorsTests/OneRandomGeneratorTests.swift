import Testing
@testable import Tensors

/// One bit generator for the whole project: the tensors' `RandomGenerator` and the scalar
/// statistics' `Xoshiro256StarStar` are the same state machine.
@Suite struct OneRandomGeneratorTests {
    @Test func theTensorGeneratorAndTheScalarOneGiveTheSameBits() {
        for seed: UInt64 in [0, 1, 42, .max] {
            let tensors = RandomGenerator(seed: seed)
            var scalar = Xoshiro256StarStar(seed: seed), streamZero = Xoshiro256StarStar(seed: seed, stream: 0)
            for _ in 0..<100 {
                let bits = tensors.next()
                #expect(bits == scalar.next() && bits == streamZero.next())
            }
        }
    }

    @Test func splitMixMatchesItsPublishedFirstOutputs() {
        // SplitMix64 with state 0: the reference implementation's first outputs.
        var mixer = SplitMix64(state: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF && mixer.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(SplitMix64.mix(0x9E37_79B9_7F4A_7C15) == 0xE220_A839_7B1D_CDAF)
    }

    @Test func theUnitIntervalHasFiftyThreeBits() {
        var generator = Xoshiro256StarStar(seed: 7)
        let values = (0..<10_000).map { _ in generator.nextUnit() }
        #expect(values.allSatisfy { $0 >= 0 && $0 < 1 } && Set(values).count == values.count)
    }
}
