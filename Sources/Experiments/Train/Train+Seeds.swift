import Charts
import LatentModels
import Notebook

extension Train {
    /// The quantities of the summary table that vary with the seed: scalar name, column, value.
    static var seedQuantities: [(name: String, header: (PageContext) -> String, value: (EpochValues) -> Double)] { [
        ("test.nelbo", { $0.text("NELBO de teste", "Test NELBO") }, \.testNELBO), ("test.kl", { _ in "KL" }, \.testKL),
        ("test.reconstruction", { $0.text("Reconstrução", "Reconstruction") }, \.testReconstruction),
        ("train.nelbo", { $0.text("NELBO de treino", "Training NELBO") }, \.trainNELBO),
        ("train.kl", { $0.text("KL de treino", "Training KL") }, \.trainKL),
        ("train.reconstruction", { $0.text("Reconstrução de treino", "Training reconstruction") }, \.trainReconstruction),
    ] }

    /// With `seeds:`: a row per seed, then the mean and the standard error across seeds, and
    /// the mean curves with a band of ± one standard error.
    func presentSeeds(_ measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let lasts = measurement.runs.compactMap(\.last)
        guard lasts.count == measurement.runs.count, !lasts.isEmpty else { return [] }
        let f = { ResultTable.Cell.decimal($0, digits: 4) }
        let shown = Self.seedQuantities.prefix(4)
        let summaries = shown.map { q in SeedSummary(lasts.map(q.value)) }
        var rows = zip(seeds.seeds, lasts).map { seed, last in [.integer(seed)] + shown.map { f($0.value(last)) } }
        rows.append([.text(page.text("Média", "Mean"))] + summaries.map { f($0.mean) })
        rows.append([.text(page.text("Erro-padrão", "Standard error"))] + summaries.map { .decimal($0.standardError, digits: 2) })
        let c = configuration
        let model = ModelDescription.model(c.model, page)
        let count = measurement.runs.count
        let seedList = seeds.seeds.map(String.init).joined(separator: ", ")
        let table = ResultTable(
            name: name,
            caption: page.text(
                "Treinamento de \(model) em \(ModelDescription.data(c.data, page)) com \(count) sementes (\(seedList)): "
                    + "z = \(c.latent), \(c.hiddenLayers)×\(c.hidden) unidades ocultas, \(c.epochs) épocas, lote \(c.batchSize), "
                    + "\(page.number(measurement.parameters)) parâmetros. Valores da última época, em nats por exemplo; erro-padrão da média "
                    + "entre sementes, s/√n.",
                "Training \(model) on \(ModelDescription.data(c.data, page)) with \(count) seeds (\(seedList)): "
                    + "z = \(c.latent), \(c.hiddenLayers)×\(c.hidden) hidden units, \(c.epochs) epochs, batch \(c.batchSize), "
                    + "\(page.number(measurement.parameters)) parameters. Values of the last epoch, in nats per example; standard error of "
                    + "the mean across seeds, s/√n."),
            header: [page.text("Semente", "Seed")] + shown.map { $0.header(page) }, rows: rows)
        let figure = LearningCurveFigure.figure(
            name: name + "-curvas", seedRuns: [(model, measurement.runs)], metric: .nelbo, splits: [.train, .test],
            caption: page.text("NELBO por época de \(model): média de \(count) sementes, com a faixa de um erro-padrão "
                                + "(treino: média das estimativas durante a época; teste: depois da época).",
                               "NELBO per epoch of \(model): mean of \(count) seeds, with a band of one standard error "
                                + "(training: mean of the estimates during the epoch; test: after the epoch)."),
            page: page)
        let seconds = page.decimal(timings["seconds"] ?? .nan, digits: 3)
        let perEpoch = page.decimal(timings["secondsPerEpoch"] ?? .nan, digits: 3)
        let epochs = c.epochs
        let timing = page.text(
            "Tempo de treino nesta máquina: \(count) sementes × \(epochs) época\(epochs == 1 ? "" : "s") em \(seconds) s de treino "
                + "somados (\(perEpoch) s por época).",
            "Training time on this machine: \(count) seeds × \(epochs) epoch\(epochs == 1 ? "" : "s") in \(seconds) s of training "
                + "in all (\(perEpoch) s per epoch).")
        return [.table(table), .timing(timing), .figure(figure)]
    }
}
