import Foundation
import Notebook

/// The live status of a build on a terminal: a bar per directive computing (its fraction
/// done, elapsed time, an estimate of the time left and its last line, such as the epoch and
/// step), then the overall count. Redrawn five times a second in place; a line printed
/// meanwhile (a warning) goes above the bars. Off a terminal nothing of this is drawn and
/// progress stays plain lines.
final class ProgressDisplay: @unchecked Sendable {
    private let monitor: BuildMonitor
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var drawn = 0
    private var stopped = false
    private var thread: Thread?

    init(monitor: BuildMonitor, write: @escaping @Sendable (String) -> Void) {
        self.monitor = monitor
        self.write = write
    }

    func start() {
        let thread = Thread { [self] in
            while !isStopped {
                redraw()
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        self.thread = thread
        thread.start()
    }

    /// Clears the bars for good.
    func stop() {
        lock.lock(); defer { lock.unlock() }
        stopped = true
        write(Self.erase(drawn))
        drawn = 0
    }

    /// A line above the bars (already escaped for the terminal).
    func print(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        write(Self.erase(drawn) + line + "\n")
        drawn = 0
        if !stopped { draw() }
    }

    private var isStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }

    private func redraw() {
        lock.lock(); defer { lock.unlock() }
        guard !stopped else { return }
        let erase = Self.erase(drawn)
        drawn = 0
        write(erase)
        draw()
    }

    private func draw() {
        let lines = Self.lines(monitor.snapshot, width: Self.columns(), now: Date())
        write(lines.joined(separator: "\n") + "\n")
        drawn = lines.count
    }

    /// Moves up over the `count` lines drawn last and clears to the end of the screen.
    static func erase(_ count: Int) -> String { count == 0 ? "" : "\u{1B}[\(count)F\u{1B}[J" }

    /// What is drawn for `snapshot`, each line cut to `width - 1` characters so none wraps.
    static func lines(_ snapshot: BuildMonitor.Snapshot, width: Int, now: Date) -> [String] {
        var lines: [String] = []
        for running in snapshot.running {
            let elapsed = now.timeIntervalSince(running.started)
            var line = "  " + bar(running.fraction ?? 0, cells: 20) + " "
            line += running.fraction.map { String(format: "%3.0f%%", $0 * 100) } ?? "  …"
            line += " " + clock(elapsed)
            if let fraction = running.fraction, fraction > 0.02, fraction < 1 {
                line += " · ETA " + clock(elapsed * (1 - fraction) / fraction)
            }
            line += "  " + TerminalText.escaped(running.label)
            if !running.latest.isEmpty { line += " — " + TerminalText.escaped(running.latest) }
            lines.append(line)
        }
        let done = snapshot.total == 0 ? 0 : Double(snapshot.finished) / Double(snapshot.total)
        var overall = bar(done, cells: 20) + " \(snapshot.finished)/\(snapshot.total) directives"
        if !snapshot.running.isEmpty { overall += " · \(snapshot.running.count) computing" }
        overall += " · " + clock(now.timeIntervalSince(snapshot.started))
        lines.append(overall)
        return lines.map { $0.count < width ? $0 : String($0.prefix(max(1, width - 2))) + "…" }
    }

    /// `▕██████░░░░▏` with eighths for the partial cell.
    static func bar(_ fraction: Double, cells: Int) -> String {
        let clamped = min(max(fraction.isFinite ? fraction : 0, 0), 1)
        let eighths = Int((clamped * Double(cells * 8)).rounded(.down))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var text = String(repeating: "█", count: eighths / 8)
        if eighths / 8 < cells {
            text += eighths % 8 == 0 ? "░" : partial[eighths % 8]
            text += String(repeating: "░", count: cells - eighths / 8 - 1)
        }
        return "▕" + text + "▏"
    }

    /// `0:07`, `12:40`, `1:02:03`.
    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.isFinite ? max(0, seconds) : 0)
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// The terminal's width (stderr's), 100 when it cannot be read.
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 100 }
        return Int(size.ws_col)
    }
}
