import Foundation
import Markdown

/// One lesson file: its front matter, its Markdown document and where it lives.
///
/// Building a lesson never throws for a problem in the lesson: bad bytes, bad front matter,
/// unclosed fences and the like become `diagnostics`, and the rest still renders.
public struct Lesson: Sendable {
    /// Path as shown in diagnostics, e.g. `Notes/05-gmvae.md`.
    public var path: String
    /// File name without extension: `05-gmvae`. Names the page (`05-gmvae.html`).
    public var slug: String
    /// The text, normalized: no byte-order mark, LF line endings.
    public var source: String
    public var document: MarkdownDocument
    /// Problems found while reading the file itself (encoding, front matter, fences).
    public var diagnostics: [Diagnostic]

    /// The language of a page whose lesson and course say nothing (`CourseConfiguration`).
    public static var defaultLanguage: String { CourseConfiguration.defaultLanguage }

    public var frontMatter: FrontMatter { document.frontMatter }
    public var title: String { frontMatter.title ?? document.headings.first?.text ?? slug }
    public var summary: String { frontMatter.summary ?? "" }
    /// Sort key: `order` from front matter, lessons without one go last.
    public var order: Int { frontMatter.order ?? Int.max }
    /// `lang` from front matter when it is a well-formed BCP 47 tag, else the course's. (A
    /// language `PageStrings` does not cover still sets the page's `lang` and number format;
    /// only the template's words fall back, with an `unsupported-lang` warning.)
    public func language(in course: CourseConfiguration) -> String {
        frontMatter.lang.flatMap { LanguageTag.isWellFormed($0) ? $0 : nil } ?? course.language
    }

    /// The page language without a course configuration.
    public var language: String { language(in: CourseConfiguration()) }

    /// `unsupported-lang`: a well-formed `lang` whose language the page template has no words
    /// for; they come from the course's language (or English).
    func unsupportedLanguage() -> Diagnostic? {
        guard let lang = frontMatter.lang, LanguageTag.isWellFormed(lang), PageStrings.for(language: lang) == nil else { return nil }
        let location = document.frontMatterEntries.last { $0.key == "lang" }?.valueLocation ?? MarkdownLocation(line: 1, column: 1)
        return Diagnostic(.warning, file: path, line: location.line, column: location.column, id: "unsupported-lang",
                          message: "the page template has no words in '\(lang)' yet; headings, captions and buttons use the course's language",
                          suggestion: "use one of: " + PageStrings.supported.joined(separator: ", "))
    }

    /// Parses a lesson. Bad front matter becomes a diagnostic and the body still renders.
    public init(path: String, source: String) {
        self.init(path: path, normalizedSource: LessonText.normalized(source))
    }

    /// Parses a lesson file's bytes. Bytes that are not UTF-8 give an `invalid-encoding`
    /// error at the first bad byte and an empty lesson.
    public init(path: String, data: Data) {
        switch LessonText.decode(data) {
        case .text(let text):
            self.init(path: path, normalizedSource: text)
        case .invalid(let location, let byte):
            self.init(path: path, normalizedSource: "")
            diagnostics = [Diagnostic(file: path, line: location.line, column: location.column,
                                      id: "invalid-encoding",
                                      message: "the file is not valid UTF-8 text (byte 0x\(String(byte, radix: 16, uppercase: true)))",
                                      suggestion: "save the file as UTF-8")]
        }
    }

    /// Reads `url`, naming it `path` in diagnostics. Throws only when the file cannot be read.
    public init(contentsOf url: URL, path: String) throws {
        self.init(path: path, data: try Data(contentsOf: url))
    }

    private init(path: String, normalizedSource source: String) {
        self.path = path
        self.slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        self.source = source
        do {
            document = try MarkdownDocument(source: source)
            diagnostics = []
        } catch {
            diagnostics = [Diagnostic(file: path, line: error.line, column: error.column, id: "front-matter",
                                      message: error.message,
                                      suggestion: error.suggestion
                                          ?? "front matter is YAML between '---' lines with title, order, summary, lang")]
            document = (try? MarkdownDocument(source: Lesson.blankingFrontMatter(source)))
                ?? (try! MarkdownDocument(source: ""))
        }
        diagnostics += LessonChecks(lesson: self).diagnostics
    }

    /// The source with its front-matter block replaced by blank lines (line numbers kept).
    static func blankingFrontMatter(_ source: String) -> String {
        var lines = source.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return source }
        let end = lines.indices.dropFirst().first {
            ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces))
        } ?? lines.count - 1
        for i in 0...end { lines[i] = "" }
        return lines.joined(separator: "\n")
    }
}

public struct LessonError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
