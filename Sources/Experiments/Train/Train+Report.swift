import Charts
import LatentModels
import Notebook

extension Train {
    /// Table, learning curves, scalars and artifacts of a finished run.
    func report(_ trained: TrainedModel) throws -> ExperimentResult {
        let history = trained.history
        guard let last = history.last else {
            throw ExperimentFailure(id: "training-failed", "training '\(name)' recorded no epoch")
        }
        let parameters = trained.model.parameters.scalarCount
        let c = configuration
        let f = SignificantFormat.format
        // Through the shortest Float description, so 0.01 prints as 0.01 (not 0.009999…).
        let short = { (x: Float) in NumberFormat.trimmingZeros(f(Double(x.description) ?? Double(x), 3)) }
        let lr = short(c.learningRate), beta = short(c.beta)
        let table = ResultTable(
            name: name,
            caption: "Treinamento de \(ModelDescription.model(c.model)) em \(ModelDescription.data(c.data)): "
                + "z = \(c.latent), \(c.hiddenLayers)×\(c.hidden) unidades ocultas, \(c.epochs) épocas, lote \(c.batchSize), "
                + "lr \(lr), β = \(beta), semente \(c.seed). "
                + "Valores de teste da última época, em nats por exemplo.",
            header: ["Modelo", "NELBO de teste", "KL", "Reconstrução", "NELBO de treino", "Parâmetros"],
            rows: [[ModelDescription.model(c.model), f(last.testNELBO, 4), f(last.testKL, 4), f(last.testReconstruction, 4),
                    f(last.trainNELBO, 4), String(parameters)]])
        let figure = LearningCurveFigure.figure(
            name: name + "-curvas",
            runs: [(ModelDescription.model(c.model), history)],
            metric: .nelbo, splits: [.train, .test],
            caption: "NELBO por época de \(ModelDescription.model(c.model)) (treino: média das estimativas durante a época; "
                + "teste: depois da época).")
        let scalars: [String: Double] = [
            "test.nelbo": last.testNELBO, "test.kl": last.testKL, "test.reconstruction": last.testReconstruction,
            "train.nelbo": last.trainNELBO, "train.kl": last.trainKL, "train.reconstruction": last.trainReconstruction,
            "epochs": Double(history.epochs.count), "parameters": Double(parameters),
        ]
        let epochs = history.epochs.count
        let timing = "Tempo de treino nesta máquina: \(epochs) época\(epochs == 1 ? "" : "s") em "
            + "\(f(history.trainingSeconds, 3)) s (\(f(history.secondsPerEpoch, 3)) s por época)."
        return ExperimentResult(outputs: [.table(table), .timing(timing), .figure(figure)], scalars: scalars,
                                artifacts: try TrainedModelArtifacts.artifacts(of: trained),
                                timings: ["seconds": history.trainingSeconds, "secondsPerEpoch": history.secondsPerEpoch])
    }
}
