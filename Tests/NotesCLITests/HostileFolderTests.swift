import Foundation
import Testing

/// Destructive command lines, run through the real `notes` executable in a temporary
/// working folder: whatever the user types, nothing outside the output and cache folders
/// is ever written or deleted.
@Suite struct HostileFolderTests {
    /// A working folder with lessons, a git folder and a user's own files.
    final class Workspace: @unchecked Sendable {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("notes-hostile-\(UUID().uuidString)")
            for (path, text) in [
                ("Notes/01-a.md", "---\ntitle: A\n---\n# A\n\nTexto com uma figura ![](img/fig.png).\n"),
                ("Notes/02-b.md", "---\ntitle: B\n---\n# B\n\n```swift-directive\n@KLVariance(id: \"kl\", posterior: .gaussian(mean: [0.5], std: [0.8]), samples: [1, 10], repeats: 20, seed: 1, label: \"fig-kl\")\n```\n"),
                ("Notes/img/fig.png", "not really a png"),
                (".git/HEAD", "ref: refs/heads/main\n"),
                ("keep.html", "<p>mine</p>"),
                ("results/mine.json", "{\"mine\": true}"),
                ("docs/about.html", "<p>about</p>"),
                ("docs/data/other/table.csv", "a,b\n"),
                ("docs/figures/other/plot.svg", "<svg/>"),
            ] {
                let file = url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        /// Every file below the workspace (paths → contents), except inside `excluding`.
        func snapshot(excluding: [String] = []) -> [String: Data] {
            var out: [String: Data] = [:]
            let walker = FileManager.default.enumerator(atPath: url.path)
            while let path = walker?.nextObject() as? String {
                if excluding.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) { continue }
                var isFolder: ObjCBool = false
                let full = url.appendingPathComponent(path).path
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                    out[path] = FileManager.default.contents(atPath: full) ?? Data()
                }
            }
            return out
        }

        /// Runs `notes` with `arguments` in the workspace; exit code and stderr.
        func notes(_ arguments: [String]) throws -> (code: Int32, err: String) {
            let process = Process()
            process.executableURL = InterruptedBuildTests.notesExecutable
            process.arguments = arguments
            process.currentDirectoryURL = url
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
    }

    /// Each command must fail with a message and leave every file of the workspace as it was.
    @Test(arguments: [
        ["clean", "--all", "--output", "."],
        ["clean", "--cache", ""],
        ["clean", "--all", "--output", ""],
        ["clean", "--cache", "Notes"],
        ["clean", "--cache", "."],
        ["clean", "--all", "--output", "Notes"],
        ["clean", "--all", "--output", "/"],
        ["clean", "--all", "--output", "docs"],
        ["clean", "--cache", "results"],
        ["build", "--output", "."],
        ["build", "--output", "docs"],
        ["build", "--output", "Notes"],
        ["build", "--output", "Notes/site"],
        ["build", "--output", ".."],
        ["build", "--cache", "."],
        ["build", "--cache", "results"],
        ["build", "--cache", "Output"],
        ["build", "--notes", "."],
        ["check", "--cache", "Notes"],
        ["clean", "--lesson", "01-a"],
    ])
    func refusedAndNothingTouched(arguments: [String]) throws {
        let workspace = try Workspace()
        let before = workspace.snapshot()
        let (code, err) = try workspace.notes(arguments)
        #expect(code != 0, "\(arguments) should be refused")
        #expect(err.contains("rror"), "\(arguments) should say why: \(err)")
        #expect(workspace.snapshot() == before, "\(arguments) changed files")
    }

    @Test func buildWritesOnlyIntoItsFoldersAndCleanRemovesOnlyWhatItWrote() throws {
        let workspace = try Workspace()
        let before = workspace.snapshot()
        #expect(try workspace.notes(["build"]).code == 0)
        #expect(workspace.snapshot(excluding: ["Output", ".notes-cache"]) == before)
        #expect(FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Output/02-b.html").path))
        // A file of the user's inside Output survives every build and clean.
        try Data("mine".utf8).write(to: workspace.url.appendingPathComponent("Output/notes-to-self.txt"))
        #expect(try workspace.notes(["build"]).code == 0)
        #expect(try workspace.notes(["clean", "--all"]).code == 0)
        var expected = before
        expected["Output/notes-to-self.txt"] = Data("mine".utf8)
        #expect(workspace.snapshot() == expected)
    }

