import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// A temporary folder deleted when the test ends.
final class TemporaryFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("notes-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func write(_ text: String, to path: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }
    func read(_ path: String) -> String? {
        try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8)
    }
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path) }
}

@Suite struct SiteBuilderTests {
    func makeCourse() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("lang: pt-BR\n", to: "Notes/course.yml")
        try folder.write(lessonSource(title: "Segunda", order: 2, "## Parte\n\n```swift-directive\n@Train(id: \"b\")\n```\n"),
                         to: "Notes/02-b.md")
        try folder.write(lessonSource(title: "Primeira", order: 1, "Texto com $a_i b_i$.\n"), to: "Notes/01-a.md")
        return folder
    }

    func builder(_ folder: TemporaryFolder, lessons: [String] = []) -> SiteBuilder {
        SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"),
            outputFolder: folder.url.appendingPathComponent("Output"), lessons: lessons))
    }

    @Test func writesPagesIndexAssetsAndData() throws {
        let folder = try makeCourse()
        let report = try builder(folder).build()
        #expect(report.errorCount == 0)
        #expect(report.lessons.map(\.slug) == ["01-a", "02-b"])
        let index = try #require(folder.read("Output/index.html"))
        let first = try #require(index.range(of: "01-a.html")), second = try #require(index.range(of: "02-b.html"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(folder.read("Output/02-b.html")?.contains("href=\"01-a.html\"") == true)
        #expect(folder.exists("Output/data/02-b/b.csv"))
        #expect(folder.exists("Output/assets/katex/katex.min.js"))
        #expect(folder.exists("Output/assets/katex/contrib/auto-render.js"))
        #expect(folder.exists("Output/assets/katex/fonts/KaTeX_Main-Regular.woff2"))
        #expect(folder.exists("Output/assets/notes.css"))
    }

    @Test func removesFilesOfDeletedLessonsAndLeftovers() throws {
        let folder = try makeCourse()
        _ = try builder(folder).build()
        try folder.write("half", to: "Output/.02-b.html.notes-tmp-abc")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("Notes/02-b.md"))
        _ = try builder(folder).build()
        #expect(!folder.exists("Output/02-b.html"))
        #expect(!folder.exists("Output/data/02-b"))
        #expect(!folder.exists("Output/.02-b.html.notes-tmp-abc"))
    }

    @Test func buildsOnlyTheRequestedLesson() throws {
        let folder = try makeCourse()
        let report = try builder(folder, lessons: ["02-b"]).build()
        #expect(report.lessons.map(\.slug) == ["02-b"])
        #expect(!folder.exists("Output/01-a.html"))
        #expect(throws: BuildError.self) { try builder(folder, lessons: ["02-c"]).build() }
    }

    @Test func secondBuildRewritesNothing() throws {
        let folder = try makeCourse()
        _ = try builder(folder).build()
        let page = folder.url.appendingPathComponent("Output/01-a.html")
        let before = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        Thread.sleep(forTimeInterval: 0.02)
        _ = try builder(folder).build()
        let after = try FileManager.default.attributesOfItem(atPath: page.path)[.modificationDate] as? Date
        #expect(before == after)
    }
}

@Suite struct AtomicFileTests {
    @Test func replacesContentAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("a/b.txt")
        #expect(try AtomicFile.write("um", to: file))
        #expect(try AtomicFile.write("dois", to: file))
        #expect(try !AtomicFile.write("dois", to: file))
        #expect(folder.read("a/b.txt") == "dois")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("a").path) == ["b.txt"])
    }
}

@Suite struct IndexBadgeTests {
    @Test func aPartialBuildKeepsTheOtherLessonsComputeTime() throws {
        let folder = try TemporaryFolder()
        try folder.write(lessonSource(title: "A", order: 1, "```swift-directive\n@Train(id: \"badge-a\")\n```\n"), to: "Notes/01-a.md")
        try folder.write(lessonSource(title: "B", order: 2, "```swift-directive\n@Train(id: \"badge-b\")\n```\n"), to: "Notes/02-b.md")
        func build(_ lessons: [String]) throws {
            _ = try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
                notesFolder: folder.url.appendingPathComponent("Notes"), outputFolder: folder.url.appendingPathComponent("Output"),
                lessons: lessons, cacheFolder: folder.url.appendingPathComponent("cache"))).build()
        }
        try build([])
        #expect(folder.read("Output/index.html")?.components(separatedBy: "s of compute</li>").count == 3)
        try build(["01-a"])
        #expect(folder.read("Output/index.html")?.components(separatedBy: "s of compute</li>").count == 3, "the badge of 02-b was lost")
    }
}
