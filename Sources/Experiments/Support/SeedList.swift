import LatentModels
import Notebook

/// The seeds of a training directive: `seed: 3` (one run, default 1) or `seeds: [1, 2, 3]`
/// (one run per seed, 2…16 distinct seeds), never both.
///
/// With one seed nothing changes: the directive's cache key, table and scalars are those of
/// `seed:`. With several, every seed trains its own model (and, with a training subset, draws
/// its own subset; the test set stays the same), the runs share the build's free workers
/// (`ExperimentContext.concurrentParts`), and each quantity is reported across seeds as
/// `name.mean`, `name.se` (s/√n, s with n − 1) and `name.seed<k>` (see `SeedSummary`).
struct SeedList: Hashable, Sendable {
    var seeds: [Int]
    var isMultiple: Bool { seeds.count > 1 }
    var first: Int { seeds[0] }

    static let maximumCount = 16

    /// The operations of one run per seed together within the work limit (each run alone was
    /// checked already); true when they fit, else reported at the directive.
    func checkWork(of single: ResourceEstimate, on arguments: inout ArgumentReader) -> Bool {
        guard isMultiple else { return true }
        var all = ResourceEstimate()
        all.operations = single.operations.map {
            .init(what: "\(seeds.count) seeds × " + $0.what, value: CheckedSize.product(seeds.count, $0.value),
                  remedy: "use fewer 'seeds', or " + $0.remedy)
        }
        return all.check(on: &arguments)
    }

    /// The configuration of each seed's run.
    func configurations(_ base: TrainingConfiguration) -> [TrainingConfiguration] {
        seeds.map { seed in
            var c = base
            c.seed = UInt64(seed)
            return c
        }
    }
}

extension ArgumentReader {
    mutating func seedList() -> SeedList? {
        guard isWritten("seeds") else {
            let seed = int("seed", default: 1, range: 0...Int.max).map { SeedList(seeds: [$0]) }
            document("seeds", expected: "an array of integers", default: "",
                     constraint: "2…\(SeedList.maximumCount) distinct seeds, one model each; not with 'seed'")
            return seed
        }
        if let both = presence("seed") {
            _ = ints("seeds", range: 0...Int.max)
            report("invalid-value", "\(owner) takes either 'seed' or 'seeds', not both", at: both,
                   suggestion: "remove 'seed:'; 'seeds:' lists every seed that is trained")
            return nil
        }
        guard let seeds = ints("seeds", range: 0...Int.max) else { return nil }
        let at = location(of: "seeds") ?? anchor
        if seeds.count < 2 || seeds.count > SeedList.maximumCount {
            report("invalid-value", "'seeds' of \(owner) needs 2…\(SeedList.maximumCount) seeds, found \(seeds.count)",
                   at: at, suggestion: seeds.count < 2 ? "write 'seed: \(seeds.first ?? 1)' for a single run" : "use fewer seeds")
            return nil
        }
        if Set(seeds).count != seeds.count {
            report("invalid-value", "'seeds' of \(owner) lists the same seed twice", at: at,
                   suggestion: "every seed must differ, e.g. 'seeds: [1, 2, 3]'")
            return nil
        }
        return SeedList(seeds: seeds)
    }
}

/// One quantity measured once per seed: its mean and the standard error of that mean.
struct SeedSummary: Equatable, Sendable {
    var values: [Double]
    var mean: Double { Statistics.mean(values) }
    /// s / √n across seeds; NaN for one seed.
    var standardError: Double { Statistics.standardError(values) }

    init(_ values: [Double]) { self.values = values }

    /// `name.mean`, `name.se` and `name.seed<k>` for every seed k.
    func scalars(_ name: String, seeds: [Int]) -> [String: Double] {
        precondition(seeds.count == values.count, "SeedSummary: \(values.count) values for \(seeds.count) seeds")
        var out = ["\(name).mean": mean, "\(name).se": standardError]
        for (seed, value) in zip(seeds, values) { out["\(name).seed\(seed)"] = value }
        return out
    }
}

/// Moves a non-Sendable value (a trained model) out of the thread that made it, once that
/// thread has finished (`concurrentParts` returns after every part is done).
struct Handoff<Value>: @unchecked Sendable {
    let value: Value
}
