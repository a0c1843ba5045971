import Foundation

/// What a build is doing, for a live display (`notes build` on a terminal): how many
/// directives it has, how many are done, and, for each one computing, its label, when it
/// started, how much of it is done and the last line it reported ("época 3/5, passo 120/469").
///
/// The runner feeds it; a display polls `snapshot`. With a monitor, the runner's per-directive
/// chatter ("running…", "done in", the experiment's own lines) goes here instead of to the
/// progress lines; warnings and notes still go there.
public final class BuildMonitor: @unchecked Sendable {
    public struct Running: Sendable, Equatable {
        public var label: String
        public var started: Date
        /// In [0, 1]; nil before the experiment reports any.
        public var fraction: Double?
        public var latest: String

        public init(label: String, started: Date, fraction: Double?, latest: String) {
            self.label = label
            self.started = started
            self.fraction = fraction
            self.latest = latest
        }
    }

    public struct Snapshot: Sendable, Equatable {
        public var total: Int
        public var finished: Int
        /// In the order they started.
        public var running: [Running]
        public var started: Date

        public init(total: Int, finished: Int, running: [Running], started: Date) {
            self.total = total
            self.finished = finished
            self.running = running
            self.started = started
        }
    }

    private struct Entry {
        var label: String
        var started: Date
        var tracker: ProgressTracker
        var latest = ""
    }

    private let lock = NSLock()
    private let started = Date()
    private var total = 0
    private var finished = 0
    private var nextToken = 0
    private var entries: [Int: Entry] = [:]

    public init() {}

    public var snapshot: Snapshot {
        lock.lock(); defer { lock.unlock() }
        let running = entries.sorted { $0.key < $1.key }.map { _, entry in
            Running(label: entry.label, started: entry.started, fraction: entry.tracker.fraction, latest: entry.latest)
        }
        return Snapshot(total: total, finished: finished, running: running, started: started)
    }

    func planned(_ count: Int) {
        lock.lock(); defer { lock.unlock() }
        total += count
    }

    func completed() {
        lock.lock(); defer { lock.unlock() }
        finished += 1
    }

    /// An experiment starts computing; returns the token its lines and its end are given with.
    func began(_ label: String, tracker: ProgressTracker) -> Int {
        lock.lock(); defer { lock.unlock() }
        nextToken += 1
        entries[nextToken] = Entry(label: label, started: Date(), tracker: tracker)
        return nextToken
    }

    func said(_ token: Int, _ line: String) {
        lock.lock(); defer { lock.unlock() }
        entries[token]?.latest = line
    }

    func ended(_ token: Int) {
        lock.lock(); defer { lock.unlock() }
        entries[token] = nil
    }
}
