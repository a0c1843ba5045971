import Charts
import LatentModels
import Notebook

extension ComparePriors {
    /// `byPrior[p]` holds prior p's runs, one per seed in `seeds` order: a row of means with
    /// the standard errors of the test NELBO and IWAE NLL, mean curves with bands, and each
    /// quantity's mean, standard error and per-seed values as scalars.
    func report(seeds byPrior: [[Run]]) -> ExperimentResult {
        let f = { SignificantFormat.format($0) }
        let se = { SignificantFormat.format($0, digits: 2) }
        var scalars: [String: Double] = ["seeds": Double(seeds.seeds.count)]
        var rows: [[String]] = []
        var timings: [String: Double] = [:]
        var perEpoch: [String] = []
        var means: [Double] = []
        for runs in byPrior {
            guard let prior = runs.first?.prior else { continue }
            let lasts = runs.compactMap(\.trained.history.last)
            guard lasts.count == runs.count else { continue }
            let key = Self.key(prior)
            let nelbo = SeedSummary(lasts.map(\.testNELBO)), kl = SeedSummary(lasts.map(\.testKL))
            let reconstruction = SeedSummary(lasts.map(\.testReconstruction))
            let parameters = runs[0].trained.model.parameters.scalarCount
            var row = [ModelDescription.prior(prior), f(nelbo.mean), se(nelbo.standardError), f(kl.mean), f(reconstruction.mean)]
            scalars.merge(nelbo.scalars("\(key).test.nelbo", seeds: seeds.seeds)) { $1 }
            scalars.merge(kl.scalars("\(key).test.kl", seeds: seeds.seeds)) { $1 }
            scalars.merge(reconstruction.scalars("\(key).test.reconstruction", seeds: seeds.seeds)) { $1 }
            if iwae > 0 {
                let nll = SeedSummary(runs.map { $0.nll ?? .nan })
                row += [f(nll.mean), se(nll.standardError)]
                scalars.merge(nll.scalars("\(key).iwae", seeds: seeds.seeds)) { $1 }
            }
            row.append(String(parameters))
            rows.append(row)
            scalars["\(key).parameters"] = Double(parameters)
            means.append(nelbo.mean)
            let seconds = runs.map(\.trained.history.trainingSeconds).reduce(0, +)
            let secondsPerEpoch = Statistics.mean(runs.map(\.trained.history.secondsPerEpoch))
            timings["\(key).seconds"] = seconds
            timings["\(key).secondsPerEpoch"] = secondsPerEpoch
            perEpoch.append("\(ModelDescription.prior(prior)) \(SignificantFormat.format(secondsPerEpoch, digits: 3))")
        }
        if let best = means.indices.min(by: { means[$0] < means[$1] }) { scalars["best"] = Double(best) }
        var header = ["Prior", "NELBO de teste", "EP", "KL", "Reconstrução"]
        if iwae > 0 { header += ["NLL IWAE (k = \(iwae))", "EP"] }
        header.append("Parâmetros")
        let c = base
        let seedList = seeds.seeds.map(String.init).joined(separator: ", ")
        let table = ResultTable(
            name: "comparacao-priors",
            caption: "Mesmo codificador, decodificador, dados (\(ModelDescription.data(c.data))) e \(c.epochs) épocas; "
                + "só o prior muda. Cada prior treinado com \(seeds.seeds.count) sementes (\(seedList)): médias da última época "
                + "em nats por exemplo, e o erro-padrão (EP) da média entre sementes, s/√n.",
            header: header, rows: rows)
        let figure = LearningCurveFigure.figure(
            name: "comparacao-priors-curvas",
            seedRuns: byPrior.compactMap { runs in runs.first.map { (ModelDescription.prior($0.prior), runs.map(\.trained.history)) } },
            metric: .nelbo, splits: [.test],
            caption: "NELBO de teste por época para cada prior: média de \(seeds.seeds.count) sementes, com a faixa de um erro-padrão.")
        let timing = "Segundos por época nesta máquina (média das sementes): " + perEpoch.joined(separator: "; ") + "."
        return ExperimentResult(outputs: [.table(table), .timing(timing), .figure(figure)], scalars: scalars,
                                timings: timings)
    }
}
