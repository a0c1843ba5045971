import Foundation
import Charts
import LatentModels
import Notebook
import PortableMath

/// `@KLVariance(of:)`: the Monte-Carlo KL estimator on a trained model's posteriors and prior.
extension KLVariance {
    func runOnModel(_ subject: TrainedSubject, in context: ExperimentContext) throws -> ExperimentResult {
        let trained = try TrainedModelArtifacts.model(subject.id, in: context)
        let test = try TrainedModelArtifacts.testSet(of: trained)
        let inputs = try test.randomSubset(count: min(subject.points, test.count), seed: UInt64(seed))
        try TrainingResources(trained.configuration).enforceForward(rows: inputs.count, what: "'points'", "@KLVariance")
        try Self.memoryEstimate(trained.configuration, points: inputs.count, samples: sampleCounts.max() ?? 1)
            .enforce("@KLVariance of '\(subject.id)'")
        var estimates: [KLEstimatorStatistics] = []
        var analytic: Double?
        let total = sampleCounts.reduce(0.0) { $0 + Double($1) }
        var before = 0.0
        // One S at a time, so the time limit and progress apply between them (and between repeats).
        for samples in sampleCounts {
            try context.checkDeadline(fractionDone: before / total)
            context.progress("S = \(samples), \(repeats) repetições em \(inputs.count) entradas")
            let part = context.weighted(from: before / total, to: (before + Double(samples)) / total)
            let result = try trained.model.klEstimatorStatistics(on: inputs, sampleCounts: [samples], repeats: repeats,
                                                                  seed: UInt64(seed) &+ UInt64(samples)) {
                try part.checkDeadline(fractionDone: $0)
            }
            before += Double(samples)
            analytic = result.analytic
            estimates += result.estimates
        }
        var scalars: [String: Double] = [:]
        for e in estimates {
            scalars["mean.\(e.samples)"] = e.mean
            scalars["std.\(e.samples)"] = e.standardDeviation
        }
        if let analytic { scalars["analytic"] = analytic }
        if let slope = Self.slope(estimates) { scalars["slope"] = slope }
        return try measured(Measurement(model: ModelMeasurement(prior: trained.configuration.model, count: inputs.count,
                                                                estimates: estimates, analytic: analytic)),
                            scalars: scalars)
    }

    /// One repeat holds `points × S` latent draws (z, noise, log-densities) and, for a mixture
    /// or VampPrior, `points × S × components × latent` terms.
    static func memoryEstimate(_ c: TrainingConfiguration, points: Int, samples: Int) -> ResourceEstimate {
        let components: Int
        switch c.model {
        case .vae, .flow: components = 0
        case .gmvae(let k), .vampprior(let k): components = k
        }
        let draws = CheckedSize.product(points, samples)
        return ResourceEstimate(memory: [
            .init(what: "the latent draws (points × samples × latent)", value: CheckedSize.product(draws, c.latent, 4, 4),
                  remedy: "use fewer 'points' or smaller sample counts"),
            .init(what: "the prior's terms (points × samples × components × latent)",
                  value: CheckedSize.product(draws, components, c.latent, 4, 2),
                  remedy: "use fewer 'points' or smaller sample counts"),
        ])
    }

    /// The log–log slope of the standard deviation against S, over the counts with a positive one.
    static func slope(_ estimates: [KLEstimatorStatistics]) -> Double? {
        let usable = estimates.filter { $0.standardDeviation > 0 && $0.standardDeviation.isFinite }
        return Statistics.leastSquaresSlope(x: usable.map { PortableMath.log10(Double($0.samples)) },
                                            y: usable.map { PortableMath.log10($0.standardDeviation) })
    }

    func presentModel(_ m: ModelMeasurement, in page: PageContext) -> [ExperimentOutput] {
        let id = trained?.id ?? ""
        let prior = ModelDescription.prior(m.prior, page)
        let c = { ResultTable.Cell.decimal($0) }
        let rows = m.estimates.map { e -> [ResultTable.Cell] in
            [.integer(e.samples), c(e.mean), c(e.standardDeviation)] + (m.analytic.map { [c($0), c(e.mean - $0)] } ?? [])
        }
        let table = ResultTable(
            name: name,
            caption: page.text(
                "Estimador de Monte Carlo de KL(q(z | x) ‖ p(z)) em '\(id)' (prior: \(prior)), sobre \(m.count) entradas "
                    + "de teste e \(repeats) repetições por entrada: média das estimativas e desvio-padrão de uma estimativa em torno "
                    + "da média da sua entrada (raiz da média quadrática sobre as entradas)."
                    + (m.analytic == nil ? " Este prior não tem KL analítico." : " Viés = média − KL analítico médio."),
                "Monte Carlo estimator of KL(q(z | x) ‖ p(z)) on '\(id)' (prior: \(prior)), over \(m.count) test inputs "
                    + "and \(repeats) repeats per input: mean of the estimates and standard deviation of one estimate around "
                    + "its input's mean (root mean square over the inputs)."
                    + (m.analytic == nil ? " This prior has no analytic KL." : " Bias = mean − mean analytic KL.")),
            header: page.isEnglish
                ? ["Samples (S)", "Estimator mean", "Standard deviation"] + (m.analytic == nil ? [] : ["Analytic KL", "Bias"])
                : ["Amostras (S)", "Média do estimador", "Desvio-padrão"] + (m.analytic == nil ? [] : ["KL analítico", "Viés"]),
            rows: rows)
        let usable = m.estimates.filter { $0.standardDeviation > 0 && $0.standardDeviation.isFinite }
        let slope = Self.slope(m.estimates)
        var series = [LineSeries("Monte Carlo", x: usable.map { Double($0.samples) }, y: usable.map(\.standardDeviation))]
        if let first = usable.first, let last = usable.last, last.samples > first.samples {
            let ratio = (Double(last.samples) / Double(first.samples)).squareRoot()
            series.append(LineSeries(page.text("inclinação −1/2", "slope −1/2"), x: [Double(first.samples), Double(last.samples)],
                                     y: [first.standardDeviation, first.standardDeviation / ratio], stroke: .dashed,
                                     marker: Marker.none))
        }
        let fitted = slope.map { page.text("; inclinação ajustada ", "; fitted slope ") + page.decimal($0, digits: 3) } ?? ""
        let summary = page.text("Desvio-padrão do estimador de KL de '\(id)' contra o número de amostras S, em escala log-log",
                                "Standard deviation of the KL estimator of '\(id)' against the number of samples S, on log-log axes")
            + fitted + "."
        let chart = LineChart(title: page.text("Desvio-padrão do estimador de KL", "Standard deviation of the KL estimator"),
                              summary: summary, xAxis: .log(page.text("Amostras (S)", "Samples (S)")),
                              yAxis: .log(page.text("Desvio-padrão (nats)", "Standard deviation (nats)")), series: series,
                              identifier: name + "-desvio")
        let figure = ResultFigure(name: name + "-desvio",
                                  caption: page.text("Desvio-padrão do estimador de Monte Carlo do KL em '\(id)' contra S; "
                                                        + "a reta tracejada tem inclinação −1/2 (queda como 1/√S).",
                                                     "Standard deviation of the Monte Carlo KL estimator on '\(id)' against S; "
                                                        + "the dashed line has slope −1/2 (a fall as 1/√S)."),
                                  svg: chart.document(for: page), altText: summary)
        return [.table(table), .figure(figure)]
    }
}
