import Charts
import LatentModels
import Notebook

/// Turns a measurement into what the page shows: a table, two figures, a note and scalars.
extension KLVariance {
    /// Given distributions (`posterior:`/`prior:`) or a trained model's (`of:`).
    public struct Measurement: Codable, Sendable {
        var given: KLVarianceMeasurement?
        var model: ModelMeasurement?
    }

    /// The estimator on a trained model's posteriors: statistics per S over `count` inputs.
    struct ModelMeasurement: Codable, Sendable {
        var prior: TrainingConfiguration.Model
        var count: Int
        var estimates: [KLEstimatorStatistics]
        var analytic: Double?
    }

    func measure(_ m: KLVarianceMeasurement) throws -> ExperimentResult {
        try measured(Measurement(given: m), scalars: scalars(m))
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        if let model = measurement.model { return presentModel(model, in: page) }
        guard let m = measurement.given, !m.spreads.isEmpty else { return [] }
        return [.table(table(m, page)), .figure(standardDeviationFigure(m, page)), .figure(meanFigure(m, page)),
                .note(summaryNote(m, page))]
    }

    /// `caption` replaces the table's caption; `label` goes to the table, or to the
    /// standard-deviation figure (the first figure) when it starts with `fig`.
    public func presenting(_ result: ExperimentResult) -> ExperimentResult {
        Presentation(caption: caption, label: label).apply(to: result)
    }

    // MARK: - Wording

    private func targetColumn(_ target: KLVarianceMeasurement.Target, _ page: PageContext) -> String {
        target.isAnalytic ? page.text("KL analítico", "Analytic KL") : page.text("KL de referência", "Reference KL")
    }

    /// The line's label with its article, for prose: "o KL analítico", "a referência MC (…)".
    private func targetWithArticle(_ target: KLVarianceMeasurement.Target, _ page: PageContext) -> String {
        page.isEnglish ? "the " + targetLineLabel(target, page) : (target.isAnalytic ? "o " : "a ") + targetLineLabel(target, page)
    }

    private func targetLineLabel(_ target: KLVarianceMeasurement.Target, _ page: PageContext) -> String {
        switch target {
        case .analytic: page.text("KL analítico", "analytic KL")
        case .reference(_, _, let samples):
            page.text("referência MC (\(Self.count(samples)) amostras)", "MC reference (\(Self.count(samples)) samples)")
        }
    }

    private func priorDescription(_ page: PageContext) -> String {
        let k = prior.components.count
        if k == 1 && prior.components[0] == .standard(dimension: posterior.dimension) { return "prior N(0, I)" }
        return k == 1 ? page.text("prior gaussiano diagonal", "diagonal Gaussian prior")
            : page.text("prior mistura de \(k) gaussianas", "prior mixture of \(k) Gaussians")
    }

    /// `10⁶` for powers of ten, the plain number otherwise.
    static func count(_ n: Int) -> String {
        var power = 1, exponent = 0
        while power < n { power *= 10; exponent += 1 }
        return power == n && exponent >= 4 ? "10" + NumberFormat.superscript(exponent) : String(n)
    }


    // MARK: - Table

    private func table(_ m: KLVarianceMeasurement, _ page: PageContext) -> ResultTable {
        let header = page.isEnglish
            ? ["Samples (S)", "Estimator mean", "Standard deviation", "Standard error", targetColumn(m.target, page), "Bias"]
            : ["Amostras (S)", "Média do estimador", "Desvio-padrão", "Erro-padrão", targetColumn(m.target, page), "Viés"]
        let c = { ResultTable.Cell.decimal($0) }
        let rows = m.spreads.map { s -> [ResultTable.Cell] in
            [.integer(s.samples), c(s.mean), c(s.standardDeviation), c(s.standardError),
             c(m.target.value), c(s.mean - m.target.value)]
        }
        let defaultCaption = page.text(
            "Estimador de Monte Carlo de KL(q ‖ p) com \(priorDescription(page)): média, desvio-padrão e "
                + "erro-padrão da média sobre \(repeats) repetições para cada número de amostras S. "
                + "Viés = média − \(targetColumn(m.target, page)).",
            "Monte Carlo estimator of KL(q ‖ p) with a \(priorDescription(page)): mean, standard deviation and "
                + "standard error of the mean over \(repeats) repeats for each number of samples S. "
                + "Bias = mean − \(targetColumn(m.target, page)).")
        return ResultTable(name: name, caption: defaultCaption, header: header, rows: rows)
    }

