import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// Line endings, byte-order marks and bytes that are not UTF-8 at the lesson boundary.
@Suite struct LessonInputEncodingTests {
    static let lf = """
    ---
    title: "Título da lição"
    order: 2
    ---

    # Cabeçalho

    Texto com ação.

    ```swift-directive
    @Train(id: "a")
      @Trian(id: "b")
    ```
    """

    func diagnostics(_ lesson: Lesson) -> [String] {
        positions(lesson.diagnostics + LessonPlan(lesson: lesson, registry: fakeRegistry).diagnostics)
    }

    @Test(arguments: ["\r\n", "\r"])
    func otherLineEndingsBehaveLikeLF(ending: String) {
        let reference = Lesson(path: "Notes/t.md", source: Self.lf)
        #expect(reference.title == "Título da lição")
        #expect(diagnostics(reference) == ["unknown-directive@12:3"])

        let converted = Self.lf.replacingOccurrences(of: "\n", with: ending)
        for lesson in [Lesson(path: "Notes/t.md", source: converted),
                       Lesson(path: "Notes/t.md", data: Data(converted.utf8))] {
            #expect(lesson.title == reference.title)
            #expect(lesson.order == 2)
            #expect(lesson.source == Self.lf)
            #expect(diagnostics(lesson) == diagnostics(reference))
            #expect(lesson.document.renderHTML() == reference.document.renderHTML())
        }
    }

    @Test func byteOrderMarkDoesNotShiftColumnsOnLineOne() {
        let source = "  ```Swift-Directive\n@Train(id: \"a\")\n```\n"
        let withBOM = "\u{FEFF}" + source
        let expected = ["miscased-directive-block@1:3"]
        #expect(positions(Lesson(path: "Notes/t.md", source: source).diagnostics) == expected)
        #expect(positions(Lesson(path: "Notes/t.md", source: withBOM).diagnostics) == expected)
        #expect(positions(Lesson(path: "Notes/t.md", data: Data(withBOM.utf8)).diagnostics) == expected)
    }

    @Test func byteOrderMarkBeforeFrontMatterAndCRLF() {
        let lesson = Lesson(path: "Notes/t.md", data: Data(("\u{FEFF}" + Self.lf.replacingOccurrences(of: "\n", with: "\r\n")).utf8))
        #expect(lesson.title == "Título da lição")
        #expect(lesson.source == Self.lf)
        #expect(diagnostics(lesson) == ["unknown-directive@12:3"])
    }

    static let invalid: [(bytes: [UInt8], location: String)] = [
        (Array("---\ntitle: Olá\n---\n\nção ".utf8) + [0xE9] + Array(" mais\n".utf8), "5:5"),
        ([0xFF, 0x41], "1:1"),
        (Array("ab\r\ncd".utf8) + [0xC0, 0xAF], "2:3"),          // overlong "/"
        (Array("x\u{FEFF}y ".utf8) + [0xED, 0xA0, 0x80], "1:5"),  // surrogate; only a leading BOM is dropped
        (Array("\u{FEFF}ção".utf8) + [0xE2, 0x82], "1:4"),         // truncated at the end; the BOM is no column
        (Array("a\n\n".utf8) + [0xF4, 0x90, 0x80, 0x80], "3:1"),  // above U+10FFFF
    ]

    @Test(arguments: invalid)
    func invalidUTF8IsADiagnosticAtTheFirstBadByte(bytes: [UInt8], location: String) {
        let lesson = Lesson(path: "Notes/02-treino.md", data: Data(bytes))
        #expect(positions(lesson.diagnostics) == ["invalid-encoding@\(location)"])
        #expect(lesson.diagnostics.first?.severity == .error)
        #expect(lesson.diagnostics.first?.suggestion == "save the file as UTF-8")
        #expect(lesson.title == "02-treino")
        #expect(lesson.source.isEmpty)
        #expect(lesson.document.fencedBlocks.isEmpty)
        #expect(lesson.language == "en")
    }

    @Test func validMultibyteTextIsNotFlagged() {
        let text = "# Ação 🙂 👨‍👩‍👧\n\nçã \u{10FFFF} \u{FFFD} \u{0}\n"
        let lesson = Lesson(path: "Notes/t.md", data: Data(text.utf8))
        #expect(lesson.diagnostics.isEmpty)
        #expect(lesson.title == "Ação 🙂 👨‍👩‍👧")
    }

    @Test func readingAFileThrowsOnlyForIO() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("lesson-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("01-x.md")
        try Data([0x23, 0x20, 0xE7, 0x0A]).write(to: file)
        let lesson = try Lesson(contentsOf: file, path: "Notes/01-x.md")
        #expect(positions(lesson.diagnostics) == ["invalid-encoding@1:3"])
        #expect(throws: (any Error).self) {
            try Lesson(contentsOf: folder.appendingPathComponent("missing.md"), path: "Notes/missing.md")
        }
    }
}
