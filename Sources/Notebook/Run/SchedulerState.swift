import Foundation

/// The shared state of a concurrent run: which directives are ready, running and done.
///
/// A node is one runnable directive of one lesson. It becomes ready when every directive it
/// reads has finished (successfully or not: a failed dependency is reported by the node).
/// Ready nodes are handed out in source order, so with one worker the run is sequential and
/// deterministic.
final class SchedulerState: @unchecked Sendable {
    struct Node: Hashable { var lesson: Int; var directive: Int }

    private let condition = NSCondition()
    private var ready: [Node] = []
    private var waitingOn: [Node: Int] = [:]
    private var dependents: [Node: [Node]] = [:]
    private var results: [[Int: DirectiveOutcome]]
    private var remaining: Int
    let nodeCount: Int

    init(work: [(plan: LessonPlan, lesson: Lesson)]) {
        results = Array(repeating: [:], count: work.count)
        var count = 0
        for (lessonIndex, (plan, _)) in work.enumerated() {
            for index in plan.runOrder {
                let node = Node(lesson: lessonIndex, directive: index)
                let producers = Set((plan.directives[index].experiment?.dependencies ?? []).compactMap { plan.directiveForID[$0] })
                    .filter { plan.runOrder.contains($0) }
                waitingOn[node] = producers.count
                for producer in producers { dependents[Node(lesson: lessonIndex, directive: producer), default: []].append(node) }
                if producers.isEmpty { ready.append(node) }
                count += 1
            }
        }
        remaining = count
        nodeCount = count
    }

    /// The next ready node, waiting while others run; nil once everything has finished.
    func next() -> Node? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && remaining > 0 { condition.wait() }
        return ready.isEmpty ? nil : ready.removeFirst()
    }

    func outcomes(of lesson: Int) -> [Int: DirectiveOutcome] {
        condition.lock()
        defer { condition.unlock() }
        return results[lesson]
    }

    func finish(_ node: Node, with outcome: DirectiveOutcome) {
        condition.lock()
        results[node.lesson][node.directive] = outcome
        remaining -= 1
        for dependent in dependents[node] ?? [] {
            waitingOn[dependent, default: 1] -= 1
            if waitingOn[dependent] == 0 { ready.append(dependent) }
        }
        ready.sort { ($0.lesson, $0.directive) < ($1.lesson, $1.directive) }
        condition.broadcast()
        condition.unlock()
    }

    var allOutcomes: [[Int: DirectiveOutcome]] {
        condition.lock()
        defer { condition.unlock() }
        return results
    }
}
