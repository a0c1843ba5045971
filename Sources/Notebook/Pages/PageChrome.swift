import Markdown

/// The HTML shared by every page: head with local KaTeX, header, footer.
enum PageChrome {
    static let courseTitle = "Modelos Generativos Profundos"

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
        <link rel="stylesheet" href="assets/katex/katex.min.css">
        <link rel="stylesheet" href="assets/notes.css">
        <script defer src="assets/katex/katex.min.js"></script>
        <script defer src="assets/katex/contrib/auto-render.js"></script>
        <script defer src="assets/notes.js"></script>
        </head>\n
        """
    }

    static func header() -> String {
        """
        <header class="site-header">
        <a class="site-title" href="index.html">\(escapeHTML(courseTitle))</a>
        </header>\n
        """
    }

    static func footer() -> String {
        """
        <footer class="site-footer">
        <p>Páginas geradas por <code>notes</code>: cada tabela e figura vem de um experimento executado de verdade.</p>
        </footer>
        </body>
        </html>\n
        """
    }
}

/// Links to the neighbouring lessons.
public struct LessonNavigation: Sendable {
    public var previous: (slug: String, title: String)?
    public var next: (slug: String, title: String)?

    public init(previous: (slug: String, title: String)? = nil, next: (slug: String, title: String)? = nil) {
        self.previous = previous
        self.next = next
    }

    /// The pager; "" for a course of one lesson.
    var html: String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Navegação entre lições\">\n"
        if let previous {
            html += "<a class=\"pager-previous\" rel=\"prev\" href=\"\(urlAttribute(previous.slug + ".html"))\"><span>Anterior</span> \(escapeHTML(previous.title))</a>\n"
        }
        if let next {
            html += "<a class=\"pager-next\" rel=\"next\" href=\"\(urlAttribute(next.slug + ".html"))\"><span>Próxima</span> \(escapeHTML(next.title))</a>\n"
        }
        return html + "</nav>\n"
    }
}
