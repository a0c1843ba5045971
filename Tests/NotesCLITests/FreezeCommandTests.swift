import Foundation
import Notebook
import NotesCLI
import NotebookTestSupport
import Testing

/// `notes freeze`, `notes check` against the freeze, and `notes clean --unused`, as a user runs them.
@Suite(.serialized) struct FreezeCommandTests {
    final class Course {
        let url: URL
        var notes: URL { url.appendingPathComponent("Notes") }
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("notes-freeze-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
            try write(FreezeFakes.lesson(model: "cli"))
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ lesson: String) throws {
            try lesson.write(to: notes.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        }

        func options(cache: String) -> BuildOptions {
            BuildOptions(notesFolder: notes, outputFolder: url.appendingPathComponent("Output"), displayPrefix: "Notes",
                         cacheFolder: url.appendingPathComponent(cache))
        }

        /// `notes freeze` (freezing) or `notes check` (cold, audited).
        func run(freezing: Bool, cache: String) -> (code: Int32, lines: [String]) {
            let lines = LockedLines()
            var options = options(cache: cache)
            if freezing {
                options.writesFreeze = true
            } else {
                options.readsCache = false
                options.readsFreeze = false
                options.auditsFreeze = true
            }
            let code = CheckAction(options: options, registry: FreezeFakes.registry, verb: freezing ? "Froze" : "Checked")
                .run(console: Console(out: { _ in }, err: { lines.append($0) }))
            return (code, lines.lines)
        }
    }

    @Test func freezeThenCheckThenAHandEditFailsTheCheck() throws {
        let course = try Course()
        let (code, lines) = course.run(freezing: true, cache: "cache")
        #expect(code == 0, "\(lines)")
        #expect(lines.contains("Freeze Notes/_freeze: 2 new, 0 kept, 0 removed (0.0 MB in all)"), "\(lines)")
        #expect(lines.last?.hasPrefix("Froze 1 lesson (2 directives: 2 computed, 0 from the cache, 0 frozen)") == true, "\(lines)")

        let (checked, checkLines) = course.run(freezing: false, cache: "ci-cache")
        #expect(checked == 0, "\(checkLines)")

        let folder = course.notes.appendingPathComponent("_freeze/01-a")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\"total\": 150", with: "\"total\": 151").write(to: url, atomically: true, encoding: .utf8)
        }
        let (failed, failedLines) = course.run(freezing: false, cache: "ci-cache")
        #expect(failed == 1)
        #expect(failedLines.contains { $0.hasPrefix("Notes/01-a.md:15:1: error: @Draw computed here differs from its frozen result") && $0.contains("scalar 'total' is 150.0 here and 151.0 in the freeze") },
                "\(failedLines)")
    }

    @Test func cleanUnusedRemovesOnlyWhatNoLessonUses() throws {
        let course = try Course()
        _ = course.run(freezing: true, cache: "cache")
        try course.write(FreezeFakes.lesson(model: "cli", count: 3))
        _ = course.run(freezing: true, cache: "cache")
        let lines = LockedLines()
        var clean = CleanAction(options: course.options(cache: "cache"), removeOutput: false)
        clean.unusedOnly = true
        clean.registry = FreezeFakes.registry
        #expect(clean.run(console: Console(out: { _ in }, err: { lines.append($0) })) == 0)
        #expect(lines.lines.first?.hasPrefix("Removed 1 unused cache entry") == true, "\(lines.lines)")
        let cache = ResultCache(folder: course.url.appendingPathComponent("cache"))
        #expect(cache.byteCount > 0)
        #expect(course.run(freezing: false, cache: "cache").code == 0)
    }
}
