import Charts
import Markdown

/// The course's front page: the lessons in order, as cards with their summary, number of
/// experiments and compute time.
public enum IndexPage {
    public struct Entry: Sendable {
        public var slug: String
        public var title: String
        public var summary: String
        public var experiments: Int
        /// Compute time of the lesson's experiments, in seconds: for cached results, the time
        /// of their original run. Nil when unknown (the lesson was not built this time).
        public var seconds: Double?

        public init(slug: String, title: String, summary: String, experiments: Int, seconds: Double? = nil) {
            self.slug = slug
            self.title = title
            self.summary = summary
            self.experiments = experiments
            self.seconds = seconds
        }

        /// The lesson's number, from its file name (`05-gmvae` → 5).
        var number: Int? { Int(slug.prefix(while: { $0.isASCII && $0.isNumber })) }
    }

    /// The index in the course's language: title, subtitle, authors and intro from the course
    /// configuration, then a card per lesson.
    public static func render(_ entries: [Entry], course: CourseConfiguration = CourseConfiguration()) -> String {
        let strings = course.strings
        let intro = course.intro ?? strings.defaultIntro
        var html = PageChrome.head(title: course.displayTitle, language: course.language,
                                   description: course.description ?? intro)
        html += "<body class=\"index\">\n"
        html += PageChrome.skipLink(strings)
        html += PageChrome.header(course: course, strings: strings, lessons: entries.map(\.slug))
        html += "<main id=\"conteudo_principal\">\n<h1>\(escapeHTML(course.displayTitle))</h1>\n"
        if let subtitle = course.subtitle { html += "<p class=\"subtitle\">\(escapeHTML(subtitle))</p>\n" }
        if !course.authors.isEmpty {
            html += "<p class=\"authors\">\(escapeHTML(course.authors.joined(separator: ", ")))</p>\n"
        }
        html += "<p class=\"lede\">\(escapeHTML(intro))</p>\n"
        html += "<ol class=\"lesson-cards\">\n"
        for entry in entries { html += card(entry, strings: strings, numbers: NumberStyle(language: course.language)) }
        html += "</ol>\n</main>\n"
        html += PageChrome.footer(course: course, strings: strings)
        return html
    }

    static func card(_ entry: Entry, strings: PageStrings = .portuguese, numbers: NumberStyle = NumberStyle(decimalSeparator: ",")) -> String {
        var html = "<li class=\"lesson-card\">\n"
        if let number = entry.number { html += "<p class=\"lesson-number\">\(escapeHTML(strings.lessonNumber(number)))</p>\n" }
        html += "<h2><a href=\"\(urlAttribute(entry.slug + ".html"))\">\(escapeHTML(entry.title))</a></h2>\n"
        if !entry.summary.isEmpty { html += "<p class=\"lesson-summary\">\(escapeHTML(entry.summary))</p>\n" }
        html += "<ul class=\"lesson-meta\">\n"
        html += "<li>\(escapeHTML(strings.experiments(entry.experiments)))</li>\n"
        if let seconds = entry.seconds, entry.experiments > 0 {
            html += "<li title=\"\(escapeHTML(strings.computeTimeTitle))\" data-volatile>"
                + "\(escapeHTML(strings.computeTime(formatSeconds(seconds, numbers: numbers))))</li>\n"
        }
        return html + "</ul>\n</li>\n"
    }
}
