import Foundation
import Testing
@testable import Notebook

/// `ExperimentContext.concurrentParts` and the worker slots it borrows from.
@Suite struct ConcurrentPartsTests {
    final class Gauge: @unchecked Sendable {
        private let lock = NSLock()
        private var running = 0
        private(set) var peak = 0
        func enter() { lock.lock(); running += 1; peak = max(peak, running); lock.unlock() }
        func leave() { lock.lock(); running -= 1; lock.unlock() }
    }

    @Test func resultsComeInIndexOrder() throws {
        var context = ExperimentContext()
        context.workers = WorkerSlots(3)
        let values = try context.concurrentParts(7) { index, _ in
            Thread.sleep(forTimeInterval: Double(7 - index) * 0.002)
            return index * index
        }
        #expect(values == [0, 1, 4, 9, 16, 25, 36])
    }

    @Test func partsUseOnlyTheFreeSlots() throws {
        // Three slots, one held by another directive and one by this one: it may borrow one,
        // so two parts run at once.
        let slots = WorkerSlots(3)
        slots.acquire()
        slots.acquire()
        var context = ExperimentContext()
        context.workers = slots
        let gauge = Gauge()
        _ = try context.concurrentParts(6) { _, _ in
            gauge.enter()
            Thread.sleep(forTimeInterval: 0.05)
            gauge.leave()
        }
        #expect(gauge.peak == 2)
        // Every borrowed slot came back: the two free ones can be taken again.
        #expect(slots.borrow(upTo: 5) == 1)
    }

    @Test func withoutWorkersPartsRunOneAfterAnother() throws {
        let gauge = Gauge()
        _ = try ExperimentContext().concurrentParts(3) { _, _ in
            gauge.enter()
            Thread.sleep(forTimeInterval: 0.01)
            gauge.leave()
        }
        #expect(gauge.peak == 1)
    }

    @Test func theLowestFailingPartsErrorIsThrown() {
        struct PartError: Error, Equatable { var index: Int }
        var context = ExperimentContext()
        context.workers = WorkerSlots(2)
        #expect(throws: PartError(index: 1)) {
            _ = try context.concurrentParts(4) { index, _ in
                if index >= 1 { throw PartError(index: index) }
                return index
            }
        }
    }

    @Test func partsReportTheirShareOfTheProgress() throws {
        // The first half of the work was sequential; the second half is four parts.
        let context = ExperimentContext()
        context.reportProgress(0.5)
        let second = context.weighted(from: 0.5, to: 1)
        _ = try second.concurrentParts(4) { index, part in
            part.reportProgress(index == 1 ? 1 : 0.5)
        }
        // One part done and three half done: 0.5 + (1 + 3 × 0.5) / 4 × 0.5.
        #expect(context.tracker.fraction == 0.5 + 2.5 / 4 * 0.5)
        _ = try second.concurrentParts(2) { _, part in part.reportProgress(1) }
        #expect(context.tracker.fraction == 1)
    }
}
