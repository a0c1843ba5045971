import LatentModels
import Notebook

extension Compare {
    var name: String { "comparacao-\(first)-\(second)" }

    var metricName: String {
        switch metric {
        case .nelbo: "NELBO"
        case .iwae(let k): "NLL IWAE (k = \(k))"
        }
    }

    func report(_ p: PairedDifference) -> ExperimentResult {
        let scalars: [String: Double] = [
            "difference": p.difference, "se": p.standardError, "z": p.z,
            "first": p.firstMean, "second": p.secondMean, "n": Double(p.n),
        ]
        let rows = [
            [first, SignificantFormat.format(p.firstMean)],
            [second, SignificantFormat.format(p.secondMean)],
            ["\(first) − \(second)", SignificantFormat.format(p.difference)],
            ["Erro-padrão pareado", SignificantFormat.format(p.standardError)],
            ["z", SignificantFormat.format(p.z)],
        ]
        let caption = "\(metricName) de teste em nats por exemplo, \(p.n) exemplos, os dois modelos com o mesmo ruído. "
            + "A diferença é a média de \(first) − \(second) exemplo a exemplo (negativa: \(first) é melhor); o erro-padrão "
            + "pareado, s_d/√n, mede só a incerteza da amostra de teste, não a de outra semente de treino."
        let table = ResultTable(name: name, caption: caption, header: ["", metricName], rows: rows)
        return ExperimentResult(outputs: [.table(table)], scalars: scalars)
    }
}

extension Compare {
    func report(_ p: SeedPairedDifference) -> ExperimentResult {
        let f = { SignificantFormat.format($0) }
        var scalars: [String: Double] = [
            "difference": p.difference, "se": p.standardError, "se.test": p.testSE, "se.seeds": p.seedSE, "z": p.z,
            "first": p.pooled.firstMean, "second": p.pooled.secondMean, "n": Double(p.pooled.n), "seeds": Double(p.seeds.count),
        ]
        for (seed, d) in zip(p.seeds, p.perSeed) { scalars["difference.seed\(seed)"] = d.difference }
        var rows = zip(p.seeds, p.perSeed).map { seed, d in ["\(first) − \(second), semente \(seed)", f(d.difference)] }
        rows += [
            [first, f(p.pooled.firstMean)],
            [second, f(p.pooled.secondMean)],
            ["\(first) − \(second), média das sementes", f(p.difference)],
            ["Erro-padrão da amostra de teste (pareado)", f(p.testSE)],
            ["Erro-padrão entre sementes", f(p.seedSE)],
            ["Erro-padrão combinado", f(p.standardError)],
            ["z", f(p.z)],
        ]
        let caption = "\(metricName) de teste em nats por exemplo, \(p.pooled.n) exemplos, \(p.seeds.count) sementes: cada semente "
            + "de \(first) comparada à mesma semente de \(second), com o mesmo ruído (negativa: \(first) é melhor). O erro-padrão "
            + "pareado mede a incerteza da amostra de teste; o entre sementes, s/√K das diferenças por semente, a do treino; "
            + "o combinado é √(pareado² + entre sementes²)."
        let table = ResultTable(name: name, caption: caption, header: ["", metricName], rows: rows)
        return ExperimentResult(outputs: [.table(table)], scalars: scalars)
    }
}
