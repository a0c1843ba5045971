import Foundation
import Markdown

/// What a course says about itself, from `course.yml` in the lessons folder: everything a
/// page needs that is not in a lesson, so another lecturer changes a file, not Swift.
///
/// ```yaml
/// title: Aprendizado de Máquina Probabilístico
/// subtitle: Notas de aula executáveis
/// intro: Notas de aula sobre modelos probabilísticos, cada número calculado ao gerar as páginas.
/// description: Notas de aula executáveis.
/// authors: [Ana Souza, Bruno Lima]
/// lang: pt-BR
/// footer: Curso de pós-graduação, 2026.
/// repository: https://github.com/owner/course
/// branch: main
/// data:
///   fashionMNIST: /usr/share/datasets/fashion-mnist
/// katex: /usr/share/javascript/katex
/// ```
///
/// Every key is optional and a missing file gives the defaults (`lang: en`, a title and
/// footer in that language). A lesson's own `lang` overrides the course's. Problems are
/// diagnostics at `course.yml:line:column`: malformed YAML or a value of the wrong type is an
/// error (the defaults are used for that key), an unknown key a warning with a suggestion.
public struct CourseConfiguration: Sendable, Equatable {
    public static let fileName = "course.yml"
    public static let defaultLanguage = "en"

    public var title: String?
    public var subtitle: String?
    /// The index page's lead paragraph.
    public var intro: String?
    /// The index page's `<meta name="description">`; defaults to `intro`.
    public var description: String?
    public var authors: [String] = []
    /// A BCP 47 tag: the pages' `lang`, number format and, when `PageStrings` supports it, words.
    public var language = CourseConfiguration.defaultLanguage
    /// Plain text at the foot of every page; nil keeps the default sentence.
    public var footer: String?
    /// An `http(s)` URL of the course's sources.
    public var repository: String?
    /// The branch the "view source" and "edit" links point into (`main` unless set).
    public var branch = "main"
    /// Folder of the Fashion-MNIST files (default: Debian's `dataset-fashion-mnist`).
    public var fashionMNISTFolder: String?
    /// The folder holding the lessons folder (the course's repository): where `@Listing`
    /// reads source files. Set by the build, not read from `course.yml`.
    public var sourceRoot: String?
    /// Folder of KaTeX (default: Debian's `libjs-katex`).
    public var katexFolder: String?

    public init(language: String = CourseConfiguration.defaultLanguage) { self.language = language }

    /// The words of the course's own language (English when it is not supported).
    public var strings: PageStrings { PageStrings.for(language: language) ?? .english }

    /// The title shown in every header: `title`, or "Lecture notes" in the course's language.
    public var displayTitle: String { title ?? strings.defaultTitle }

    static let keys = ["title", "subtitle", "intro", "description", "authors", "lang", "footer", "repository",
                       "branch", "data", "katex"]

