import Foundation

/// Frozen directives computed again because a directive needs their artifacts (a frozen
/// `@Train` has no weights): each at most once per build, however many readers ask at once.
final class Materializations: @unchecked Sendable {
    private let condition = NSCondition()
    private var running: Set<SchedulerState.Node> = []
    private var done: [SchedulerState.Node: DirectiveOutcome] = [:]

    /// The node's computed outcome: computed now by the first caller, waited for by others.
    func outcome(of node: SchedulerState.Node, compute: () -> DirectiveOutcome) -> DirectiveOutcome {
        condition.lock()
        while running.contains(node) { condition.wait() }
        if let outcome = done[node] {
            condition.unlock()
            return outcome
        }
        running.insert(node)
        condition.unlock()
        let outcome = compute()
        condition.lock()
        running.remove(node)
        done[node] = outcome
        condition.broadcast()
        condition.unlock()
        return outcome
    }

    var all: [SchedulerState.Node: DirectiveOutcome] {
        condition.lock()
        defer { condition.unlock() }
        return done
    }
}
