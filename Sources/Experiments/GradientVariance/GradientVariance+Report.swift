import Foundation
import Charts
import Notebook

extension GradientVariance {
    func report(_ rows: [GradientEstimatorStudy.Row], description: String, exact: Double?) -> ExperimentResult {
        let f = { SignificantFormat.format($0) }
        var scalars: [String: Double] = [:]
        if let exact { scalars["exact"] = exact }
        var tableRows: [[String]] = []
        for r in rows {
            let reparam = r.variance[.reparameterization]!, score = r.variance[.score]!, baseline = r.variance[.scoreBaseline]!
            tableRows.append([String(r.samples), f(r.mean[.reparameterization]!), f(r.mean[.score]!), f(reparam), f(score),
                              f(baseline), f(score / reparam)])
            scalars["reparameterization.\(r.samples)"] = reparam
            scalars["score.\(r.samples)"] = score
            scalars["scoreBaseline.\(r.samples)"] = baseline
            scalars["mean.reparameterization.\(r.samples)"] = r.mean[.reparameterization]!
            scalars["mean.score.\(r.samples)"] = r.mean[.score]!
            scalars["ratio.\(r.samples)"] = score / reparam
        }
        let name = "variancia-gradiente"
        let table = ResultTable(
            name: name,
            caption: "Estimadores de ∇_μ E_q[f(z)] com \(description), \(repeats) repetições por S: média da primeira coordenada "
                + "e variância total (traço da covariância) de cada estimador"
                + (exact.map { "; gradiente exato ∂/∂μ₁ = \(f($0))" } ?? "") + ".",
            header: ["Amostras (S)", "Média (reparametrização)", "Média (função escore)", "Variância (reparametrização)",
                     "Variância (função escore)", "Variância (escore + linha de base)", "Razão escore/reparam."],
            rows: tableRows)
        let x = rows.map { Double($0.samples) }
        let series = [
            LineSeries("reparametrização", x: x, y: rows.map { $0.variance[.reparameterization]! }),
            LineSeries("função escore (REINFORCE)", x: x, y: rows.map { $0.variance[.score]! }),
            LineSeries("escore com linha de base", x: x, y: rows.map { $0.variance[.scoreBaseline]! }, stroke: .dashed),
        ]
        let ratios = rows.map { $0.variance[.score]! / $0.variance[.reparameterization]! }
        let summary = "Variância dos estimadores de gradiente contra o número de amostras S, em escala log-log; a função escore "
            + "tem variância \(SignificantFormat.format(ratios.min() ?? .nan, digits: 3)) a \(SignificantFormat.format(ratios.max() ?? .nan, digits: 3)) "
            + "vezes a da reparametrização."
        let chart = LineChart(title: "Variância dos estimadores de gradiente", summary: summary, xAxis: .log("Amostras (S)"),
                              yAxis: .log("Variância total"), series: series, identifier: name + "-figura")
        let figure = ResultFigure(name: name + "-figura",
                                  caption: "Variância total dos três estimadores contra S; todas caem como 1/S, mas em níveis diferentes.",
                                  svg: chart.svg(), altText: summary)
        return ExperimentResult(outputs: [.table(table), .figure(figure)], scalars: scalars)
    }
}
