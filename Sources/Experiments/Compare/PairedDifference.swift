import LatentModels

/// Mean and paired standard error of the differences `a[i] − b[i]`.
struct PairedDifference: Codable, Equatable, Sendable {
    var n: Int
    var firstMean: Double
    var secondMean: Double
    var difference: Double
    /// `s_d / √n`, with `s_d` the sample standard deviation (n − 1) of the differences; NaN for n < 2.
    var standardError: Double
    var z: Double { standardError > 0 ? difference / standardError : (difference == 0 ? 0 : .nan) }

    init(_ a: [Double], _ b: [Double]) {
        precondition(a.count == b.count, "PairedDifference: \(a.count) and \(b.count) values")
        let d = zip(a, b).map { $0 - $1 }
        n = d.count
        firstMean = Statistics.mean(a)
        secondMean = Statistics.mean(b)
        difference = Statistics.mean(d)
        standardError = Statistics.standardDeviation(d) / Double(n).squareRoot()
    }
}

/// A paired comparison repeated for every training seed of two models trained with the same
/// seeds: the seeds' differences, and two standard errors of their mean.
///
/// `testSE` is the paired standard error of the seed-averaged per-example differences (the
/// uncertainty of the test sample); `seedSE` is s/√K of the K per-seed mean differences (the
/// uncertainty of training: another set of seeds would move the difference by about that).
/// They measure different noise, so the combined standard error is √(testSE² + seedSE²).
struct SeedPairedDifference: Codable, Equatable, Sendable {
    var seeds: [Int]
    var perSeed: [PairedDifference]
    /// The comparison of the seed-averaged per-example values.
    var pooled: PairedDifference

    init(_ perSeed: [PairedDifference], seeds: [Int], pooled: PairedDifference) {
        precondition(perSeed.count == seeds.count && seeds.count >= 2, "SeedPairedDifference needs one comparison per seed, at least two")
        self.seeds = seeds
        self.perSeed = perSeed
        self.pooled = pooled
    }

    var difference: Double { pooled.difference }
    var testSE: Double { pooled.standardError }
    var seedSE: Double { Statistics.standardError(perSeed.map(\.difference)) }
    var standardError: Double { (testSE * testSE + seedSE * seedSE).squareRoot() }
    var z: Double { standardError > 0 ? difference / standardError : (difference == 0 ? 0 : .nan) }
}
