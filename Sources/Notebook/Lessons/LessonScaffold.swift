import Foundation

/// `notes new <slug>`: a new lesson file that builds as it is, showing the pieces a lesson is
/// made of: front matter, a section, math, a directive that really runs (a small VAE on a 2-D
/// ring, about a second), a number and a claim taken from its result, a cross-reference,
/// a callout, an exercise with its answer and a footnote. In the course's language
/// (Portuguese or English).
public enum LessonScaffold {
    /// Writes `<slug>.md` in the lessons folder, never over an existing file; returns its path.
    /// The order is one more than the largest of the course's lessons.
    public static func create(slug: String, title: String?, in folder: URL, course: CourseConfiguration,
                              lessons: [Lesson]) throws -> URL {
        if let problem = LessonLoader.nameProblem(slug + ".md") {
            throw BuildError("'\(TerminalText.escaped(slug))' cannot name a lesson: \(problem.message); \(problem.suggestion)")
        }
        let url = folder.appendingPathComponent(slug + ".md")
        guard !SafePaths.exists(url) else {
            throw BuildError("\(url.path) already exists; notes new never overwrites a file (choose another name)")
        }
        let order = (lessons.compactMap(\.frontMatter.order).max() ?? lessons.count) + 1
        let text = source(title: title ?? defaultTitle(slug), order: order, language: course.language)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Exclusive create (O_EXCL): a file appearing meanwhile is not overwritten either.
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            throw BuildError("cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
        return url
    }

    /// "06-fluxos-normalizadores" → "Fluxos normalizadores".
    static func defaultTitle(_ slug: String) -> String {
        let words = slug.drop { $0.isNumber || $0 == "-" || $0 == "_" }.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = words.first else { return slug }
        return ([first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst().map(String.init)).joined(separator: " ")
    }

    /// The lesson's text. Front-matter values are quoted YAML strings.
    static func source(title: String, order: Int, language: String) -> String {
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let english = language.lowercased().hasPrefix("en")
        let fence = "```"
        let id = english ? "example" : "exemplo"
        if english {
            return """
            ---
            title: \(quoted)
            order: \(order)
            summary: "One sentence for the course's front page."
            ---

            ## Introduction

            Prose is Markdown; math is TeX between dollars: the ELBO bounds the evidence,
            $\\log p(x) \\ge \\mathbb{E}_{q(z \\mid x)}[\\log p(x \\mid z)] - \\mathrm{KL}(q(z \\mid x) \\,\\|\\, p(z))$.

            ## An experiment

            The block below runs when the lesson is built; its table and the numbers cited after it
            come from that run.

            \(fence)swift-directive
            @Train(id: "\(id)", data: .synthetic(set: .ring, train: 2000, test: 1000),
                   latent: 2, hidden: 64, epochs: 3, label: "tab-example")
            \(fence)

            After three epochs the test NELBO is `=example.test.nelbo` nats (@tab-example), and the
            build checks that it is positive: `?example.test.nelbo > 0`.[^nats]

            > **Tip:** `notes directives` lists every directive; `notes help Train` documents one.

            ## Exercise

            1. Why is the KL term never negative?

            > **Answer:** it is a divergence between two distributions, zero only when they are equal.

            [^nats]: Nats: natural logarithms.

            """
        }
        return """
        ---
        title: \(quoted)
        order: \(order)
        summary: "Uma frase para a página inicial do curso."
        ---

        ## Introdução

        O texto é Markdown; a matemática é TeX entre cifrões: o ELBO limita a evidência por baixo,
        $\\log p(x) \\ge \\mathbb{E}_{q(z \\mid x)}[\\log p(x \\mid z)] - \\mathrm{KL}(q(z \\mid x) \\,\\|\\, p(z))$.

        ## Um experimento

        O bloco abaixo roda quando a lição é gerada; a tabela e os números citados depois vêm
        dessa execução.

        \(fence)swift-directive
        @Train(id: "\(id)", data: .synthetic(set: .ring, train: 2000, test: 1000),
               latent: 2, hidden: 64, epochs: 3, label: "tab-exemplo")
        \(fence)

        Depois de três épocas, o NELBO de teste é `=exemplo.test.nelbo` nats (@tab-exemplo), e a
        geração verifica que ele é positivo: `?exemplo.test.nelbo > 0`.[^nats]

        > **Dica:** `notes directives` lista todas as diretivas; `notes help Train` documenta uma.

        ## Exercício

        1. Por que o termo de KL nunca é negativo?

        > **Resposta:** é uma divergência entre duas distribuições, zero só quando elas são iguais.

        [^nats]: Nats: logaritmos naturais.

        """
    }
}
