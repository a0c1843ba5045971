import Charts
import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// `course.yml`: every key, the defaults, and a diagnostic at line:column for each mistake.
@Suite struct CourseConfigurationTests {
    func parse(_ text: String) -> (CourseConfiguration, [String]) {
        let (course, diagnostics) = CourseConfiguration.parse(text, path: "Notes/course.yml")
        return (course, positions(diagnostics))
    }

    @Test func readsEveryKey() {
        let (course, diagnostics) = parse("""
            title: Deep Generative Models
            subtitle: Executable notes
            intro: Notes on VAEs.
            description: For the meta tag.
            authors: [Ada Lovelace, Alan Turing]
            lang: en-GB
            footer: Graduate course, 2026.
            repository: https://example.org/course
            data:
              fashionMNIST: data/fmnist
            katex: vendor/katex
            """)
        #expect(diagnostics.isEmpty)
        #expect(course.title == "Deep Generative Models" && course.subtitle == "Executable notes")
        #expect(course.intro == "Notes on VAEs." && course.description == "For the meta tag.")
        #expect(course.authors == ["Ada Lovelace", "Alan Turing"] && course.language == "en-GB")
        #expect(course.footer == "Graduate course, 2026." && course.repository == "https://example.org/course")
        #expect(course.fashionMNISTFolder == "data/fmnist" && course.katexFolder == "vendor/katex")
        #expect(course.strings == .english)
    }

    @Test func noFileAndAnEmptyFileGiveTheDefaults() throws {
        let folder = try TemporaryFolder()
        let (missing, none) = CourseConfiguration.load(from: folder.url, path: "Notes/course.yml")
        #expect(missing == CourseConfiguration() && none.isEmpty)
        #expect(missing.language == "en" && missing.displayTitle == "Lecture notes")
        #expect(parse("# only a comment\n").0 == CourseConfiguration())
        #expect(CourseConfiguration(language: "pt-BR").displayTitle == "Notas de aula")
    }

    @Test(arguments: [
        ("title: [a, b]\n", "invalid-course-configuration@1:8"),
        ("title: ok\nauthors: {a: 1}\n", "invalid-course-configuration@2:10"),
        ("lang: pt_BR\n", "invalid-lang@1:7"),
        ("repository: ftp://example.org\n", "invalid-course-configuration@1:13"),
        ("title: x\ntitel: y\n", "unknown-course-key@2:1"),
        ("data: /usr/share\n", "invalid-course-configuration@1:7"),
        ("data:\n  mnist: /x\n", "unknown-course-key@2:3"),
        ("title: \"unclosed\n", "invalid-course-configuration@2:1"),
        ("- a\n- b\n", "invalid-course-configuration@1:1"),
        ("a: &x 1\nb: *x\n", "invalid-course-configuration@2:4"),
        ("lang: fr\n", "unsupported-lang@1:7"),
    ])
    func eachMistakeIsADiagnosticAtItsPlace(text: String, expected: String) {
        let (_, diagnostics) = parse(text)
        #expect(diagnostics == [expected], "\(text)")
    }

    @Test func aMisspelledKeySuggestsTheRightOne() {
        let (_, diagnostics) = CourseConfiguration.parse("titel: Curso\n", path: "Notes/course.yml")
        #expect(diagnostics.first?.severity == .warning && diagnostics.first?.suggestion == "did you mean 'title'?")
    }

    @Test func anUnsupportedLanguageKeepsItsNumbersAndTag() {
        let (course, _) = parse("lang: de\n")
        #expect(course.language == "de" && course.strings == .english)
        #expect(NumberStyle(language: course.language).decimalSeparator == ",")
    }

    @Test func aBadValueKeepsTheOtherKeys() {
        let (course, diagnostics) = parse("title: Curso\nlang: xx_YY_ZZ\nfooter: Rodapé\n")
        #expect(diagnostics.count == 1)
        #expect(course.title == "Curso" && course.footer == "Rodapé" && course.language == "en")
    }
}
