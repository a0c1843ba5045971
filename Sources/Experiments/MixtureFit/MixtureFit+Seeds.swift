import LatentModels
import Notebook

extension MixtureFit {
    /// One run per seed (`runs` in `seeds` order): the scalars across seeds, and the first
    /// seed's density maps.
    func measure(seeds runs: [MeasuredRun]) throws -> ExperimentResult {
        let measuredRuns = runs.map { run(of: $0) }
        let list = seeds.seeds
        var scalars: [String: Double] = ["seeds": Double(list.count)]
        var bestK: (k: Int, test: Double)?
        for (index, k) in componentCounts.enumerated() {
            let test = SeedSummary(measuredRuns.map { $0.fits[index].test })
            scalars.merge(SeedSummary(measuredRuns.map { $0.fits[index].train }).scalars("em.k\(k).train", seeds: list)) { $1 }
            scalars.merge(test.scalars("em.k\(k).test", seeds: list)) { $1 }
            scalars.merge(SeedSummary(measuredRuns.map { Double($0.fits[index].iterations) }).scalars("em.k\(k).iterations", seeds: list)) { $1 }
            if bestK.map({ test.mean > $0.test }) ?? true { bestK = (k, test.mean) }
        }
        if let bestK { scalars["best.k"] = Double(bestK.k) }
        let vaes = measuredRuns.compactMap(\.vae)
        if vaes.count == measuredRuns.count, !vaes.isEmpty {
            scalars.merge(SeedSummary(vaes.map(\.train)).scalars("vae.train", seeds: list)) { $1 }
            scalars.merge(SeedSummary(vaes.map(\.test)).scalars("vae.test", seeds: list)) { $1 }
            scalars.merge(SeedSummary(vaes.map(\.kl)).scalars("vae.kl", seeds: list)) { $1 }
        }
        var first = self
        first.seed = list[0]
        return try measured(Measurement(runs: measuredRuns, maps: first.densityMaps(runs[0])), scalars: scalars)
    }

    /// A row per model with the means across seeds and the standard error of the test
    /// log-likelihood; the first seed's density maps.
    func presentSeeds(_ measurement: Measurement, in page: PageContext) -> [ExperimentOutput] {
        let f = { ResultTable.Cell.decimal($0, digits: 4) }
        let se = { ResultTable.Cell.decimal($0, digits: 2) }
        let runs = measurement.runs
        let list = seeds.seeds
        var rows: [[ResultTable.Cell]] = []
        for (index, k) in componentCounts.enumerated() {
            let train = SeedSummary(runs.map { $0.fits[index].train }), test = SeedSummary(runs.map { $0.fits[index].test })
            let iterations = SeedSummary(runs.map { Double($0.fits[index].iterations) })
            rows.append([.text(page.text("Mistura finita (EM)", "Finite mixture (EM)")), .integer(k), .integer(k * (2 * 2 + 1) - 1),
                         f(train.mean), f(test.mean), se(test.standardError), .decimal(iterations.mean, digits: 3)])
        }
        let vaes = runs.compactMap(\.vae)
        var kl: Double?
        if vaes.count == runs.count, let first = vaes.first {
            let train = SeedSummary(vaes.map(\.train)), test = SeedSummary(vaes.map(\.test))
            rows.append([.text(page.text("VAE (limite IWAE, k = \(iwaeSamples))", "VAE (IWAE bound, k = \(iwaeSamples))")), "∞",
                         .integer(first.parameters), f(train.mean), f(test.mean), se(test.standardError),
                         .text(page.text("\(epochs) épocas", "\(epochs) epochs"))])
            kl = SeedSummary(vaes.map(\.kl)).mean
        }
        let seedText = list.map(String.init).joined(separator: ", ")
        let data = ModelDescription.synthetic(set, page)
        let table = ResultTable(
            name: "mistura-em",
            caption: page.text(
                "Log-verossimilhança média por ponto (nats; maior é melhor) de misturas finitas de gaussianas ajustadas por EM "
                    + "(inicialização k-means++) e de um VAE com latente de dimensão \(latent), no \(data) "
                    + "(\(page.number(trainCount)) pontos de treino, \(page.number(testCount)) de teste), médias de \(list.count) sementes (\(seedText)) com o "
                    + "erro-padrão (EP) da média de teste, s/√n. Para o VAE, o limite inferior IWAE.",
                "Mean log-likelihood per point (nats; higher is better) of finite Gaussian mixtures fitted by EM "
                    + "(k-means++ initialization) and of a VAE with a latent of dimension \(latent), on the \(data) "
                    + "(\(page.number(trainCount)) training points, \(page.number(testCount)) test), means of \(list.count) seeds (\(seedText)) with the "
                    + "standard error (SE) of the test mean, s/√n. For the VAE, the IWAE lower bound."),
            header: page.isEnglish ? ["Model", "Components (K)", "Parameters", "Training", "Test", "SE", "Iterations"]
                : ["Modelo", "Componentes (K)", "Parâmetros", "Treino", "Teste", "EP", "Iterações"],
            rows: rows)
        var figure = densityFigure(measurement.maps, page)
        figure.caption += page.text(" Mapas da semente \(list[0]).", " Maps of seed \(list[0]).")
        var outputs: [ExperimentOutput] = [.table(table), .figure(figure)]
        if let kl { outputs.append(.note(klNote(kl, ofSeeds: true, page))) }
        return outputs
    }
}
