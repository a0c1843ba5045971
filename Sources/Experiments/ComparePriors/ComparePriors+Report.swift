import Charts
import LatentModels
import Notebook

extension ComparePriors {
    func report(_ runs: [(TrainingConfiguration.Model, TrainedModel, Double?)]) -> ExperimentResult {
        let f = { SignificantFormat.format($0) }
        var scalars: [String: Double] = [:]
        var rows: [[String]] = []
        var timings: [String: Double] = [:]
        var perEpoch: [String] = []
        for (prior, trained, nll) in runs {
            guard let last = trained.history.last else { continue }
            let key = Self.key(prior)
            let parameters = trained.model.parameters.scalarCount
            var row = [ModelDescription.prior(prior), f(last.testNELBO), f(last.testKL), f(last.testReconstruction)]
            if iwae > 0 { row.append(nll.map(f) ?? "—") }
            row.append(String(parameters))
            perEpoch.append("\(ModelDescription.prior(prior)) \(SignificantFormat.format(trained.history.secondsPerEpoch, digits: 3))")
            rows.append(row)
            scalars["\(key).test.nelbo"] = last.testNELBO
            scalars["\(key).test.kl"] = last.testKL
            scalars["\(key).test.reconstruction"] = last.testReconstruction
            scalars["\(key).parameters"] = Double(parameters)
            timings["\(key).seconds"] = trained.history.trainingSeconds
            timings["\(key).secondsPerEpoch"] = trained.history.secondsPerEpoch
            if let nll { scalars["\(key).iwae"] = nll }
        }
        let nelbos = runs.map { $0.1.history.last?.testNELBO ?? .infinity }
        if let best = nelbos.indices.min(by: { nelbos[$0] < nelbos[$1] }) { scalars["best"] = Double(best) }
        var header = ["Prior", "NELBO de teste", "KL", "Reconstrução"]
        if iwae > 0 { header.append("NLL IWAE (k = \(iwae))") }
        header.append("Parâmetros")
        let c = base
        let table = ResultTable(
            name: "comparacao-priors",
            caption: "Mesmo codificador, decodificador, dados (\(ModelDescription.data(c.data))), \(c.epochs) épocas e semente \(c.seed); "
                + "só o prior muda. Valores de teste da última época, em nats por exemplo.",
            header: header, rows: rows)
        let figure = LearningCurveFigure.figure(
            name: "comparacao-priors-curvas", runs: runs.map { (ModelDescription.prior($0.0), $0.1.history) },
            metric: .nelbo, splits: [.test], caption: "NELBO de teste por época para cada prior.")
        let timing = "Segundos por época nesta máquina: " + perEpoch.joined(separator: "; ") + "."
        return ExperimentResult(outputs: [.table(table), .timing(timing), .figure(figure)], scalars: scalars,
                                timings: timings)
    }
}
