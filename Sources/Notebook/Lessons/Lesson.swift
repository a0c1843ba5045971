import Foundation
import Markdown

/// One lesson file: its front matter, its Markdown document and where it lives.
public struct Lesson: Sendable {
    /// Path as shown in diagnostics, e.g. `Notes/05-gmvae.md`.
    public var path: String
    /// File name without extension: `05-gmvae`. Names the page (`05-gmvae.html`).
    public var slug: String
    public var source: String
    public var document: MarkdownDocument
    /// Problems found while reading the file itself (front matter).
    public var diagnostics: [Diagnostic]

    public var frontMatter: FrontMatter { document.frontMatter }
    public var title: String { frontMatter.title ?? document.headings.first?.text ?? slug }
    public var summary: String { frontMatter.summary ?? "" }
    /// Sort key: `order` from front matter, lessons without one go last.
    public var order: Int { frontMatter.order ?? Int.max }
    public var language: String { frontMatter.lang ?? "pt-BR" }

    /// Parses a lesson. Bad front matter becomes a diagnostic and the body still renders.
    public init(path: String, source: String) {
        self.path = path
        self.slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        self.source = source
        do {
            document = try MarkdownDocument(source: source)
            diagnostics = []
        } catch {
            diagnostics = [Diagnostic(file: path, line: error.line, column: error.column, id: "front-matter",
                                      message: error.message,
                                      suggestion: "front matter is YAML between '---' lines with title, order, summary, lang")]
            document = (try? MarkdownDocument(source: Lesson.blankingFrontMatter(source)))
                ?? (try! MarkdownDocument(source: ""))
        }
    }

    /// Reads `url`, naming it `path` in diagnostics.
    public init(contentsOf url: URL, path: String) throws {
        let data = try Data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(path: path, message: "not valid UTF-8 text")
        }
        self.init(path: path, source: text)
    }

    /// The source with its front-matter block replaced by blank lines (line numbers kept).
    static func blankingFrontMatter(_ source: String) -> String {
        var lines = source.components(separatedBy: "\n")
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return source }
        let end = lines.indices.dropFirst().first { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }
            ?? lines.count - 1
        for i in 0...end { lines[i] = "" }
        return lines.joined(separator: "\n")
    }
}

public struct LessonError: Error, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
