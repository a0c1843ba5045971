#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A progress report from the trainer, sent after every optimizer step, when evaluation
/// starts and after each of its batches (`.evaluating`), and when an epoch ends.
public struct TrainingProgress: Sendable {
    public enum Event: Sendable {
        case step
        case evaluating
        case epochCompleted(EpochRecord)
    }

    public var event: Event
    /// 1-based epoch and the total.
    public var epoch: Int
    public var epochs: Int
    /// 1-based step within the epoch and the steps per epoch.
    public var step: Int
    public var stepsPerEpoch: Int
    /// Mean NELBO of the epoch's batches so far.
    public var runningNELBO: Double
    /// Training examples per second in this epoch so far.
    public var examplesPerSecond: Double
    /// Seconds of training so far (all epochs).
    public var elapsed: Double
    /// Estimated seconds of training left, from this epoch's speed.
    public var estimatedRemaining: Double

    /// Fraction of all steps done, in [0, 1].
    public var fraction: Double {
        Double((epoch - 1) * stepsPerEpoch + step) / Double(Swift.max(1, epochs * stepsPerEpoch))
    }
}

/// The default progress display on standard error: a redrawn progress bar with ETA and
/// examples/s when stderr is a terminal (`isatty(2)`), one plain line per epoch otherwise.
public final class ProgressPrinter: @unchecked Sendable {
    let label: String
    let interactive: Bool
    private var lastDraw: Double = -1

    public init(label: String = "train", interactive: Bool? = nil) {
        self.label = label
        self.interactive = interactive ?? (isatty(2) != 0)
    }

    /// A closure suitable as the trainer's `progress` argument.
    public var callback: (TrainingProgress) -> Void { { [self] in self.report($0) } }

    public func report(_ p: TrainingProgress) {
        switch p.event {
        case .step:
            guard interactive else { return }
            let now = ProcessInfo.processInfo.systemUptime
            if now - lastDraw < 0.1 && p.step < p.stepsPerEpoch { return }
            lastDraw = now
            let width = 24
            let filled = Int((Double(width) * Double(p.step) / Double(Swift.max(p.stepsPerEpoch, 1))).rounded(.down))
            let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
            write("\r\(label) epoch \(p.epoch)/\(p.epochs) [\(bar)] \(p.step)/\(p.stepsPerEpoch) "
                  + "nelbo \(format(p.runningNELBO, 2)) \(Int(p.examplesPerSecond)) ex/s ETA \(clock(p.estimatedRemaining))\u{1B}[K")
        case .evaluating:
            if interactive { write("\r\(label) epoch \(p.epoch)/\(p.epochs) evaluating…\u{1B}[K") }
        case .epochCompleted(let r):
            let line = "\(label) epoch \(r.epoch)/\(p.epochs) train \(format(r.trainNELBO, 2)) test \(format(r.testNELBO, 2)) "
                + "kl \(format(r.testKL, 2)) \(format(r.seconds, 2))s \(Int(r.examplesPerSecond)) ex/s"
            write(interactive ? "\r\(line)\u{1B}[K\n" : "\(line)\n")
        }
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    private func format(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

    private func clock(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "--:--" }
        let s = Int(seconds.rounded())
        return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%d:%02d", s / 60, s % 60)
    }
}