    // MARK: - Figures

    private func standardDeviationFigure(_ m: KLVarianceMeasurement, _ page: PageContext) -> ResultFigure {
        let measured = LineSeries(page.text("desvio-padrão medido", "measured standard deviation"), points: m.spreads.map {
            DataPoint(x: Double($0.samples), y: $0.standardDeviation)
        })
        var series = [measured]
        if let first = m.spreads.first, let last = m.spreads.last, last.samples > first.samples {
            let ends = [first.samples, last.samples].map(Double.init)
            series.append(LineSeries(page.text("inclinação −1/2 (∝ 1/√S)", "slope −1/2 (∝ 1/√S)"), x: ends,
                                     y: ends.map { first.standardDeviation * (Double(first.samples) / $0).squareRoot() },
                                     stroke: .dashed, marker: Marker.none, color: .reference))
        }
        let slopeText = m.slope.map { page.text("a inclinação ajustada é ", "the fitted slope is ") + page.decimal($0, digits: 3) }
            ?? page.text("não há pontos suficientes para ajustar uma inclinação", "there are too few points to fit a slope")
        let first = page.decimal(m.spreads.first!.standardDeviation), last = page.decimal(m.spreads.last!.standardDeviation)
        let summary = page.text(
            "Gráfico log-log do desvio-padrão do estimador de Monte Carlo do KL entre \(repeats) repetições, "
                + "para S = \(sampleList(page)) amostras: de \(first) a \(last). A reta tracejada tem inclinação −1/2 "
                + "(queda proporcional a 1/√S); \(slopeText).",
            "Log-log plot of the standard deviation of the Monte Carlo KL estimator across \(repeats) repeats, "
                + "for S = \(sampleList(page)) samples: from \(first) to \(last). The dashed line has slope −1/2 "
                + "(a fall proportional to 1/√S); \(slopeText).")
        let figureName = name + "-desvio"
        let chart = LineChart(title: page.text("Desvio-padrão do estimador de Monte Carlo do KL", "Standard deviation of the Monte Carlo KL estimator"),
                              summary: summary, xAxis: .log(page.text("Amostras (S)", "Samples (S)")),
                              yAxis: .log(page.text("Desvio-padrão do estimador", "Standard deviation of the estimator")),
                              series: series, width: 640, height: 380, identifier: figureName)
        return ResultFigure(name: figureName,
                            caption: page.text("Desvio-padrão do estimador em função do número de amostras S (escala log-log). "
                                                + "A reta tracejada tem inclinação −1/2.",
                                               "Standard deviation of the estimator as a function of the number of samples S "
                                                + "(log-log axes). The dashed line has slope −1/2."),
                            svg: chart.document(for: page), altText: summary)
    }

    private func meanFigure(_ m: KLVarianceMeasurement, _ page: PageContext) -> ResultFigure {
        let points = m.spreads.map { DataPoint(x: Double($0.samples), y: $0.mean, error: $0.standardDeviation) }
        let reference = ReferenceLine(y: m.target.value, label: targetLineLabel(m.target, page))
        let target = targetWithArticle(m.target, page)
        let summary = page.text(
            "Média do estimador de Monte Carlo do KL para S = \(sampleList(page)) amostras, com barras de "
                + "± 1 desvio-padrão entre \(repeats) repetições; a linha tracejada marca \(target), "
                + "\(page.decimal(m.target.value)). \(biasSentence(m, page))",
            "Mean of the Monte Carlo KL estimator for S = \(sampleList(page)) samples, with bars of "
                + "± 1 standard deviation across \(repeats) repeats; the dashed line marks \(target), "
                + "\(page.decimal(m.target.value)). \(biasSentence(m, page))")
        let figureName = name + "-media"
        let chart = LineChart(title: page.text("Média do estimador de Monte Carlo do KL", "Mean of the Monte Carlo KL estimator"),
                              summary: summary, xAxis: .log(page.text("Amostras (S)", "Samples (S)")),
                              yAxis: .linear(page.text("KL estimado", "Estimated KL")),
                              series: [LineSeries(page.text("média ± 1 desvio-padrão", "mean ± 1 standard deviation"), points: points)],
                              referenceLines: [reference], width: 640, height: 380, identifier: figureName)
        return ResultFigure(name: figureName,
                            caption: page.text("Média do estimador ± 1 desvio-padrão entre repetições; a linha tracejada marca \(target).",
                                               "Mean of the estimator ± 1 standard deviation across repeats; the dashed line marks \(target)."),
                            label: nil, svg: chart.document(for: page), altText: summary)
    }

