/// Every word the page template writes around a lesson, in the lesson's language.
///
/// Lessons are written in one language and the pages that frame them must speak it too: the
/// skip link, the table of contents, the byline, "Figura 3" or "Figure 3", error boxes, the
/// claim marks. `PageStrings.for(language:)` picks the set by the primary subtag of a BCP 47
/// tag (`pt-BR`, `pt` → Portuguese; `en`, `en-GB` → English); `supported` lists them, and a
/// lesson or course asking for another is a diagnostic (`unsupported-lang`). The CLI and the
/// diagnostics themselves stay in English.
public struct PageStrings: Sendable, Equatable {
    /// The primary subtag this set is for: "pt", "en".
    public var language: String
    var skipToContent: String
    var onThisPage: String
    var lessonNavigation: String
    var previous: String
    var next: String
    var lessonNumber: @Sendable (Int) -> String
    var experiments: @Sendable (Int) -> String
    var readingTime: @Sendable (Int) -> String
    var computeTimeTitle: String
    var computeTime: @Sendable (String) -> String
    var figure: String
    var table: String
    var figureAnchor: String
    var tableAnchor: String
    var error: String
    var warning: String
    var inDirective: String
    var inLesson: String
    var position: @Sendable (Int, Int) -> String
    var notRun: String
    var cachedResult: @Sendable (String) -> String
    var ranIn: @Sendable (String) -> String
    var fromCache: @Sendable (Int, Int) -> String
    var frozenResult: String
    var fromFreeze: @Sendable (Int, Int) -> String
    /// The title of a wall time a frozen result does not have.
    var timeNotMeasured: String
    var directiveSource: String
    var missingReference: String
    var missingResult: String
    var verifiedClaimLabel: String
    var verified: String
    var falseClaimTitle: String
    var falseClaim: String
    var defaultFooter: String
    var defaultTitle: String
    var defaultIntro: String
    var by: String
    var courseLessons: String
    var darkTheme: String
    /// The search box's placeholder and its label for screen readers.
    var search: String
    var searchLabel: String
    /// The heading of a lesson's reference list.
    var references: String
    /// Where a listing comes from: "linhas 3–6", "linha 3".
    var sourceLines: @Sendable (Int, Int) -> String
    var viewSource: String
    var editPage: String
    var months: [String]
    /// "7 de dezembro de 2026", "December 7, 2026".
    var fullDate: @Sendable (_ day: Int, _ month: String, _ year: Int) -> String

    public static func == (a: PageStrings, b: PageStrings) -> Bool { a.language == b.language }

    /// The languages pages can be written in (primary subtags).
    public static let supported = ["en", "pt"]

    /// The set for a BCP 47 tag; nil when its language is not supported.
    public static func `for`(language tag: String) -> PageStrings? {
        switch tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map({ $0.lowercased() }) {
        case "pt": .portuguese
        case "en": .english
        default: nil
        }
    }

    public static let portuguese = PageStrings(
        language: "pt", skipToContent: "Pular para o conteúdo", onThisPage: "Nesta lição",
        lessonNavigation: "Navegação entre lições", previous: "Anterior", next: "Próxima",
        lessonNumber: { "Lição \($0)" }, experiments: { "\($0) experimento\($0 == 1 ? "" : "s")" },
        readingTime: { "cerca de \($0) min de leitura" },
        computeTimeTitle: "Tempo de cálculo dos experimentos", computeTime: { "\($0) de cálculo" },
        figure: "Figura", table: "Tabela", figureAnchor: "figura", tableAnchor: "tabela",
        error: "Erro", warning: "Aviso", inDirective: "na diretiva", inLesson: "na lição",
        position: { "linha \($0), coluna \($1)" }, notRun: "não executado",
        cachedResult: { "resultado do cache (calculado em \($0))" }, ranIn: { "executado em \($0)" },
        fromCache: { "\($0) de \($1) do cache" },
        frozenResult: "resultado congelado (não recalculado nesta máquina)",
        fromFreeze: { "\($0) de \($1) congelado\($0 == 1 ? "" : "s")" },
        timeNotMeasured: "tempo não medido: resultado congelado", directiveSource: "Código da diretiva",
        missingReference: "o bloco deste rótulo não produziu resultado",
        missingResult: "o resultado citado não foi calculado",
        verifiedClaimLabel: "afirmação verificada", verified: "Verificado", falseClaimTitle: "Falso",
        falseClaim: "afirmação falsa",
        defaultFooter: "Páginas geradas por <code>notes</code>: cada tabela e figura vem de um experimento executado de verdade.",
        defaultTitle: "Notas de aula",
        defaultIntro: "Cada número, tabela e figura vem de um experimento executado ao gerar estas páginas.",
        by: "por", courseLessons: "Lições", darkTheme: "Tema escuro",
        search: "Buscar", searchLabel: "Buscar nas lições", references: "Referências",
        sourceLines: { $0 == $1 ? "linha \($0)" : "linhas \($0)–\($1)" },
        viewSource: "Ver o código desta lição", editPage: "Sugerir uma correção",
        months: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                 "novembro", "dezembro"],
        fullDate: { "\($0) de \($1) de \($2)" })

    public static let english = PageStrings(
        language: "en", skipToContent: "Skip to content", onThisPage: "On this page",
        lessonNavigation: "Lesson navigation", previous: "Previous", next: "Next",
        lessonNumber: { "Lesson \($0)" }, experiments: { "\($0) experiment\($0 == 1 ? "" : "s")" },
        readingTime: { "about \($0) min read" },
        computeTimeTitle: "Compute time of the experiments", computeTime: { "\($0) of compute" },
        figure: "Figure", table: "Table", figureAnchor: "figure", tableAnchor: "table",
        error: "Error", warning: "Warning", inDirective: "in the directive", inLesson: "in the lesson",
        position: { "line \($0), column \($1)" }, notRun: "not run",
        cachedResult: { "cached result (computed in \($0))" }, ranIn: { "ran in \($0)" },
        fromCache: { "\($0) of \($1) from the cache" },
        frozenResult: "frozen result (not recomputed on this machine)",
        fromFreeze: { "\($0) of \($1) frozen" },
        timeNotMeasured: "time not measured: frozen result", directiveSource: "Directive source",
        missingReference: "the block with this label produced no result",
        missingResult: "the cited result was not computed",
        verifiedClaimLabel: "verified claim", verified: "Verified", falseClaimTitle: "False",
        falseClaim: "false claim",
        defaultFooter: "Pages generated by <code>notes</code>: every table and figure comes from an experiment that really ran.",
        defaultTitle: "Lecture notes",
        defaultIntro: "Every number, table and figure comes from an experiment run when these pages were built.",
        by: "by", courseLessons: "Lessons", darkTheme: "Dark theme",
        search: "Search", searchLabel: "Search the lessons", references: "References",
        sourceLines: { $0 == $1 ? "line \($0)" : "lines \($0)–\($1)" },
        viewSource: "View this lesson's source", editPage: "Suggest a correction",
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"],
        fullDate: { "\($1) \($0), \($2)" })
}

extension PageStrings {
    /// An ISO date (`2026-12-07`) written out in the page's language; any other text as it is.
    func date(_ text: String) -> String {
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
              (1...12).contains(month), (1...31).contains(day), text.count == 10 else { return text }
        return fullDate(day, months[month - 1], year)
    }
}

