import LatentModels
import Notebook

extension MixtureFit {
    /// One run per seed (`runs` in `seeds` order): a row per model with the means across
    /// seeds and the standard error of the test log-likelihood; the first seed's density maps.
    func report(seeds runs: [Measurement]) -> ExperimentResult {
        let f = { SignificantFormat.format($0, digits: 4) }
        let se = { SignificantFormat.format($0, digits: 2) }
        let list = seeds.seeds
        var scalars: [String: Double] = ["seeds": Double(list.count)]
        var rows: [[String]] = []
        var bestK: (k: Int, test: Double)?
        for (index, k) in componentCounts.enumerated() {
            let train = SeedSummary(runs.map { $0.fits[index].train }), test = SeedSummary(runs.map { $0.fits[index].test })
            let iterations = SeedSummary(runs.map { Double($0.fits[index].fit.iterations) })
            rows.append(["Mistura finita (EM)", String(k), String(k * (2 * 2 + 1) - 1), f(train.mean), f(test.mean),
                         se(test.standardError), SignificantFormat.format(iterations.mean, digits: 3)])
            scalars.merge(train.scalars("em.k\(k).train", seeds: list)) { $1 }
            scalars.merge(test.scalars("em.k\(k).test", seeds: list)) { $1 }
            scalars.merge(iterations.scalars("em.k\(k).iterations", seeds: list)) { $1 }
            if bestK.map({ test.mean > $0.test }) ?? true { bestK = (k, test.mean) }
        }
        if let bestK { scalars["best.k"] = Double(bestK.k) }
        let vaes = runs.compactMap(\.vae)
        if vaes.count == runs.count, let first = vaes.first {
            let train = SeedSummary(vaes.map(\.train)), test = SeedSummary(vaes.map(\.test)), kl = SeedSummary(vaes.map(\.kl))
            rows.append(["VAE (limite IWAE, k = \(iwaeSamples))", "∞", String(first.model.parameters.scalarCount),
                         f(train.mean), f(test.mean), se(test.standardError), "\(epochs) épocas"])
            scalars.merge(train.scalars("vae.train", seeds: list)) { $1 }
            scalars.merge(test.scalars("vae.test", seeds: list)) { $1 }
            scalars.merge(kl.scalars("vae.kl", seeds: list)) { $1 }
        }
        let seedText = list.map(String.init).joined(separator: ", ")
        let table = ResultTable(
            name: "mistura-em",
            caption: "Log-verossimilhança média por ponto (nats; maior é melhor) de misturas finitas de gaussianas ajustadas por EM "
                + "(inicialização k-means++) e de um VAE com latente de dimensão \(latent), no \(ModelDescription.synthetic(set)) "
                + "(\(trainCount) pontos de treino, \(testCount) de teste), médias de \(list.count) sementes (\(seedText)) com o "
                + "erro-padrão (EP) da média de teste, s/√n. Para o VAE, o limite inferior IWAE.",
            header: ["Modelo", "Componentes (K)", "Parâmetros", "Treino", "Teste", "EP", "Iterações"], rows: rows)
        var first = self
        first.seed = list[0]
        var figure = first.densityFigure(fits: runs[0].fits, vae: runs[0].vae, train: runs[0].train)
        figure.caption += " Mapas da semente \(list[0])."
        var outputs: [ExperimentOutput] = [.table(table), .figure(figure)]
        if let kl = scalars["vae.kl.mean"] {
            outputs.append(.note("KL médio de teste do VAE (média das sementes): \(SignificantFormat.format(kl, digits: 3)) nats"
                                 + (kl < 0.1 ? " — a posterior colapsou no prior, e o VAE se comporta como uma única gaussiana." : ".")))
        }
        return ExperimentResult(outputs: outputs, scalars: scalars)
    }
}
