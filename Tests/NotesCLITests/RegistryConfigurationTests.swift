import Foundation
import Testing
@testable import Experiments
@testable import Notebook
import NotesCLI

/// The CLI's registry applies the course configuration: `course.yml`'s dataset folder and the
/// course's folder, which `@Listing` reads from (it once ignored both).
@Suite struct RegistryConfigurationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theCLIRegistryConfiguresTheExperiments() throws {
        let options = BuildOptions(notesFolder: Self.repository.appendingPathComponent("Notes"),
                                   outputFolder: FileManager.default.temporaryDirectory.appendingPathComponent("unused"))
        // The course's folder is the one holding Notes/ (the repository for this course), the
        // folder the Listing tests also read from: written here with a trailing slash (the
        // same folder), so a test running beside is not disturbed and the check can fail.
        Listing.root.value = Self.repository.standardizedFileURL.path + "/"
        let (course, _) = SiteBuilder(registry: defaultRegistry, options: options).loadCourse()
        #expect(course.sourceRoot == Self.repository.standardizedFileURL.path)
        #expect(Listing.root.value == Self.repository.standardizedFileURL.path)
    }
}
