import Charts
import Notebook

/// Turns a measurement into what the page shows: a table, two figures, a note and scalars.
/// User-visible text is Portuguese; numbers use a decimal dot (as in the figures and CSV).
extension KLVariance {
    /// The result without presentation arguments: cached by the engine, then `presenting(_:)`
    /// applies `caption` and `label`.
    func report(_ m: KLVarianceMeasurement) -> ExperimentResult {
        var outputs: [ExperimentOutput] = [.table(table(m, label: nil))]
        outputs.append(.figure(standardDeviationFigure(m, label: nil)))
        outputs.append(.figure(meanFigure(m)))
        outputs.append(.note(summaryNote(m)))
        return ExperimentResult(outputs: outputs, scalars: scalars(m))
    }

    /// `caption` replaces the table's caption; `label` goes to the table, or to the
    /// standard-deviation figure (the first figure) when it starts with `fig`.
    public func presenting(_ result: ExperimentResult) -> ExperimentResult {
        Presentation(caption: caption, label: label).apply(to: result)
    }

    // MARK: - Wording

    private func targetColumn(_ target: KLVarianceMeasurement.Target) -> String {
        target.isAnalytic ? "KL analítico" : "KL de referência"
    }

    /// The line's label with its article, for prose: "o KL analítico", "a referência MC (…)".
    private func targetWithArticle(_ target: KLVarianceMeasurement.Target) -> String {
        (target.isAnalytic ? "o " : "a ") + targetLineLabel(target)
    }

    private func targetLineLabel(_ target: KLVarianceMeasurement.Target) -> String {
        switch target {
        case .analytic: "KL analítico"
        case .reference(_, _, let samples): "referência MC (\(Self.count(samples)) amostras)"
        }
    }

    private var priorDescription: String {
        let k = prior.components.count
        if k == 1 && prior.components[0] == .standard(dimension: posterior.dimension) { return "prior N(0, I)" }
        return k == 1 ? "prior gaussiano diagonal" : "prior mistura de \(k) gaussianas"
    }

    /// `10⁶` for powers of ten, the plain number otherwise.
    static func count(_ n: Int) -> String {
        var power = 1, exponent = 0
        while power < n { power *= 10; exponent += 1 }
        return power == n && exponent >= 4 ? "10" + NumberFormat.superscript(exponent) : String(n)
    }

    private static func f(_ x: Double) -> String { SignificantFormat.format(x) }

    // MARK: - Table

    private func table(_ m: KLVarianceMeasurement, label: String?) -> ResultTable {
        let header = ["Amostras (S)", "Média do estimador", "Desvio-padrão", "Erro-padrão", targetColumn(m.target), "Viés"]
        let rows = m.spreads.map { s in
            [String(s.samples), Self.f(s.mean), Self.f(s.standardDeviation), Self.f(s.standardError),
             Self.f(m.target.value), Self.f(s.mean - m.target.value)]
        }
        let defaultCaption = "Estimador de Monte Carlo de KL(q ‖ p) com \(priorDescription): média, desvio-padrão e "
            + "erro-padrão da média sobre \(repeats) repetições para cada número de amostras S. "
            + "Viés = média − \(targetColumn(m.target))."
        return ResultTable(name: name, caption: defaultCaption, label: label, header: header, rows: rows)
    }

    // MARK: - Figures

