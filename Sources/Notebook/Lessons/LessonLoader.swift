import Foundation

/// Finds lesson files (`*.md`) in a folder, sorted by front-matter order then file name.
///
/// A file that cannot be a lesson — a folder or a dangling link named `*.md`, an unreadable
/// or huge file, a name that cannot name a page — becomes a diagnostic for that file, and
/// every other lesson still loads.
public enum LessonLoader {
    /// Lessons larger than this are refused (a lesson is prose; 4 MiB is a book).
    public static let maximumBytes = 4 << 20

    public struct Loaded: Sendable {
        public var lessons: [Lesson]
        /// Problems of files that could not be loaded as lessons, one or more per file.
        public var problems: [Diagnostic]
    }

    public static func load(from folder: URL, displayPrefix: String) throws -> [Lesson] {
        try loadAll(from: folder, displayPrefix: displayPrefix).lessons
    }

    public static func loadAll(from folder: URL, displayPrefix: String) throws -> Loaded {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.lowercased().hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }
            .sorted()
        var lessons: [Lesson] = []
        var problems: [Diagnostic] = []
        for name in names {
            let path = displayPrefix.isEmpty ? name : displayPrefix + "/" + name
            func problem(_ id: String, _ message: String, _ suggestion: String?, severity: Diagnostic.Severity = .error) {
                problems.append(Diagnostic(severity, file: path, line: 1, column: 1, id: id, message: message, suggestion: suggestion))
            }
            let url = folder.appendingPathComponent(name)
            var info = stat()
            if stat(url.path, &info) != 0 {
                let dangling = SafePaths.kind(url.path) == .symlink
                problem("unreadable-lesson", dangling ? "this is a symbolic link to nothing" : "cannot read the file: \(String(cString: strerror(errno)))",
                        dangling ? "point the link at a lesson, or remove it" : "check the file's permissions")
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR:
                problem("not-a-lesson", "this is a folder, not a lesson file", "rename the folder so its name does not end in .md",
                        severity: .warning)
                continue
            default:
                problem("not-a-lesson", "this is not a regular file", "lessons are plain text files")
                continue
            }
            if let issue = nameProblem(name) {
                problem("invalid-lesson-name", issue.message, issue.suggestion)
                continue
            }
            guard Int(info.st_size) <= maximumBytes else {
                problem("lesson-too-large", "the file has \(info.st_size) bytes; a lesson may have at most \(maximumBytes)",
                        "split it into several lessons")
                continue
            }
            do {
                lessons.append(try Lesson(contentsOf: url, path: path))
            } catch let error as LessonError {
                problem("unreadable-lesson", error.message, "save the file as UTF-8 text")
            } catch {
                problem("unreadable-lesson", "cannot read the file: \(error.localizedDescription)", nil)
            }
        }
        return Loaded(lessons: lessons.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }, problems: problems)
    }

    /// The grammar of a lesson's file name, which names its page, its figure folder and its
    /// links: 1 to 64 ASCII letters, digits, `-`, `_` and `.` before `.md`, starting with a
    /// letter or digit; `index` is the course's front page.
    static func nameProblem(_ name: String) -> (message: String, suggestion: String)? {
        let stem = String(name.dropLast(3))
        let suggested = Identifier.suggestion(for: stem, allowingDots: true)
        if stem.lowercased() == "index" {
            return ("a lesson cannot be named index: its page would overwrite the course's front page (index.html)",
                    "rename it, e.g. to 00-introducao.md")
        }
        if !name.hasSuffix(".md") {
            return ("lesson files end in '.md' (lowercase)", "rename it to \(stem).md")
        }
        if let problem = Identifier.problem(stem, allowingDots: true) {
            let shown = LessonPlan.shown(stem)
            return ("the file name '\(shown)' cannot name a page: it \(problem)", "rename it to \(suggested).md")
        }
        return nil
    }
}
