import Foundation
import Testing
@testable import Notebook

/// `docs/architecture.md` names the files where each step of a build lives: every path it
/// names must exist, so the page cannot drift from the code unnoticed.
@Suite struct ArchitectureDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyPathItNamesExists() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let paths = text.matches(of: /Sources\/[A-Za-z0-9_\/+.]*[A-Za-z0-9_\/]/).map { String($0.output) }
        #expect(paths.count > 20)
        for path in Set(paths) {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path), "\(path) does not exist")
        }
    }

    /// Nothing course-specific is compiled in: the course's title and intro live in
    /// `Notes/course.yml` only.
    @Test func theCourseLivesInItsConfigurationNotInTheSources() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Notes/course.yml"), encoding: .utf8)
        let (course, problems) = CourseConfiguration.parse(text, path: "Notes/course.yml")
        #expect(problems.isEmpty)
        let specific = [course.title, course.intro, course.description].compactMap { $0 }
        #expect(!specific.isEmpty)
        let files = FileManager.default.enumerator(at: Self.root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { ["swift", "css", "js"].contains($0.pathExtension) }
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            for phrase in specific { #expect(!source.contains(phrase), "\(file.lastPathComponent) contains '\(phrase)'") }
        }
    }
}

