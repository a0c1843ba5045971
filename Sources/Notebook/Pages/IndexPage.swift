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

    public static func render(_ entries: [Entry]) -> String {
        var html = PageChrome.head(title: PageChrome.courseTitle, language: "pt-BR",
                                   description: "Notas de aula executáveis sobre modelos generativos profundos.")
        html += "<body class=\"index\">\n"
        html += "<a class=\"skip-link\" href=\"#conteudo_principal\">Pular para o conteúdo</a>\n"
        html += PageChrome.header()
        html += "<main id=\"conteudo_principal\">\n<h1>\(escapeHTML(PageChrome.courseTitle))</h1>\n"
        html += "<p class=\"lede\">Notas de aula sobre VAEs e seus parentes. Cada número, tabela e figura vem de um experimento executado ao gerar estas páginas.</p>\n"
        html += "<ol class=\"lesson-cards\">\n"
        for entry in entries { html += card(entry) }
        html += "</ol>\n</main>\n"
        html += PageChrome.footer()
        return html
    }

    static func card(_ entry: Entry) -> String {
        var html = "<li class=\"lesson-card\">\n"
        if let number = entry.number { html += "<p class=\"lesson-number\">Lição \(number)</p>\n" }
        html += "<h2><a href=\"\(urlAttribute(entry.slug + ".html"))\">\(escapeHTML(entry.title))</a></h2>\n"
        if !entry.summary.isEmpty { html += "<p class=\"lesson-summary\">\(escapeHTML(entry.summary))</p>\n" }
        html += "<ul class=\"lesson-meta\">\n"
        html += "<li>\(entry.experiments) experimento\(entry.experiments == 1 ? "" : "s")</li>\n"
        if let seconds = entry.seconds, entry.experiments > 0 {
            html += "<li title=\"Tempo de cálculo dos experimentos\" data-volatile>\(formatSeconds(seconds)) de cálculo</li>\n"
        }
        return html + "</ul>\n</li>\n"
    }
}
