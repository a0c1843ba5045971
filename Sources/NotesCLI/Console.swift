import Foundation
import Notebook

/// Where actions print: stdout for results, stderr for progress and diagnostics.
/// Tests capture both.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's stdout and stderr. Control characters from lessons (ESC sequences,
    /// OSC 52) are escaped, never sent to the terminal.
    public static let standard = Console(
        out: { text in FileHandle.standardOutput.write(Data((TerminalText.escaped(text, keepingNewlines: true) + "\n").utf8)) },
        err: { text in FileHandle.standardError.write(Data((TerminalText.escaped(text, keepingNewlines: true) + "\n").utf8)) })
}
