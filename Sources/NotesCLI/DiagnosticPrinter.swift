import Foundation
import Notebook

/// How diagnostics are printed: compiler-style lines on stderr (on a terminal, with the
/// source line and a caret under the problem, like the Swift compiler), one JSON object per
/// line on stdout (`Diagnostic` with its span and fix-its) for editors and tools, or GitHub
/// Actions workflow commands on stdout (`::error file=…,line=…,col=…::…`), which GitHub shows
/// as annotations on the pull request's diff.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    case text, json, github

    func print(_ diagnostics: [Diagnostic], to console: Console) {
        switch self {
        case .text:
            var sources = SourceSnippets()
            for diagnostic in diagnostics {
                guard let terminal = console.terminal else {
                    console.err(diagnostic.description)
                    continue
                }
                terminal(([Self.colored(diagnostic)] + sources.snippet(for: diagnostic)).joined(separator: "\n") + "\n")
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for diagnostic in diagnostics {
                if let data = try? encoder.encode(diagnostic) { console.out(String(decoding: data, as: UTF8.self)) }
            }
        case .github:
            for diagnostic in diagnostics { console.out(Self.workflowCommand(diagnostic)) }
        }
    }

    /// `::warning file=Notes/a.md,line=3,col=5,endColumn=9,title=broken-link::message; suggestion`
    static func workflowCommand(_ diagnostic: Diagnostic) -> String {
        func data(_ text: String) -> String {
            text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ text: String) -> String {
            data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var properties = ["file=\(property(diagnostic.file))", "line=\(diagnostic.line)", "col=\(diagnostic.column)"]
        if let length = diagnostic.length, length > 0 { properties.append("endColumn=\(diagnostic.column + length)") }
        properties.append("title=\(property(diagnostic.id))")
        var message = diagnostic.message
        if let suggestion = diagnostic.suggestion { message += "; " + suggestion }
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(data(message))"
    }

    /// The first line, with the severity in colour (red error, magenta warning) and bold
    /// text; what came from a lesson is escaped (`TerminalText`).
    static func colored(_ diagnostic: Diagnostic) -> String {
        let color = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
        var text = diagnostic.message
        if let suggestion = diagnostic.suggestion { text += "; " + suggestion }
        return "\u{1B}[1m" + TerminalText.escaped("\(diagnostic.file):\(diagnostic.line):\(diagnostic.column):")
            + " \(color)\(diagnostic.severity.rawValue):\u{1B}[0;1m " + TerminalText.escaped(text, keepingNewlines: true)
            + "\u{1B}[0m [\(diagnostic.id)]"
    }
}

/// The source line a diagnostic points at, with a caret (and `~` over its span) under the
/// column, as the Swift compiler prints it:
///
///     42 | @Train(id: "a", epoch: 5)
///        |                 ^~~~~
///
/// Files are read once; a file that cannot be read, or a line past its end, gives no snippet.
struct SourceSnippets {
    private var lines: [String: [String]] = [:]

    mutating func snippet(for diagnostic: Diagnostic) -> [String] {
        if lines[diagnostic.file] == nil {
            let text = FileManager.default.contents(atPath: diagnostic.file).flatMap { String(data: $0, encoding: .utf8) }
            lines[diagnostic.file] = text.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        }
        guard let file = lines[diagnostic.file], file.indices.contains(diagnostic.line - 1) else { return [] }
        return Self.render(line: file[diagnostic.line - 1], number: diagnostic.line, column: diagnostic.column,
                           length: diagnostic.length)
    }

    /// The two lines of a snippet. Tabs before the column become spaces, so the caret lines up;
    /// a long line is cut to about 160 characters around the column.
    static func render(line: String, number: Int, column: Int, length: Int?) -> [String] {
        let gutter = String(number)
        var text = Substring(line.replacingOccurrences(of: "\t", with: " "))
        var column = column
        if text.count > 160 {
            let start = max(0, min(column - 61, text.count - 160))
            text = text.dropFirst(start).prefix(160)
            column -= start
            if start > 0 { text = "…" + text; column += 1 }
        }
        let shown = TerminalText.escaped(String(text), keepingNewlines: false)
        let offset = max(0, min(column - 1, shown.count))
        let span = max(0, min((length ?? 1) - 1, shown.count - offset - 1))
        let marker = String(repeating: " ", count: offset) + "\u{1B}[1;32m^" + String(repeating: "~", count: span) + "\u{1B}[0m"
        return [" \(gutter) | \(shown)", " \(String(repeating: " ", count: gutter.count)) | \(marker)"]
    }
}
