import Foundation
import Charts
import Notebook

extension GradientVariance {
    /// Per sample count S: each estimator's mean (first coordinate) and total variance.
    public struct Measurement: Codable, Sendable {
        var rows: [Row]
        /// ∂/∂μ₁ of the target, when it has a closed form.
        var exact: Double?
        struct Row: Codable, Sendable {
            var samples: Int
            var meanReparameterization, meanScore: Double
            var reparameterization, score, scoreBaseline: Double
            var ratio: Double { score / reparameterization }
        }
    }

    func measure(_ rows: [GradientEstimatorStudy.Row], exact: Double?) throws -> ExperimentResult {
        let measuredRows = rows.map { r in
            Measurement.Row(samples: r.samples, meanReparameterization: r.mean[.reparameterization]!, meanScore: r.mean[.score]!,
                            reparameterization: r.variance[.reparameterization]!, score: r.variance[.score]!,
                            scoreBaseline: r.variance[.scoreBaseline]!)
        }
        var scalars: [String: Double] = [:]
        if let exact { scalars["exact"] = exact }
        for r in measuredRows {
            scalars["reparameterization.\(r.samples)"] = r.reparameterization
            scalars["score.\(r.samples)"] = r.score
            scalars["scoreBaseline.\(r.samples)"] = r.scoreBaseline
            scalars["mean.reparameterization.\(r.samples)"] = r.meanReparameterization
            scalars["mean.score.\(r.samples)"] = r.meanScore
            scalars["ratio.\(r.samples)"] = r.ratio
        }
        return try measured(Measurement(rows: measuredRows, exact: exact), scalars: scalars)
    }

    /// What f and q are, for the caption.
    func targetDescription(_ page: PageContext) -> String {
        switch function {
        case .quadratic(let c):
            let center = page.decimal(c, digits: 3)
            return page.text("f(z) = Σⱼ (zⱼ − \(center))², q = N(μ, diag σ²) em \(mean.count) dimensão(ões)",
                             "f(z) = Σⱼ (zⱼ − \(center))², q = N(μ, diag σ²) in \(mean.count) dimension(s)")
        case let .decoder(model, example):
            return page.text("f(z) = log p(x | z) do decodificador de '\(model)' para o exemplo de teste \(example), q = q(z | x)",
                             "f(z) = log p(x | z) of the decoder of '\(model)' for test example \(example), q = q(z | x)")
        }
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let f = { page.decimal($0) }
        let rows = measurement.rows
        let c = { ResultTable.Cell.decimal($0) }
        let tableRows = rows.map { r -> [ResultTable.Cell] in
            [.integer(r.samples), c(r.meanReparameterization), c(r.meanScore), c(r.reparameterization), c(r.score),
             c(r.scoreBaseline), c(r.ratio)]
        }
        let name = "variancia-gradiente"
        let exact = measurement.exact.map { page.text("; gradiente exato ∂/∂μ₁ = \(f($0))", "; exact gradient ∂/∂μ₁ = \(f($0))") } ?? ""
        let table = ResultTable(
            name: name,
            caption: page.text(
                "Estimadores de ∇_μ E_q[f(z)] com \(targetDescription(page)), \(repeats) repetições por S: média da primeira "
                    + "coordenada e variância total (traço da covariância) de cada estimador" + exact + ".",
                "Estimators of ∇_μ E_q[f(z)] with \(targetDescription(page)), \(repeats) repeats per S: mean of the first "
                    + "coordinate and total variance (trace of the covariance) of each estimator" + exact + "."),
            header: page.isEnglish
                ? ["Samples (S)", "Mean (reparameterization)", "Mean (score function)", "Variance (reparameterization)",
                   "Variance (score function)", "Variance (score + baseline)", "Ratio score/reparam."]
                : ["Amostras (S)", "Média (reparametrização)", "Média (função escore)", "Variância (reparametrização)",
                   "Variância (função escore)", "Variância (escore + linha de base)", "Razão escore/reparam."],
            rows: tableRows)
        let x = rows.map { Double($0.samples) }
        let series = [
            LineSeries(page.text("reparametrização", "reparameterization"), x: x, y: rows.map(\.reparameterization)),
            LineSeries(page.text("função escore (REINFORCE)", "score function (REINFORCE)"), x: x, y: rows.map(\.score)),
            LineSeries(page.text("escore com linha de base", "score with a baseline"), x: x, y: rows.map(\.scoreBaseline), stroke: .dashed),
        ]
        let ratios = rows.map(\.ratio)
        let low = page.decimal(ratios.min() ?? .nan, digits: 3), high = page.decimal(ratios.max() ?? .nan, digits: 3)
        let summary = page.text(
            "Variância dos estimadores de gradiente contra o número de amostras S, em escala log-log; a função escore "
                + "tem variância \(low) a \(high) vezes a da reparametrização.",
            "Variance of the gradient estimators against the number of samples S, on log-log axes; the score function "
                + "has \(low) to \(high) times the variance of the reparameterization.")
        let chart = LineChart(title: page.text("Variância dos estimadores de gradiente", "Variance of the gradient estimators"),
                              summary: summary, xAxis: .log(page.text("Amostras (S)", "Samples (S)")),
                              yAxis: .log(page.text("Variância total", "Total variance")), series: series, identifier: name + "-figura")
        let figure = ResultFigure(name: name + "-figura",
                                  caption: page.text("Variância total dos três estimadores contra S; todas caem como 1/S, mas em níveis diferentes.",
                                                     "Total variance of the three estimators against S; all fall as 1/S, but at different levels."),
                                  svg: chart.document(for: page), altText: summary)
        return [.table(table), .figure(figure)]
    }
}
