import Foundation
import Markdown

/// Renders every math span of the lessons with the KaTeX the pages load, under Node.js, before
/// any browser does: a formula KaTeX rejects (`\alpah`, an unclosed `\begin{aligned}`, a
/// stray `}`) is a `math-error` at the formula, pointing at the offending character when the
/// formula is on one line. The options are the pages' (notes.js): no trusted commands,
/// bounded macro expansion and sizes.
///
/// One `node` process checks a whole build (about a tenth of a second for the course).
/// Without `node` (Debian's `nodejs` package, in /usr/bin) the check is skipped and the browser check is
/// what catches bad math; `available` says which.
struct MathCheck {
    /// `katex.min.js`.
    var katex: URL
    /// The `node` executable, if one is on the PATH.
    var node: String?
    var timeLimit: Double = 60

    /// Where `node` is looked for. Fixed folders, not `PATH`: reading the environment while
    /// another thread loads OpenBLAS (which sets `OPENBLAS_*` variables) corrupts the heap.
    static let folders = ["/usr/bin", "/usr/local/bin", "/bin"]

    init(katexFolder: URL, folders: [String] = Self.folders) {
        katex = katexFolder.appendingPathComponent("katex.min.js")
        node = Self.executable(named: ["node", "nodejs"], in: folders)
    }

    var available: Bool { node != nil && FileManager.default.fileExists(atPath: katex.path) }

    /// The diagnostics, by lesson path; a note when the check could not run.
    func diagnostics(for lessons: [Lesson]) -> (byLesson: [String: [Diagnostic]], note: String?) {
        guard let node, available else { return ([:], nil) }
        var items: [(lesson: Lesson, math: MathOccurrence)] = []
        for lesson in lessons { for math in lesson.document.math { items.append((lesson, math)) } }
        guard !items.isEmpty else { return ([:], nil) }
        let input = items.map { ["tex": $0.math.tex, "display": $0.math.isDisplay] as [String: Any] }
        guard let data = try? JSONSerialization.data(withJSONObject: input) else { return ([:], nil) }
        let output: Data
        switch run(node, input: data) {
        case .success(let bytes): output = bytes
        case .failure(let reason): return ([:], "math was not checked with KaTeX: \(reason)")
        }
        guard let failures = (try? JSONSerialization.jsonObject(with: output)) as? [[String: Any]] else {
            return ([:], "math was not checked with KaTeX: node printed no result")
        }
        var byLesson: [String: [Diagnostic]] = [:]
        for failure in failures {
            guard let index = failure["index"] as? Int, items.indices.contains(index) else { continue }
            let (lesson, math) = items[index]
            let message = Self.reason(Self.oneLine((failure["message"] as? String) ?? "KaTeX cannot render it"))
            // KaTeX counts UTF-16 code units; the column counts characters.
            let offset = (failure["position"] as? Int).flatMap { units -> Int? in
                guard units >= 0, units <= math.tex.utf16.count else { return nil }
                let index = String.Index(utf16Offset: units, in: math.tex)
                return math.tex.distance(from: math.tex.startIndex, to: index)
            }
            let column = offset.flatMap { math.column(ofCharacter: $0) } ?? math.location.column
            let tex = Self.oneLine(math.tex)
            let shown = tex.count > 40 ? String(tex.prefix(40)) + "…" : tex
            byLesson[lesson.path, default: []].append(Diagnostic(
                file: lesson.path, line: math.location.line, column: column, kind: .mathError,
                message: "KaTeX cannot render the formula '\(shown)': \(message)",
                suggestion: "fix the TeX (a browser would show it as red text); KaTeX's supported functions are listed at katex.org/docs/supported"))
        }
        return (byLesson, nil)
    }

    /// Runs the checking script with the formulas on stdin; its stdout.
    private func run(_ node: String, input: Data) -> Result<Data, MathCheckFailure> {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", Self.script, katex.path]
        // An environment of its own: inheriting one means reading this process's, which races
        // with OpenBLAS's loader setting variables on another thread (and corrupts the heap).
        process.environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        // A node that exits before reading everything must not kill this process with SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do { try process.run() } catch { return .failure(MathCheckFailure("node could not start (\(error))")) }
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: timer)
        let writer = Thread {
            try? stdin.fileHandleForWriting.write(contentsOf: input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return .failure(MathCheckFailure(process.terminationReason == .uncaughtSignal
                ? "node took longer than \(Int(timeLimit)) s" : "node exited with status \(process.terminationStatus)"))
        }
        return .success(output)
    }

    /// Reads `[{tex, display}]` on stdin, prints `[{index, message, position}]` for each
    /// formula KaTeX throws on, with the pages' options.
    static let script = """
    const katex = require(process.argv[1]);
    let input = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => { input += chunk; });
    process.stdin.on("end", () => {
      const failures = [];
      JSON.parse(input).forEach((item, index) => {
        try {
          katex.renderToString(item.tex, { displayMode: item.display, throwOnError: true, strict: "ignore",
                                           trust: false, maxExpand: 1000, maxSize: 50 });
        } catch (error) {
          failures.push({ index: index, message: String(error.rawMessage || error.message || error),
                          position: typeof error.position === "number" ? error.position : null });
        }
      });
      process.stdout.write(JSON.stringify(failures));
    });
    """

    /// KaTeX's message without its prefix and its copy of the formula:
    /// "KaTeX parse error: Undefined control sequence: \alpah at position 1: \̲a̲…" →
    /// "Undefined control sequence: \alpah".
    static func reason(_ message: String) -> String {
        var text = Substring(message)
        if text.hasPrefix("KaTeX parse error: ") { text = text.dropFirst("KaTeX parse error: ".count) }
        if let at = text.range(of: " at position ") { return String(text[..<at.lowerBound]) }
        if let at = text.range(of: " at end of input") { return String(text[..<at.lowerBound]) + " (at the end of the formula)" }
        return String(text)
    }

    /// White space runs (line breaks included) as one space, trimmed.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func executable(named names: [String], in folders: [String]) -> String? {
        for folder in folders {
            for name in names {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }
}

struct MathCheckFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
