import Dispatch
import Foundation
import Testing
import Notebook
@testable import Experiments

/// `timeout:` stops a directive within about twice its value, even mid-loop, and the
/// suggested limit comes from the measured progress.
@Suite(.serialized) struct TimeLimitTests {
    /// Runs `source` under `limit` seconds; returns the failure and the seconds it took.
    func timedOut(_ source: String, limit: Double) -> (ExperimentFailure?, Double) {
        let start = DispatchTime.now().uptimeNanoseconds
        var failure: ExperimentFailure?
        do { _ = try runBlock(source, timeLimit: limit) } catch let error as ExperimentFailure { failure = error } catch {}
        return (failure, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }

    /// The number in `'timeout: N'`.
    func suggested(_ failure: ExperimentFailure?) -> Double? {
        guard let s = failure?.suggestion, let r = s.range(of: "'timeout: ") else { return nil }
        return Double(s[r.upperBound...].prefix { $0.isNumber })
    }

    @Test(arguments: [
        // A long training run (many small steps).
        #"@Train(id: "v", data: .synthetic(set: .ring(components: 4), train: 20000, test: 200), latent: 2, hidden: 64, layers: 2, batch: 16, epochs: 200)"#,
        // Long Monte-Carlo loops.
        #"@KLVariance(posterior: .gaussian(mean: [0.5, 0.1], std: [1, 2]), prior: .mixture(means: [[0, 0], [1, 1]], stds: [[1, 1], [1, 1]]), samples: [100000], repeats: 1000)"#,
        #"@GradientVariance(mean: [0, 0], std: [1, 1], samples: [100000], repeats: 250)"#,
        // EM on many points.
        #"@MixtureFit(data: .synthetic(set: .ring(components: 8), train: 60000, test: 100), components: [100], vae: false)"#,
    ])
    func stopsWithinTwiceItsLimitAndSuggestsEnough(source: String) throws {
        let limit = 0.5
        let (failure, elapsed) = timedOut(source, limit: limit)
        #expect(failure?.id == "timeout")
        #expect(elapsed < 2 * limit + 0.5, "took \(elapsed) s for a limit of \(limit) s")
        let suggestion = try #require(suggested(failure), "\(failure?.suggestion ?? "no suggestion")")
        #expect(suggestion > elapsed)
    }

    @Test func suggestionFollowsTheMeasuredFraction() throws {
        let context = ExperimentContext(timeLimit: 0.05)
        context.part(1, of: 2).reportProgress(0.5)
        Thread.sleep(forTimeInterval: 0.1)
        let failure = #expect(throws: ExperimentFailure.self) { try context.checkDeadline() }
        #expect(failure?.message.contains("75% done") == true)
        #expect(suggested(failure) == 2)
        // Unknown progress: no number.
        let unknown = ExperimentContext(timeLimit: 0.01)
        Thread.sleep(forTimeInterval: 0.02)
        let plain = #expect(throws: ExperimentFailure.self) { try unknown.checkDeadline() }
        #expect(plain?.suggestion?.contains("raise 'timeout:'") == true && suggested(plain) == nil)
    }
}
