import Foundation

/// The `jobs` places where work runs at once in one build.
///
/// Each runner worker holds a slot while it runs a directive; a directive whose work splits
/// into independent parts (one training run per seed) borrows the slots that are free at that
/// moment, so an idle worker's core trains a second seed instead of waiting, and the build
/// never runs more than `jobs` things at once. Borrowing never waits: with no free slot the
/// parts run one after another on the directive's own thread.
final class WorkerSlots: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: Int

    init(_ count: Int) {
        precondition(count >= 1, "WorkerSlots needs at least one slot, got \(count)")
        free = count
    }

    /// Takes a slot, waiting until one is free.
    func acquire() {
        condition.lock()
        while free == 0 { condition.wait() }
        free -= 1
        condition.unlock()
    }

    /// Takes up to `count` free slots without waiting; returns how many it took.
    func borrow(upTo count: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        let taken = min(max(count, 0), free)
        free -= taken
        return taken
    }

    func release(_ count: Int = 1) {
        condition.lock()
        free += count
        condition.broadcast()
        condition.unlock()
    }
}
