import Charts
import Foundation
import Markdown

/// A rendered lesson: its page and the figure and table files it links to.
public struct RenderedPage: Sendable {
    /// Relative to the output folder: `05-gmvae.html`.
    public var path: String
    public var html: String
    /// Relative path → contents (`figures/<slug>/<name>.svg`, `data/<slug>/<name>.csv`).
    public var files: [String: Data]
    /// Problems found while rendering (unknown inline references).
    public var diagnostics: [Diagnostic]
    /// Relative path of each figure and table file → the directive call that produced it.
    public var origins: [String: SourceLocation] = [:]
    /// Claims (`` `?…` ``) checked on the page, and how many were false.
    public var claims = 0
    public var failedClaims = 0
}

/// Renders a lesson: prose through cmark, each directive block replaced by its results.
public enum LessonPage {
    /// Renders in the lesson's `lang`, else the course's; chrome words from `PageStrings`.
    public static func render(lesson: Lesson, plan: LessonPlan, outcomes: [Int: DirectiveOutcome],
                              navigation: LessonNavigation,
                              course: CourseConfiguration = CourseConfiguration(),
                              lessons: Set<String> = [], lessonsFolder: URL? = nil,
                              bibliography: Bibliography? = nil) -> RenderedPage {
        let language = lesson.language(in: course)
        let strings = PageStrings.for(language: language) ?? course.strings
        let numbers = NumberStyle(language: language)
        var results = ResultRenderer(slug: lesson.slug, numbers: numbers, strings: strings)
        results.page = PageContext(language: language)
        results.file = lesson.path
        results.counter.taken.formUnion(lesson.document.headings.map(\.id))
        let blockByFence = Dictionary(plan.blocks.enumerated().map { ($1.fenced.index, $0) },
                                      uniquingKeysWith: { a, _ in a })
        var values = InlineValues(
            file: lesson.path,
            results: plan.directiveForID.compactMapValues { outcomes[$0]?.result },
            knownIDs: Set(plan.directiveForID.keys), numbers: numbers)
        values.declared = plan.declaredScalars
        values.timeNotMeasured = strings.timeNotMeasured
        var claims = InlineClaims(
            file: lesson.path,
            results: plan.directiveForID.compactMapValues { outcomes[$0]?.result },
            knownIDs: Set(plan.directiveForID.keys), numbers: numbers, strings: strings)
        claims.declared = values.declared
        var references = CrossReferences(file: lesson.path, strings: strings)
        var links = LessonLinks(file: lesson.path, lessons: lessons.union([lesson.slug]))
        var images = LessonImages(file: lesson.path, slug: lesson.slug, folder: lessonsFolder)
        var citations = PageCitations(file: lesson.path, bibliography: bibliography, strings: strings)
        var body = ""
        let languageDiagnostics = lesson.unsupportedLanguage().map { [$0] } ?? []
        for diagnostic in lesson.diagnostics + languageDiagnostics { body += results.errorBox(diagnostic, inLesson: true) }
        body += lesson.document.renderHTML(
            replacingBlock: { fenced in
                guard let index = blockByFence[fenced.index] else { return nil }
                return results.render(block: plan.blocks[index], plan: plan, outcomes: outcomes)
            },
            inlineCode: { code, location in values.resolve(code, at: location) ?? claims.resolve(code, at: location) },
            crossReference: { label, location in references.placeholder(for: label, at: location) },
            calloutLanguage: language,
            linkDestination: { destination, location in links.resolve(destination, at: location) },
            imageSource: { source, location in images.resolve(source, at: location) },
            citation: { items, written, location in citations.render(items, written: written, at: location) })
        body += citations.referencesHTML()
        let unavailable = Set(plan.directives.indices.filter { outcomes[$0]?.result == nil }
            .flatMap { LessonPlan.literalStrings("label", in: plan.directives[$0].call) })
        let (linkedBody, referenceDiagnostics) = references.resolve(in: body, labels: results.counter.labels,
                                                                    unavailable: unavailable)
        var html = PageChrome.head(title: "\(lesson.title) — \(course.displayTitle)",
                                   language: language, description: lesson.summary)
        html += "<body class=\"lesson\">\n"
        html += PageChrome.skipLink(strings)
        html += PageChrome.header(course: course, strings: strings, lessons: navigation.lessons.map(\.slug))
        html += "<div class=\"layout\">\n"
        let sidebar = navigation.courseList(strings) + tableOfContents(lesson.document.headings, strings: strings)
        if !sidebar.isEmpty { html += "<aside class=\"sidebar\">\n" + sidebar + "</aside>\n" }
        html += "<main id=\"conteudo_principal\">\n<article>\n"
        if lesson.frontMatter.title != nil, lesson.document.headings.first?.level != 1 {
            html += "<h1>\(escapeHTML(lesson.title))</h1>\n"
            html += byline(lesson: lesson, experiments: plan.directives.count, strings: strings)
        }
        html += linkedBody
        html += "</article>\n" + sourceLinks(lesson: lesson, course: course, strings: strings)
        html += navigation.html(strings) + "</main>\n</div>\n"
        html += PageChrome.footer(course: course, strings: strings)
        var files = results.files.merging(images.files) { a, _ in a }
        if !navigation.lessons.isEmpty {
            files[SearchIndex.path(of: lesson.slug)] = Data(SearchIndex(lesson: lesson.slug, title: lesson.title, article: linkedBody).script.utf8)
        }
        return RenderedPage(path: lesson.slug + ".html", html: html, files: files,
                            diagnostics: languageDiagnostics + results.diagnostics + values.diagnostics + claims.diagnostics
                                + referenceDiagnostics + links.diagnostics + images.diagnostics + citations.diagnostics,
                            origins: results.origins.merging(images.origins) { a, _ in a },
                            claims: claims.checked, failedClaims: claims.failed)
    }

