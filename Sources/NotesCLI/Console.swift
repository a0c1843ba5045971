import Foundation
import Notebook

/// Where actions print: stdout for results, stderr for progress and diagnostics.
/// Tests capture both.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    /// When stderr is a terminal that takes colour (not `TERM=dumb`, no `NO_COLOR`): writes
    /// to it as is, terminal escapes included, so the caller escapes whatever came from a
    /// lesson. Diagnostics then show their source line and a caret, and progress redraws one
    /// status line. Nil elsewhere.
    public var terminal: (@Sendable (String) -> Void)?
    public var decorates: Bool { terminal != nil }

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                terminal: (@Sendable (String) -> Void)? = nil) {
        self.out = out
        self.err = err
        self.terminal = terminal
    }

    /// The process's stdout and stderr. Control characters from lessons (ESC sequences,
    /// OSC 52) are escaped, never sent to the terminal.
    public static let standard: Console = {
        let environment = ProcessInfo.processInfo.environment
        let colour = isatty(2) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        let raw: @Sendable (String) -> Void = { text in FileHandle.standardError.write(Data(text.utf8)) }
        return Console(
            out: { text in FileHandle.standardOutput.write(Data((TerminalText.escaped(text, keepingNewlines: true) + "\n").utf8)) },
            err: { text in FileHandle.standardError.write(Data((TerminalText.escaped(text, keepingNewlines: true) + "\n").utf8)) },
            terminal: colour ? raw : nil)
    }()
}