    /// Reads `course.yml` from `folder` (`path` names it in diagnostics); no file gives the
    /// defaults and no diagnostic.
    public static func load(from folder: URL, path: String) -> (CourseConfiguration, [Diagnostic]) {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return (CourseConfiguration(), []) }
        guard let data = try? Data(contentsOf: url) else {
            return (CourseConfiguration(), [Diagnostic(file: path, line: 1, column: 1, id: "invalid-course-configuration",
                                                       message: "cannot read the course configuration",
                                                       suggestion: "check the file's permissions")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (CourseConfiguration(), [Diagnostic(file: path, line: 1, column: 1, id: "invalid-encoding",
                                                       message: "the course configuration is not valid UTF-8 text",
                                                       suggestion: "save the file as UTF-8")])
        }
        return parse(LessonText.normalized(text), path: path)
    }

    /// Parses the text of a `course.yml`.
    public static func parse(_ text: String, path: String) -> (CourseConfiguration, [Diagnostic]) {
        var reader = Reader(path: path)
        let root: YAMLValue?
        do {
            root = try YAMLDocument.parse(text, what: "the course configuration")
        } catch {
            reader.error("invalid-course-configuration", error.message, at: error.location,
                         suggestion: error.suggestion ?? "the file holds 'key: value' lines, e.g. 'title: My course'")
            return (CourseConfiguration(), reader.diagnostics)
        }
        var course = CourseConfiguration()
        guard let root else { return (course, []) }
        guard case .mapping(let entries, _) = root else {
            reader.error("invalid-course-configuration", "the course configuration must be a mapping of keys to values",
                         at: root.location, suggestion: "write 'title: My course' and similar lines")
            return (course, reader.diagnostics)
        }
        for entry in entries {
            switch entry.key {
            case "title": course.title = reader.text(entry)
            case "subtitle": course.subtitle = reader.text(entry)
            case "intro": course.intro = reader.text(entry)
            case "description": course.description = reader.text(entry)
            case "footer": course.footer = reader.text(entry)
            case "authors": course.authors = reader.texts(entry)
            case "lang": course.language = reader.language(entry) ?? defaultLanguage
            case "repository": course.repository = reader.url(entry)
            case "branch": course.branch = reader.text(entry) ?? "main"
            case "katex": course.katexFolder = reader.text(entry)
            case "data": course.fashionMNISTFolder = reader.dataFolders(entry)
            default:
                let hint = closestMatch(to: entry.key, in: keys).map { "did you mean '\($0)'?" }
                    ?? "known keys: " + keys.joined(separator: ", ")
                reader.diagnostics.append(Diagnostic(.warning, file: path, line: entry.keyLocation.line,
                                                     column: entry.keyLocation.column, id: "unknown-course-key",
                                                     message: "unknown key '\(entry.key)' in the course configuration",
                                                     suggestion: hint))
            }
        }
        return (course, reader.diagnostics)
    }

    /// Turns entries into typed values, reporting wrong types.
    private struct Reader {
        var path: String
        var diagnostics: [Diagnostic] = []

        mutating func error(_ id: String, _ message: String, at location: MarkdownLocation, suggestion: String?) {
            diagnostics.append(Diagnostic(file: path, line: location.line, column: location.column, id: id,
                                          message: message, suggestion: suggestion))
        }

        mutating func text(_ entry: YAMLEntry) -> String? {
            switch entry.value {
            case .text(let text, _): return text
            case .null: return nil
            default:
                error("invalid-course-configuration", "'\(entry.key)' must be text, found \(entry.value.kindDescription)",
                      at: entry.value.location, suggestion: "write '\(entry.key): …' on one line")
                return nil
            }
        }

        mutating func texts(_ entry: YAMLEntry) -> [String] {
            switch entry.value {
            case .text(let text, _): return [text]
            case .null: return []
            case .list(let items, _) where items.allSatisfy({ if case .text = $0 { true } else { false } }):
                return items.compactMap { if case .text(let t, _) = $0 { t } else { nil } }
            default:
                error("invalid-course-configuration", "'\(entry.key)' must be a list of names",
                      at: entry.value.location, suggestion: "write '\(entry.key): [Ana Souza, Bruno Lima]'")
                return []
            }
        }

        mutating func language(_ entry: YAMLEntry) -> String? {
            guard let tag = text(entry) else { return nil }
            guard LanguageTag.isWellFormed(tag) else {
                error("invalid-lang", "'lang' must be a BCP 47 language tag, found '\(tag)'", at: entry.value.location,
                      suggestion: LanguageTag.repaired(tag).map { "write '\($0)'" } ?? "write pt-BR or en")
                return nil
            }
            if PageStrings.for(language: tag) == nil {
                diagnostics.append(Diagnostic(.warning, file: path, line: entry.value.location.line,
                                              column: entry.value.location.column, id: "unsupported-lang",
                                              message: "the page template has no words in '\(tag)' yet; they are in English",
                                              suggestion: "use one of: " + PageStrings.supported.joined(separator: ", ")))
            }
            return tag
        }

        mutating func url(_ entry: YAMLEntry) -> String? {
            guard let text = text(entry) else { return nil }
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
                error("invalid-course-configuration", "'\(entry.key)' must be an http(s) address, found '\(text)'",
                      at: entry.value.location, suggestion: "write '\(entry.key): https://github.com/owner/course'")
                return nil
            }
            return text
        }

        mutating func dataFolders(_ entry: YAMLEntry) -> String? {
            guard case .mapping(let folders, _) = entry.value else {
                error("invalid-course-configuration", "'data' must be a mapping of dataset names to folders",
                      at: entry.value.location, suggestion: "write 'data:' and, indented below, 'fashionMNIST: /path/to/folder'")
                return nil
            }
            var found: String?
            for folder in folders {
                if folder.key == "fashionMNIST" { found = text(folder); continue }
                diagnostics.append(Diagnostic(.warning, file: path, line: folder.keyLocation.line, column: folder.keyLocation.column,
                                              id: "unknown-course-key", message: "unknown dataset '\(folder.key)' under 'data'",
                                              suggestion: "the datasets are: fashionMNIST"))
            }
            return found
        }
    }
}
