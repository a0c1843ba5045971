import Charts
import LatentModels
import Notebook

extension ComparePriors {
    /// Per prior (in `priors` order), one run per seed: values per epoch and the IWAE NLL.
    public struct Measurement: Codable, Sendable {
        var priors: [Prior]
        struct Prior: Codable, Sendable {
            var parameters: Int
            var runs: [Run]
        }
        struct Run: Codable, Sendable {
            var epochs: [EpochValues]
            var nll: Double?
        }
    }

    /// `byPrior[p]` holds prior p's runs, one per seed in `seeds` order.
    func measure(_ byPrior: [[Run]]) throws -> ExperimentResult {
        var scalars: [String: Double] = [:]
        var timings: [String: Double] = [:]
        var means: [Double] = []
        var priorsMeasured: [Measurement.Prior] = []
        for runs in byPrior {
            guard let prior = runs.first?.prior else { continue }
            let key = Self.key(prior)
            let lasts = runs.map { $0.trained.history.last.map(EpochValues.init) }
            let parameters = runs[0].trained.model.parameters.scalarCount
            scalars["\(key).parameters"] = Double(parameters)
            timings["\(key).seconds"] = runs.map(\.trained.history.trainingSeconds).reduce(0, +)
            timings["\(key).secondsPerEpoch"] = Statistics.mean(runs.map(\.trained.history.secondsPerEpoch))
            priorsMeasured.append(.init(parameters: parameters,
                                        runs: runs.map { .init(epochs: EpochValues.of($0.trained.history), nll: $0.nll) }))
            if seeds.isMultiple {
                let done = lasts.compactMap { $0 }
                guard done.count == runs.count else { continue }
                let nelbo = SeedSummary(done.map(\.testNELBO))
                scalars.merge(nelbo.scalars("\(key).test.nelbo", seeds: seeds.seeds)) { $1 }
                scalars.merge(SeedSummary(done.map(\.testKL)).scalars("\(key).test.kl", seeds: seeds.seeds)) { $1 }
                scalars.merge(SeedSummary(done.map(\.testReconstruction)).scalars("\(key).test.reconstruction", seeds: seeds.seeds)) { $1 }
                if iwae > 0 { scalars.merge(SeedSummary(runs.map { $0.nll ?? .nan }).scalars("\(key).iwae", seeds: seeds.seeds)) { $1 } }
                means.append(nelbo.mean)
            } else {
                guard let last = lasts[0] else { means.append(.infinity); continue }
                scalars["\(key).test.nelbo"] = last.testNELBO
                scalars["\(key).test.kl"] = last.testKL
                scalars["\(key).test.reconstruction"] = last.testReconstruction
                if let nll = runs[0].nll { scalars["\(key).iwae"] = nll }
                means.append(last.testNELBO)
            }
        }
        if seeds.isMultiple { scalars["seeds"] = Double(seeds.seeds.count) }
        if let best = means.indices.min(by: { means[$0] < means[$1] }) { scalars["best"] = Double(best) }
        return try measured(Measurement(priors: priorsMeasured), scalars: scalars, timings: timings)
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        if seeds.isMultiple { return presentSeeds(measurement, timings: timings, in: page) }
        let f = { ResultTable.Cell.decimal($0) }
        var rows: [[ResultTable.Cell]] = []
        var perEpoch: [String] = []
        var curves: [(String, [EpochValues])] = []
        for (prior, measured) in zip(priors, measurement.priors) {
            guard let run = measured.runs.first, let last = run.epochs.last else { continue }
            let name = ModelDescription.prior(prior, page)
            var row: [ResultTable.Cell] = [.text(name), f(last.testNELBO), f(last.testKL), f(last.testReconstruction)]
            if iwae > 0 { row.append(run.nll.map(f) ?? "—") }
            row.append(.integer(measured.parameters))
            rows.append(row)
            perEpoch.append("\(name) \(page.decimal(timings["\(Self.key(prior)).secondsPerEpoch"] ?? .nan, digits: 3))")
            curves.append((name, run.epochs))
        }
        var header = ["Prior", page.text("NELBO de teste", "Test NELBO"), "KL", page.text("Reconstrução", "Reconstruction")]
        if iwae > 0 { header.append(page.text("NLL IWAE (k = \(iwae))", "IWAE NLL (k = \(iwae))")) }
        header.append(page.text("Parâmetros", "Parameters"))
        let c = base
        let data = ModelDescription.data(c.data, page)
        let table = ResultTable(
            name: "comparacao-priors",
            caption: page.text("Mesmo codificador, decodificador, dados (\(data)), \(c.epochs) épocas e semente \(c.seed); "
                                + "só o prior muda. Valores de teste da última época, em nats por exemplo.",
                               "The same encoder, decoder, data (\(data)), \(c.epochs) epochs and seed \(c.seed); "
                                + "only the prior changes. Test values of the last epoch, in nats per example."),
            header: header, rows: rows)
        let figure = LearningCurveFigure.figure(
            name: "comparacao-priors-curvas", runs: curves, metric: .nelbo, splits: [.test],
            caption: page.text("NELBO de teste por época para cada prior.", "Test NELBO per epoch for each prior."), page: page)
        let timing = page.text("Segundos por época nesta máquina: ", "Seconds per epoch on this machine: ")
            + perEpoch.joined(separator: "; ") + "."
        return [.table(table), .timing(timing), .figure(figure)]
    }
}