    private func sampleList(_ page: PageContext) -> String {
        let texts = sampleCounts.map(String.init)
        return texts.count == 1 ? texts[0] : texts.dropLast().joined(separator: ", ") + page.text(" e ", " and ") + texts.last!
    }

    /// States what the data show about bias, measured against the combined standard error.
    private func biasSentence(_ m: KLVarianceMeasurement, _ page: PageContext) -> String {
        let referenceError: Double
        if case .reference(_, let se, _) = m.target { referenceError = se } else { referenceError = 0 }
        let outliers = m.spreads.filter { s in
            let se = (s.standardError * s.standardError + referenceError * referenceError).squareRoot()
            return abs(s.mean - m.target.value) > 3 * se
        }
        if outliers.isEmpty {
            return page.text("Em todos os S a média difere do valor de referência por menos de 3 erros-padrão, "
                                + "como esperado de um estimador não enviesado; as barras encolhem com S.",
                             "At every S the mean differs from the reference value by less than 3 standard errors, "
                                + "as expected of an unbiased estimator; the bars shrink with S.")
        }
        let list = outliers.map { String($0.samples) }.joined(separator: ", ")
        return page.text("Em S = \(list) a média difere do valor de referência por mais de 3 erros-padrão.",
                         "At S = \(list) the mean differs from the reference value by more than 3 standard errors.")
    }

    // MARK: - Note and scalars

    private func summaryNote(_ m: KLVarianceMeasurement, _ page: PageContext) -> String {
        var text = m.slope.map {
            page.text("Inclinação ajustada de log₁₀(desvio-padrão) contra log₁₀(S): \(page.decimal($0, digits: 3)) (teoria: −0,5).",
                      "Fitted slope of log₁₀(standard deviation) against log₁₀(S): \(page.decimal($0, digits: 3)) (theory: −0.5).")
        } ?? page.text("Inclinação log-log não ajustada: é preciso ao menos dois valores de S com desvio-padrão positivo.",
                       "No log-log slope fitted: it needs at least two values of S with a positive standard deviation.")
        switch m.target {
        case .analytic(let value):
            text += page.text(" KL analítico: \(page.decimal(value)).", " Analytic KL: \(page.decimal(value)).")
        case .reference(let value, let se, let samples):
            let reference = "\(page.decimal(value)) ± \(page.decimal(se, digits: 2))"
            text += page.text(" Sem forma fechada para o KL contra uma mistura: referência por Monte Carlo com "
                                + "\(Self.count(samples)) amostras, \(reference) (erro-padrão).",
                              " No closed form for the KL against a mixture: a Monte Carlo reference with "
                                + "\(Self.count(samples)) samples, \(reference) (standard error).")
        }
        return text
    }

    private func scalars(_ m: KLVarianceMeasurement) -> [String: Double] {
        var scalars: [String: Double] = [:]
        switch m.target {
        case .analytic(let value):
            scalars["analytic"] = value
        case .reference(let value, let se, _):
            scalars["reference"] = value
            scalars["reference.stderr"] = se
        }
        if let slope = m.slope { scalars["slope"] = slope }
        for s in m.spreads {
            scalars["mean.\(s.samples)"] = s.mean
            scalars["std.\(s.samples)"] = s.standardDeviation
            scalars["stderr.\(s.samples)"] = s.standardError
        }
        return scalars
    }
}
