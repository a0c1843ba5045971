import Foundation
import Testing
@testable import Notebook

/// The output folder's manifest and the symlink-safe file operations under it.
@Suite struct OutputManifestTests {
    @Test func aFolderHoldingOnlyAKilledFirstManifestWriteIsStillOurs() throws {
        let folder = try TemporaryFolder()
        try folder.write("", to: "Output/.\(OutputManifest.fileName)\(AtomicFile.temporaryMarker)1hnv503n2gaxf")
        let output = folder.url.appendingPathComponent("Output")
        #expect(try OutputManifest.claim(output, force: false) == OutputManifest())
        #expect(OutputManifest.read(in: output) == OutputManifest())
    }

    @Test func aFolderWithSomeoneElsesFilesIsRefusedUnlessForced() throws {
        let folder = try TemporaryFolder()
        try folder.write("<p>mine</p>", to: "docs/about.html")
        let docs = folder.url.appendingPathComponent("docs")
        #expect(throws: BuildError.self) { try OutputManifest.claim(docs, force: false) }
        #expect(!folder.exists("docs/\(OutputManifest.fileName)"), "a refusal writes nothing")
        #expect(try OutputManifest.claim(docs, force: true).paths.isEmpty)
        #expect(folder.read("docs/about.html") == "<p>mine</p>")
    }

    @Test func manifestRoundTripsAndIgnoresUnsafePaths() throws {
        let folder = try TemporaryFolder()
        try OutputManifest(paths: ["index.html", "figures/a/b.svg"]).write(in: folder.url)
        try folder.write(OutputManifest.header + "\nindex.html\n../../etc/passwd\n/abs\n", to: "other/\(OutputManifest.fileName)")
        #expect(OutputManifest.read(in: folder.url)?.paths == ["index.html", "figures/a/b.svg"])
        #expect(OutputManifest.read(in: folder.url.appendingPathComponent("other"))?.paths == ["index.html"])
    }

    @Test func removeFileNeverFollowsALinkAndCleansEmptyFolders() throws {
        let folder = try TemporaryFolder()
        try folder.write("precious", to: "outside/x.svg")
        try folder.write("ours", to: "site/figures/a/y.svg")
        let site = folder.url.appendingPathComponent("site")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("figures/b").path,
                                                   withDestinationPath: folder.url.appendingPathComponent("outside").path)
        #expect(SafePaths.removeFile("figures/b/x.svg", in: site) == nil)
        #expect(SafePaths.removeFile("figures/b", in: site)?.contains("left") == true)
        #expect(folder.read("outside/x.svg") == "precious")
        #expect(SafePaths.removeFile("figures/a/y.svg", in: site) == nil)
        #expect(!folder.exists("site/figures/a"))
        #expect(throws: SafePaths.Refusal.self) { try SafePaths.write(Data(), to: "figures/b/z.svg", in: site) }
        #expect(throws: SafePaths.Refusal.self) { try SafePaths.write(Data(), to: "../escape.txt", in: site) }
        #expect(!folder.exists("outside/z.svg") && !folder.exists("escape.txt"))
    }

    @Test func folderRoles() {
        let work = "/tmp/notes-roles-work"
        func problem(_ notes: String?, _ output: String?, _ cache: String?) -> String? {
            FolderRoles.problem(notes: notes, output: output, cache: cache, workingFolder: work, home: "/tmp/notes-roles-home")
        }
        #expect(problem("Notes", "Output", ".notes-cache") == nil)
        #expect(problem("Notes", ".", nil)?.contains("working folder") == true)
        #expect(problem("Notes", "./x/..", nil)?.contains("working folder") == true)
        #expect(problem("Notes", "/", nil)?.contains("root") == true)
        #expect(problem("Notes", "/tmp/notes-roles-home", nil)?.contains("home") == true)
        #expect(problem("Notes", "Notes/site", nil)?.contains("inside") == true)
        #expect(problem("Notes/lessons", "Notes", nil)?.contains("inside") == true)
        #expect(problem("Notes", "Output", "Output")?.contains("same folder") == true)
        #expect(problem("Notes", "", nil)?.contains("empty") == true)
    }
}
