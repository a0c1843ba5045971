import Charts
import LatentModels
import Notebook

extension Train {
    /// What `@Train` measured: each seed's values per epoch (one run without `seeds:`) and the
    /// parameter count; the configuration is the directive's own.
    public struct Measurement: Codable, Sendable {
        var runs: [[EpochValues]]
        var parameters: Int
    }

    /// The scalars, artifacts and timings of finished runs (one per seed), and their measurement.
    func measure(_ runs: [TrainedModel]) throws -> ExperimentResult {
        let lasts = try runs.map { run -> EpochRecord in
            guard let last = run.history.last else {
                throw ExperimentFailure(id: "training-failed", "training '\(name)' recorded no epoch"
                                            + (seeds.isMultiple ? " with seed \(run.configuration.seed)" : ""))
            }
            return last
        }
        let parameters = runs[0].model.parameters.scalarCount
        var scalars: [String: Double] = ["epochs": Double(runs[0].history.epochs.count), "parameters": Double(parameters)]
        let seconds = runs.map(\.history.trainingSeconds).reduce(0, +)
        let perEpoch = Statistics.mean(runs.map(\.history.secondsPerEpoch))
        if seeds.isMultiple {
            scalars["seeds"] = Double(runs.count)
            for q in Self.seedQuantities {
                scalars.merge(SeedSummary(lasts.map { q.value(EpochValues($0)) }).scalars(q.name, seeds: seeds.seeds)) { $1 }
            }
        } else {
            for q in Self.seedQuantities { scalars[q.name] = q.value(EpochValues(lasts[0])) }
        }
        return try measured(Measurement(runs: runs.map { EpochValues.of($0.history) }, parameters: parameters),
                            scalars: scalars,
                            artifacts: seeds.isMultiple ? try TrainedModelArtifacts.artifacts(ofSeeds: runs)
                                : try TrainedModelArtifacts.artifacts(of: runs[0]),
                            timings: ["seconds": seconds, "secondsPerEpoch": perEpoch])
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        if seeds.isMultiple { return presentSeeds(measurement, timings: timings, in: page) }
        guard let epochs = measurement.runs.first, let last = epochs.last else { return [] }
        let c = configuration
        let f = { page.decimal($0, digits: $1) }
        let cell = { ResultTable.Cell.decimal($0) }
        // Through the shortest Float description, so 0.01 prints as 0.01 (not 0.009999…).
        let short = { (x: Float) in
            page.number(NumberFormat.trimmingZeros(SignificantFormat.format(Double(x.description) ?? Double(x), digits: 3)))
        }
        let lr = short(c.learningRate), beta = short(c.beta)
        let model = ModelDescription.model(c.model, page)
        let table = ResultTable(
            name: name,
            caption: page.text(
                "Treinamento de \(model) em \(ModelDescription.data(c.data, page)): "
                    + "z = \(c.latent), \(c.hiddenLayers)×\(c.hidden) unidades ocultas, \(c.epochs) épocas, lote \(c.batchSize), "
                    + "lr \(lr), β = \(beta), semente \(c.seed). Valores de teste da última época, em nats por exemplo.",
                "Training \(model) on \(ModelDescription.data(c.data, page)): "
                    + "z = \(c.latent), \(c.hiddenLayers)×\(c.hidden) hidden units, \(c.epochs) epochs, batch \(c.batchSize), "
                    + "lr \(lr), β = \(beta), seed \(c.seed). Test values of the last epoch, in nats per example."),
            header: [page.text("Modelo", "Model"), page.text("NELBO de teste", "Test NELBO"), "KL",
                     page.text("Reconstrução", "Reconstruction"), page.text("NELBO de treino", "Training NELBO"),
                     page.text("Parâmetros", "Parameters")],
            rows: [[.text(model), cell(last.testNELBO), cell(last.testKL), cell(last.testReconstruction),
                    cell(last.trainNELBO), .integer(measurement.parameters)]])
        let figure = LearningCurveFigure.figure(
            name: name + "-curvas", runs: [(model, epochs)], metric: .nelbo, splits: [.train, .test],
            caption: page.text("NELBO por época de \(model) (treino: média das estimativas durante a época; teste: depois da época).",
                               "NELBO per epoch of \(model) (training: mean of the estimates during the epoch; test: after the epoch)."),
            page: page)
        let count = epochs.count
        let seconds = timings["seconds"] ?? .nan, perEpoch = timings["secondsPerEpoch"] ?? .nan
        let timing = page.text(
            "Tempo de treino nesta máquina: \(count) época\(count == 1 ? "" : "s") em \(f(seconds, 3)) s (\(f(perEpoch, 3)) s por época).",
            "Training time on this machine: \(count) epoch\(count == 1 ? "" : "s") in \(f(seconds, 3)) s (\(f(perEpoch, 3)) s per epoch).")
        return [.table(table), .timing(timing), .figure(figure)]
    }
}
