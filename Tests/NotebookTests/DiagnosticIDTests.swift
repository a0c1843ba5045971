import Foundation
import Testing
@testable import Notebook

/// The diagnostic ids are one list: the README's table is generated from it, and every id the
/// sources report is on it.
@Suite struct DiagnosticIDTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theReadmeTableIsTheGeneratedOne() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(DiagnosticID.markdownTable + "\n"),
                "regenerate the README's table of diagnostics from DiagnosticID.markdownTable")
    }

    @Test func everyIDTheSourcesReportIsListed() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        let shapes = [#/(?:id: |report\(|fail\(|problem\()"([a-z]+(?:-[a-z]+)*)"/#,
                      #/(?:report|problem)\(\.(?:error|warning), "([a-z]+(?:-[a-z]+)*)"/#]
        var found: Set<String> = []
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for shape in shapes { for match in line.matches(of: shape) { found.insert(String(match.output.1)) } }
            }
        }
        #expect(found.count > 40)
        for id in found.sorted() {
            #expect(DiagnosticID(rawValue: id) != nil, "'\(id)' is reported but not listed in DiagnosticID")
        }
    }

    @Test func aTypedIDSetsItsSeverity() {
        let warning = Diagnostic(file: "a.md", line: 1, column: 1, kind: .emptyBlock, message: "m")
        #expect(warning.severity == .warning && warning.id == "empty-block" && warning.kind == .emptyBlock)
        #expect(Diagnostic(file: "a.md", line: 1, column: 1, kind: .unknownArgument, message: "m").severity == .error)
    }
}