    @Test func forcedBuildIntoAPagesFolderKeepsTheUsersFiles() throws {
        let workspace = try Workspace()
        let before = workspace.snapshot()
        #expect(try workspace.notes(["build", "--output", "docs", "--force"]).code == 0)
        // Renaming a lesson deletes its old page, never the user's pages or folders.
        try FileManager.default.moveItem(at: workspace.url.appendingPathComponent("Notes/01-a.md"),
                                         to: workspace.url.appendingPathComponent("Notes/03-a.md"))
        #expect(try workspace.notes(["build", "--output", "docs"]).code == 0)
        let after = workspace.snapshot()
        for (path, data) in before where path.hasPrefix("docs/") { #expect(after[path] == data, "\(path) lost") }
        #expect(after["docs/01-a.html"] == nil && after["docs/03-a.html"] != nil)
        #expect(try workspace.notes(["clean", "--all", "--output", "docs"]).code == 0)
        var expected = before
        expected["Notes/03-a.md"] = expected.removeValue(forKey: "Notes/01-a.md")
        #expect(workspace.snapshot(excluding: [".notes-cache"]) == expected)
    }

    @Test func symbolicLinksAreNeverFollowed() throws {
        let workspace = try Workspace()
        let outside = workspace.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: outside.appendingPathComponent("kl.svg"))
        try Data("precious".utf8).write(to: outside.appendingPathComponent("kl.csv"))
        #expect(try workspace.notes(["build"]).code == 0)
        // Replace the lesson's figure folder by a link to the outside, and a table by a link.
        let figures = workspace.url.appendingPathComponent("Output/figures/02-b")
        try FileManager.default.removeItem(at: figures)
        try FileManager.default.createSymbolicLink(at: figures, withDestinationURL: outside)
        let tables = workspace.url.appendingPathComponent("Output/data/02-b")
        for name in try FileManager.default.contentsOfDirectory(atPath: tables.path) {
            try FileManager.default.removeItem(at: tables.appendingPathComponent(name))
            try FileManager.default.createSymbolicLink(at: tables.appendingPathComponent(name),
                                                       withDestinationURL: outside.appendingPathComponent("kl.csv"))
        }
        let (code, err) = try workspace.notes(["build"])
        #expect(code == 1, "a refused write is a lesson error: \(err)")
        #expect(err.contains("symbolic link"))
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("Notes/02-b.md"))
        #expect(try workspace.notes(["build"]).code == 0)
        #expect(try workspace.notes(["clean", "--all"]).code == 0)
        for name in ["kl.svg", "kl.csv"] {
            #expect(FileManager.default.contents(atPath: outside.appendingPathComponent(name).path) == Data("precious".utf8))
        }
    }

    @Test func terminalControlCharactersFromALessonArePrintedEscaped() throws {
        let workspace = try Workspace()
        try Data("# C\n\n```swift-directive\n@Trian(id: \"x\u{1B}]52;c;aGk=\u{07}\u{1B}[2J\")\n```\n".utf8)
            .write(to: workspace.url.appendingPathComponent("Notes/03-c.md"))
        let (code, err) = try workspace.notes(["build"])
        #expect(code == 1)
        #expect(err.contains("unknown-directive"))
        #expect(!err.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "raw control characters on stderr")
    }

    @Test func commandLineConventions() throws {
        let workspace = try Workspace()
        let before = workspace.snapshot()
        let bare = try workspace.notes([])
        #expect(bare.code == 0 && workspace.snapshot() == before, "bare notes must not build")
        let version = try workspace.notes(["--version"])
        #expect(version.code == 0)
        let typo = try workspace.notes(["buidl"])
        #expect(typo.code == 64 && typo.err.contains("unknown subcommand 'buidl'; did you mean 'build'?"), "\(typo.err)")
        let unknown = try workspace.notes(["bogus"])
        #expect(unknown.code == 64 && unknown.err.contains("unknown subcommand 'bogus'"))
        let foreign = try workspace.notes(["list", "--output", "x"])
        #expect(foreign.code != 0 && foreign.err.contains("--output"), "list takes no --output: \(foreign.err)")
        #expect(workspace.snapshot() == before)
    }

    @Test func twoBuildsAtOnceBothSucceed() throws {
        let workspace = try Workspace()
        let results = LockedLines()
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                let outcome: (code: Int32, err: String) = (try? workspace.notes(["build"])) ?? (-1, "could not start")
                results.append("\(outcome.code) \(outcome.err)")
                group.leave()
            }
        }
        #expect(group.wait(timeout: .now() + 300) == .success)
        #expect(results.lines.count == 2 && results.lines.allSatisfy { $0.hasPrefix("0 ") }, "\(results.lines)")
        #expect(try workspace.notes(["build"]).err.contains("0 errors, 0 warnings"))
    }
}
