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
        return modelReport(subject, prior: ModelDescription.prior(trained.configuration.model), count: inputs.count,
                           estimates: estimates, analytic: analytic)
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

    func modelReport(_ subject: TrainedSubject, prior: String, count: Int, estimates: [KLEstimatorStatistics],
                     analytic: Double?) -> ExperimentResult {
        let f = { SignificantFormat.format($0) }
        let rows = estimates.map { e in
            [String(e.samples), f(e.mean), f(e.standardDeviation)] + (analytic.map { [f($0), f(e.mean - $0)] } ?? [])
        }
        let table = ResultTable(
            name: name,
            caption: "Estimador de Monte Carlo de KL(q(z | x) ‖ p(z)) em '\(subject.id)' (prior: \(prior)), sobre \(count) entradas "
                + "de teste e \(repeats) repetições por entrada: média das estimativas e desvio-padrão de uma estimativa em torno "
                + "da média da sua entrada (raiz da média quadrática sobre as entradas)."
                + (analytic == nil ? " Este prior não tem KL analítico." : " Viés = média − KL analítico médio."),
            header: ["Amostras (S)", "Média do estimador", "Desvio-padrão"] + (analytic == nil ? [] : ["KL analítico", "Viés"]),
            rows: rows)
        var scalars: [String: Double] = [:]
        for e in estimates {
            scalars["mean.\(e.samples)"] = e.mean
            scalars["std.\(e.samples)"] = e.standardDeviation
        }
        if let analytic { scalars["analytic"] = analytic }
        let usable = estimates.filter { $0.standardDeviation > 0 && $0.standardDeviation.isFinite }
        let slope = Statistics.leastSquaresSlope(x: usable.map { PortableMath.log10(Double($0.samples)) },
                                                 y: usable.map { PortableMath.log10($0.standardDeviation) })
        if let slope { scalars["slope"] = slope }
        var series = [LineSeries("Monte Carlo", x: usable.map { Double($0.samples) }, y: usable.map(\.standardDeviation))]
        if let first = usable.first, let last = usable.last, last.samples > first.samples {
            let ratio = (Double(last.samples) / Double(first.samples)).squareRoot()
            series.append(LineSeries("inclinação −1/2", x: [Double(first.samples), Double(last.samples)],
                                     y: [first.standardDeviation, first.standardDeviation / ratio], stroke: .dashed,
                                     marker: Marker.none))
        }
        let summary = "Desvio-padrão do estimador de KL de '\(subject.id)' contra o número de amostras S, em escala log-log"
            + (slope.map { "; inclinação ajustada \(SignificantFormat.prose($0))" } ?? "") + "."
        let chart = LineChart(title: "Desvio-padrão do estimador de KL", summary: summary, xAxis: .log("Amostras (S)"),
                              yAxis: .log("Desvio-padrão (nats)"), series: series, identifier: name + "-desvio")
        let figure = ResultFigure(name: name + "-desvio",
                                  caption: "Desvio-padrão do estimador de Monte Carlo do KL em '\(subject.id)' contra S; "
                                      + "a reta tracejada tem inclinação −1/2 (queda como 1/√S).",
                                  svg: chart.svg(), altText: summary)
        return ExperimentResult(outputs: [.table(table), .figure(figure)], scalars: scalars)
    }
}
