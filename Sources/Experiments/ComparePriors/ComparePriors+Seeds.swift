import Charts
import LatentModels
import Notebook

extension ComparePriors {
    /// With `seeds:`: a row of means per prior with the standard errors of the test NELBO and
    /// the IWAE NLL, and mean curves with bands.
    func presentSeeds(_ measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let f = { ResultTable.Cell.decimal($0) }
        let se = { ResultTable.Cell.decimal($0, digits: 2) }
        var rows: [[ResultTable.Cell]] = []
        var perEpoch: [String] = []
        var curves: [(String, [[EpochValues]])] = []
        for (prior, measured) in zip(priors, measurement.priors) {
            let lasts = measured.runs.compactMap(\.epochs.last)
            guard lasts.count == measured.runs.count, !lasts.isEmpty else { continue }
            let name = ModelDescription.prior(prior, page)
            let nelbo = SeedSummary(lasts.map(\.testNELBO)), kl = SeedSummary(lasts.map(\.testKL))
            let reconstruction = SeedSummary(lasts.map(\.testReconstruction))
            var row: [ResultTable.Cell] = [.text(name), f(nelbo.mean), se(nelbo.standardError), f(kl.mean), f(reconstruction.mean)]
            if iwae > 0 {
                let nll = SeedSummary(measured.runs.map { $0.nll ?? .nan })
                row += [f(nll.mean), se(nll.standardError)]
            }
            row.append(.integer(measured.parameters))
            rows.append(row)
            perEpoch.append("\(name) \(page.decimal(timings["\(Self.key(prior)).secondsPerEpoch"] ?? .nan, digits: 3))")
            curves.append((name, measured.runs.map(\.epochs)))
        }
        let standardError = page.text("EP", "SE")
        var header = ["Prior", page.text("NELBO de teste", "Test NELBO"), standardError, "KL", page.text("Reconstrução", "Reconstruction")]
        if iwae > 0 { header += [page.text("NLL IWAE (k = \(iwae))", "IWAE NLL (k = \(iwae))"), standardError] }
        header.append(page.text("Parâmetros", "Parameters"))
        let c = base
        let count = seeds.seeds.count
        let seedList = seeds.seeds.map(String.init).joined(separator: ", ")
        let data = ModelDescription.data(c.data, page)
        let table = ResultTable(
            name: "comparacao-priors",
            caption: page.text(
                "Mesmo codificador, decodificador, dados (\(data)) e \(c.epochs) épocas; só o prior muda. Cada prior treinado com "
                    + "\(count) sementes (\(seedList)): médias da última época em nats por exemplo, e o erro-padrão (EP) da média "
                    + "entre sementes, s/√n.",
                "The same encoder, decoder, data (\(data)) and \(c.epochs) epochs; only the prior changes. Each prior trained with "
                    + "\(count) seeds (\(seedList)): means of the last epoch in nats per example, and the standard error (SE) of "
                    + "the mean across seeds, s/√n."),
            header: header, rows: rows)
        let figure = LearningCurveFigure.figure(
            name: "comparacao-priors-curvas", seedRuns: curves, metric: .nelbo, splits: [.test],
            caption: page.text("NELBO de teste por época para cada prior: média de \(count) sementes, com a faixa de um erro-padrão.",
                               "Test NELBO per epoch for each prior: mean of \(count) seeds, with a band of one standard error."),
            page: page)
        let timing = page.text("Segundos por época nesta máquina (média das sementes): ",
                               "Seconds per epoch on this machine (mean of the seeds): ") + perEpoch.joined(separator: "; ") + "."
        return [.table(table), .timing(timing), .figure(figure)]
    }
}
