import Foundation

extension ExperimentContext {
    /// Runs `count` independent parts of the work (one training run per seed, say) and returns
    /// their results in index order, whatever order they finished in.
    ///
    /// Parts run concurrently on the build's free worker slots (`--jobs`), never more than
    /// the build allows, and one after another when no slot is free or outside a build. Each
    /// part's context counts for 1/count of this one's work, its progress adding to the others'
    /// (so the `timeout` message's fraction done stays right while parts run side by side). Results must not depend on which
    /// thread ran a part (the numeric code guarantees it: see `GEMMPlan`). When a part throws,
    /// parts not yet started are skipped and the error of the lowest failing index is thrown.
    public func concurrentParts<T: Sendable>(_ count: Int,
                                             _ body: @escaping @Sendable (Int, ExperimentContext) throws -> T) throws -> [T] {
        guard count > 0 else { return [] }
        let box = PartResults<T>(count)
        reportProgress(0)
        let firstSlot = tracker.newSlots(count)
        let parts = (0..<count).map { index in
            var part = self
            part.progressSlot = firstSlot + index
            part.fractionOffset = 0
            part.fractionScale = fractionScale / Double(count)
            return part
        }
        let work: @Sendable () -> Void = {
            while let index = box.claim() {
                do { box.store(.success(try body(index, parts[index])), at: index) } catch {
                    box.store(.failure(error), at: index)
                }
            }
        }
        let helpers = workers?.borrow(upTo: count - 1) ?? 0
        let group = DispatchGroup()
        for _ in 0..<helpers {
            group.enter()
            let thread = Thread { [workers] in
                work()
                workers?.release()
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        work()
        group.wait()
        return try box.results()
    }
}

/// Hands out part indices and collects each part's outcome (thread-safe).
private final class PartResults<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [Result<T, any Error>?]
    private var nextIndex = 0
    private var failed = false

    init(_ count: Int) { outcomes = Array(repeating: nil, count: count) }

    /// The next part to run; nil when all have started or one has failed.
    func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard !failed, nextIndex < outcomes.count else { return nil }
        defer { nextIndex += 1 }
        return nextIndex
    }

    func store(_ outcome: Result<T, any Error>, at index: Int) {
        lock.lock(); defer { lock.unlock() }
        outcomes[index] = outcome
        if case .failure = outcome { failed = true }
    }

    func results() throws -> [T] {
        lock.lock(); defer { lock.unlock() }
        var values: [T] = []
        for outcome in outcomes {
            switch outcome {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: throw error
            case nil: break // skipped after an earlier failure; that failure is thrown first
            }
        }
        return values
    }
}