    /// "Lição 5 · Ana Souza · 7 de dezembro de 2026 · 3 experimentos · cerca de 12 min de
    /// leitura", under the title (author and date from front matter, when given). Reading time
    /// at 200 words a minute of prose (directive blocks and front matter do not count).
    static func byline(lesson: Lesson, experiments: Int, strings: PageStrings = .portuguese) -> String {
        var parts: [String] = []
        if let number = Int(lesson.slug.prefix(while: { $0.isASCII && $0.isNumber })) { parts.append(strings.lessonNumber(number)) }
        if let author = lesson.frontMatter.extras["author"], !author.isEmpty { parts.append(author) }
        if let date = lesson.frontMatter.extras["date"], !date.isEmpty { parts.append(strings.date(date)) }
        if experiments > 0 { parts.append(strings.experiments(experiments)) }
        var words = 0
        var inBlock = false
        for line in lesson.source.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") || line == "---" { inBlock.toggle(); continue }
            if !inBlock { words += line.split(whereSeparator: { $0 == " " || $0 == "\t" }).count }
        }
        let minutes = max(1, Int((Double(words) / 200).rounded()))
        parts.append(strings.readingTime(minutes))
        return "<p class=\"lesson-byline\">\(escapeHTML(parts.joined(separator: " · ")))</p>\n"
    }

    /// "View source" and "edit" links to the lesson's file in the course's repository
    /// (`repository:` and `branch:` in `course.yml`; GitHub's and GitLab's `blob`/`edit` paths);
    /// "" without a repository.
    static func sourceLinks(lesson: Lesson, course: CourseConfiguration, strings: PageStrings) -> String {
        guard let repository = course.repository else { return "" }
        let base = repository.hasSuffix("/") ? String(repository.dropLast()) : repository
        let file = lesson.path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }
            .joined(separator: "/")
        let branch = course.branch.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? course.branch
        return """
        <p class="source-links"><a href="\(escapeHTML("\(base)/blob/\(branch)/\(file)"))">\(escapeHTML(strings.viewSource))</a> · \
        <a href="\(escapeHTML("\(base)/edit/\(branch)/\(file)"))">\(escapeHTML(strings.editPage))</a></p>\n
        """
    }

    /// Sidebar listing the lesson's level-2 and level-3 headings. It sits in a `<details>`,
    /// open by default: on a phone, where it comes before the text, notes.js folds it.
    static func tableOfContents(_ headings: [Heading], strings: PageStrings = .portuguese) -> String {
        let entries = headings.filter { (2...3).contains($0.level) }
        guard !entries.isEmpty else { return "" }
        let title = escapeHTML(strings.onThisPage)
        var html = "<nav class=\"toc\" aria-label=\"\(title)\">\n<details open>\n"
        html += "<summary><span class=\"toc-title\">\(title)</span></summary>\n<ul>\n"
        for heading in entries {
            html += "<li class=\"toc-level-\(heading.level)\"><a href=\"#\(escapeHTML(heading.id))\">\(heading.html)</a></li>\n"
        }
        return html + "</ul>\n</details>\n</nav>\n"
    }
}
