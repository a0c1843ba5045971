import Markdown

/// The HTML shared by every page: head with local KaTeX, header, footer. The course's
/// title, footer and repository come from its configuration (`course.yml`), the words from
/// the page's language (`PageStrings`).
enum PageChrome {
    static func head(title: String, language: String, description: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escapeHTML(language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeHTML(title))</title>
        <meta name="description" content="\(escapeHTML(description))">
        <meta name="generator" content="notes">
        <script>try { var theme = localStorage.getItem("notes-theme"); if (theme === "light" || theme === "dark") { document.documentElement.dataset.theme = theme; } } catch (e) {}</script>
        <link rel="stylesheet" href="assets/katex/katex.min.css">
        <link rel="stylesheet" href="assets/notes.css">
        <script defer src="assets/katex/katex.min.js"></script>
        <script defer src="assets/katex/contrib/auto-render.js"></script>
        <script defer src="assets/notes.js"></script>
        </head>\n
        """
    }

    /// The course's title, the search box over `lessons` (slugs; none, no box) and the
    /// light/dark switch. notes.js shows both, loads the lessons' search files when the box is
    /// first used and remembers the theme; without JavaScript the page follows the system's
    /// setting and has no search.
    static func header(course: CourseConfiguration, strings: PageStrings = .portuguese, lessons: [String] = []) -> String {
        var search = ""
        if !lessons.isEmpty {
            search = """
            <form class="site-search" role="search" hidden data-lessons="\(escapeHTML(lessons.joined(separator: " ")))">
            <label class="visually-hidden" for="notes-search">\(escapeHTML(strings.searchLabel))</label>
            <input id="notes-search" class="search-input" type="search" placeholder="\(escapeHTML(strings.search))" autocomplete="off" spellcheck="false">
            <ul class="search-results" hidden></ul>
            <p class="visually-hidden search-status" aria-live="polite"></p>
            </form>\n
            """
        }
        return """
        <header class="site-header">
        <a class="site-title" href="index.html">\(escapeHTML(course.displayTitle))</a>
        \(search)<button class="theme-toggle" type="button" hidden aria-pressed="false" title="\(escapeHTML(strings.darkTheme))">\
        <span aria-hidden="true">◐</span><span class="visually-hidden">\(escapeHTML(strings.darkTheme))</span></button>
        </header>\n
        """
    }

    /// The course's footer text (escaped), or the default sentence in the page's language;
    /// a link to the repository when the course names one.
    static func footer(course: CourseConfiguration, strings: PageStrings) -> String {
        var text = course.footer.map(escapeHTML) ?? strings.defaultFooter
        if let repository = course.repository {
            text += " <a class=\"repository\" href=\"\(escapeHTML(repository))\">\(escapeHTML(repository))</a>"
        }
        return """
        <footer class="site-footer">
        <p>\(text)</p>
        </footer>
        </body>
        </html>\n
        """
    }

    static func skipLink(_ strings: PageStrings) -> String {
        "<a class=\"skip-link\" href=\"#conteudo_principal\">\(escapeHTML(strings.skipToContent))</a>\n"
    }
}

/// Links to the other lessons: the neighbours (the pager under the text) and every lesson of
/// the course (the sidebar), with the current one marked.
public struct LessonNavigation: Sendable {
    public var previous: (slug: String, title: String)?
    public var next: (slug: String, title: String)?
    /// Every lesson in course order; empty leaves the sidebar without the course's list.
    public var lessons: [(slug: String, title: String)] = []
    public var current: String?

    public init(previous: (slug: String, title: String)? = nil, next: (slug: String, title: String)? = nil,
                lessons: [(slug: String, title: String)] = [], current: String? = nil) {
        self.previous = previous
        self.next = next
        self.lessons = lessons
        self.current = current
    }

    /// The course's lessons, numbered, the current one `aria-current="page"`; "" for a course
    /// of one lesson. Folded like the table of contents on a phone.
    func courseList(_ strings: PageStrings) -> String {
        guard lessons.count > 1 else { return "" }
        let title = escapeHTML(strings.courseLessons)
        var html = "<nav class=\"course-nav\" aria-label=\"\(title)\">\n<details open>\n"
        html += "<summary><span class=\"toc-title\">\(title)</span></summary>\n<ol>\n"
        for lesson in lessons {
            let here = lesson.slug == current
            html += "<li><a href=\"\(urlAttribute(lesson.slug + ".html"))\"\(here ? " aria-current=\"page\"" : "")>"
                + "\(escapeHTML(lesson.title))</a></li>\n"
        }
        return html + "</ol>\n</details>\n</nav>\n"
    }

    /// The pager; "" for a course of one lesson.
    func html(_ strings: PageStrings) -> String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"\(escapeHTML(strings.lessonNavigation))\">\n"
        if let previous {
            html += "<a class=\"pager-previous\" rel=\"prev\" href=\"\(urlAttribute(previous.slug + ".html"))\"><span>\(escapeHTML(strings.previous))</span> \(escapeHTML(previous.title))</a>\n"
        }
        if let next {
            html += "<a class=\"pager-next\" rel=\"next\" href=\"\(urlAttribute(next.slug + ".html"))\"><span>\(escapeHTML(strings.next))</span> \(escapeHTML(next.title))</a>\n"
        }
        return html + "</nav>\n"
    }
}
