import Markdown

/// The course's front page: the lessons in order, as cards.
public enum IndexPage {
    public struct Entry: Sendable {
        public var slug: String
        public var title: String
        public var summary: String
        public var experiments: Int
        public init(slug: String, title: String, summary: String, experiments: Int) {
            self.slug = slug
            self.title = title
            self.summary = summary
            self.experiments = experiments
        }
    }

    public static func render(_ entries: [Entry]) -> String {
        var html = PageChrome.head(title: PageChrome.courseTitle, language: "pt-BR",
                                   description: "Notas de aula executáveis sobre modelos generativos profundos.")
        html += "<body class=\"index\">\n"
        html += PageChrome.header()
        html += "<main id=\"conteudo\">\n<h1>\(escapeHTML(PageChrome.courseTitle))</h1>\n"
        html += "<p class=\"lede\">Notas de aula sobre VAEs e seus parentes. Cada número, tabela e figura vem de um experimento executado ao gerar estas páginas.</p>\n"
        html += "<ol class=\"lesson-cards\">\n"
        for entry in entries {
            html += "<li class=\"lesson-card\">\n<h2><a href=\"\(entry.slug).html\">\(escapeHTML(entry.title))</a></h2>\n"
            if !entry.summary.isEmpty { html += "<p>\(escapeHTML(entry.summary))</p>\n" }
            html += "<p class=\"lesson-meta\">\(entry.experiments) experimento\(entry.experiments == 1 ? "" : "s")"
            html += "</p>\n</li>\n"
        }
        html += "</ol>\n</main>\n"
        html += PageChrome.footer()
        return html
    }
}
