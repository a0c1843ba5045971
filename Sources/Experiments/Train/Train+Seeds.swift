import Charts
import LatentModels
import Notebook

extension Train {
    /// The quantities of the summary table that vary with the seed, as (scalar name, column).
    static var seedQuantities: [(name: String, header: String, value: (EpochRecord) -> Double)] { [
        ("test.nelbo", "NELBO de teste", \.testNELBO), ("test.kl", "KL", \.testKL),
        ("test.reconstruction", "Reconstrução", \.testReconstruction), ("train.nelbo", "NELBO de treino", \.trainNELBO),
        ("train.kl", "KL de treino", \.trainKL), ("train.reconstruction", "Reconstrução de treino", \.trainReconstruction),
    ] }

    /// Table (a row per seed, then mean and standard error), mean curves with a band, and
    /// every quantity as `name.mean`, `name.se`, `name.seed<k>`.
    func report(seeds runs: [TrainedModel]) throws -> ExperimentResult {
        let lasts = try runs.map { run -> EpochRecord in
            guard let last = run.history.last else {
                throw ExperimentFailure(id: "training-failed", "training '\(name)' with seed \(run.configuration.seed) recorded no epoch")
            }
            return last
        }
        let f = { SignificantFormat.format($0, digits: 4) }
        let shown = Self.seedQuantities.prefix(4)
        let summaries = Self.seedQuantities.map { q in SeedSummary(lasts.map(q.value)) }
        var rows = zip(seeds.seeds, lasts).map { seed, last in [String(seed)] + shown.map { f($0.value(last)) } }
        rows.append(["Média"] + summaries.prefix(4).map { f($0.mean) })
        rows.append(["Erro-padrão"] + summaries.prefix(4).map { SignificantFormat.format($0.standardError, digits: 2) })
        let c = configuration
        let model = ModelDescription.model(c.model)
        let parameters = runs[0].model.parameters.scalarCount
        let seedList = seeds.seeds.map(String.init).joined(separator: ", ")
        let table = ResultTable(
            name: name,
            caption: "Treinamento de \(model) em \(ModelDescription.data(c.data)) com \(runs.count) sementes (\(seedList)): "
                + "z = \(c.latent), \(c.hiddenLayers)×\(c.hidden) unidades ocultas, \(c.epochs) épocas, lote \(c.batchSize), "
                + "\(parameters) parâmetros. Valores da última época, em nats por exemplo; erro-padrão da média entre "
                + "sementes, s/√n.",
            header: ["Semente"] + shown.map(\.header), rows: rows)
        let figure = LearningCurveFigure.figure(
            name: name + "-curvas", seedRuns: [(model, runs.map(\.history))], metric: .nelbo, splits: [.train, .test],
            caption: "NELBO por época de \(model): média de \(runs.count) sementes, com a faixa de um erro-padrão "
                + "(treino: média das estimativas durante a época; teste: depois da época).")
        var scalars: [String: Double] = ["epochs": Double(c.epochs), "parameters": Double(parameters),
                                         "seeds": Double(runs.count)]
        for (q, summary) in zip(Self.seedQuantities, summaries) {
            scalars.merge(summary.scalars(q.name, seeds: seeds.seeds)) { $1 }
        }
        let seconds = runs.map(\.history.trainingSeconds).reduce(0, +)
        let perEpoch = Statistics.mean(runs.map(\.history.secondsPerEpoch))
        let timing = "Tempo de treino nesta máquina: \(runs.count) sementes × \(c.epochs) época\(c.epochs == 1 ? "" : "s") em "
            + "\(SignificantFormat.format(seconds, digits: 3)) s de treino somados (\(SignificantFormat.format(perEpoch, digits: 3)) s por época)."
        return ExperimentResult(outputs: [.table(table), .timing(timing), .figure(figure)], scalars: scalars,
                                artifacts: try TrainedModelArtifacts.artifacts(ofSeeds: runs),
                                timings: ["seconds": seconds, "secondsPerEpoch": perEpoch])
    }
}