    private func standardDeviationFigure(_ m: KLVarianceMeasurement, label: String?) -> ResultFigure {
        let measured = LineSeries("desvio-padrão medido", points: m.spreads.map {
            DataPoint(x: Double($0.samples), y: $0.standardDeviation)
        })
        var series = [measured]
        if let first = m.spreads.first, let last = m.spreads.last, last.samples > first.samples {
            let ends = [first.samples, last.samples].map(Double.init)
            series.append(LineSeries("inclinação −1/2 (∝ 1/√S)", x: ends,
                                     y: ends.map { first.standardDeviation * (Double(first.samples) / $0).squareRoot() },
                                     stroke: .dashed, marker: Marker.none, color: .reference))
        }
        let slopeText = m.slope.map { "a inclinação ajustada é " + SignificantFormat.prose($0, digits: 3) }
            ?? "não há pontos suficientes para ajustar uma inclinação"
        let summary = "Gráfico log-log do desvio-padrão do estimador de Monte Carlo do KL entre \(repeats) repetições, "
            + "para S = \(sampleList) amostras: de \(Self.f(m.spreads.first!.standardDeviation)) a "
            + "\(Self.f(m.spreads.last!.standardDeviation)). A reta tracejada tem inclinação −1/2 "
            + "(queda proporcional a 1/√S); \(slopeText)."
        let figureName = name + "-desvio"
        let chart = LineChart(title: "Desvio-padrão do estimador de Monte Carlo do KL", summary: summary,
                              xAxis: .log("Amostras (S)"), yAxis: .log("Desvio-padrão do estimador"),
                              series: series, width: 640, height: 380, identifier: figureName)
        return ResultFigure(name: figureName,
                            caption: "Desvio-padrão do estimador em função do número de amostras S (escala log-log). "
                                + "A reta tracejada tem inclinação −1/2.",
                            label: label, svg: chart.svg(), altText: summary)
    }

    private func meanFigure(_ m: KLVarianceMeasurement) -> ResultFigure {
        let points = m.spreads.map { DataPoint(x: Double($0.samples), y: $0.mean, error: $0.standardDeviation) }
        let reference = ReferenceLine(y: m.target.value, label: targetLineLabel(m.target))
        let summary = "Média do estimador de Monte Carlo do KL para S = \(sampleList) amostras, com barras de "
            + "± 1 desvio-padrão entre \(repeats) repetições; a linha tracejada marca \(targetWithArticle(m.target)), "
            + "\(Self.f(m.target.value)). \(biasSentence(m))"
        let figureName = name + "-media"
        let chart = LineChart(title: "Média do estimador de Monte Carlo do KL", summary: summary,
                              xAxis: .log("Amostras (S)"), yAxis: .linear("KL estimado"),
                              series: [LineSeries("média ± 1 desvio-padrão", points: points)],
                              referenceLines: [reference], width: 640, height: 380, identifier: figureName)
        return ResultFigure(name: figureName,
                            caption: "Média do estimador ± 1 desvio-padrão entre repetições; a linha tracejada marca "
                                + "\(targetWithArticle(m.target)).",
                            label: nil, svg: chart.svg(), altText: summary)
    }

    private var sampleList: String {
        let texts = sampleCounts.map(String.init)
        return texts.count == 1 ? texts[0] : texts.dropLast().joined(separator: ", ") + " e " + texts.last!
    }

    /// States what the data show about bias, measured against the combined standard error.
    private func biasSentence(_ m: KLVarianceMeasurement) -> String {
        let referenceError: Double
        if case .reference(_, let se, _) = m.target { referenceError = se } else { referenceError = 0 }
        let outliers = m.spreads.filter { s in
            let se = (s.standardError * s.standardError + referenceError * referenceError).squareRoot()
            return abs(s.mean - m.target.value) > 3 * se
        }
        if outliers.isEmpty {
            return "Em todos os S a média difere do valor de referência por menos de 3 erros-padrão, "
                + "como esperado de um estimador não enviesado; as barras encolhem com S."
        }
        return "Em S = " + outliers.map { String($0.samples) }.joined(separator: ", ")
            + " a média difere do valor de referência por mais de 3 erros-padrão."
    }

    // MARK: - Note and scalars

    private func summaryNote(_ m: KLVarianceMeasurement) -> String {
        var text = m.slope.map {
            "Inclinação ajustada de log₁₀(desvio-padrão) contra log₁₀(S): \(SignificantFormat.prose($0, digits: 3)) (teoria: −0.5)."
        } ?? "Inclinação log-log não ajustada: é preciso ao menos dois valores de S com desvio-padrão positivo."
        switch m.target {
        case .analytic(let value):
            text += " KL analítico: \(Self.f(value))."
        case .reference(let value, let se, let samples):
            text += " Sem forma fechada para o KL contra uma mistura: referência por Monte Carlo com "
                + "\(Self.count(samples)) amostras, \(Self.f(value)) ± \(SignificantFormat.format(se, digits: 2)) (erro-padrão)."
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
