import LatentModels
import Notebook

extension Compare {
    /// The paired comparison: of the two models, or seed by seed.
    public struct Measurement: Codable, Sendable {
        var paired: PairedDifference?
        var seeds: SeedPairedDifference?
    }

    var name: String { "comparacao-\(first)-\(second)" }

    func metricName(_ page: PageContext) -> String {
        switch metric {
        case .nelbo: "NELBO"
        case .iwae(let k): page.text("NLL IWAE (k = \(k))", "IWAE NLL (k = \(k))")
        }
    }

    func measure(_ p: PairedDifference) throws -> ExperimentResult {
        try measured(Measurement(paired: p), scalars: [
            "difference": p.difference, "se": p.standardError, "z": p.z,
            "first": p.firstMean, "second": p.secondMean, "n": Double(p.n),
        ])
    }

    func measure(_ p: SeedPairedDifference) throws -> ExperimentResult {
        var scalars: [String: Double] = [
            "difference": p.difference, "se": p.standardError, "se.test": p.testSE, "se.seeds": p.seedSE, "z": p.z,
            "first": p.pooled.firstMean, "second": p.pooled.secondMean, "n": Double(p.pooled.n), "seeds": Double(p.seeds.count),
        ]
        for (seed, d) in zip(p.seeds, p.perSeed) { scalars["difference.seed\(seed)"] = d.difference }
        return try measured(Measurement(seeds: p), scalars: scalars)
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        if let p = measurement.seeds { return [.table(table(p, page))] }
        guard let p = measurement.paired else { return [] }
        let f = { ResultTable.Cell.decimal($0) }
        let rows: [[ResultTable.Cell]] = [
            [.text(first), f(p.firstMean)],
            [.text(second), f(p.secondMean)],
            [.text("\(first) − \(second)"), f(p.difference)],
            [.text(page.text("Erro-padrão pareado", "Paired standard error")), f(p.standardError)],
            ["z", f(p.z)],
        ]
        let caption = page.text(
            "\(metricName(page)) de teste em nats por exemplo, \(p.n) exemplos, os dois modelos com o mesmo ruído. "
                + "A diferença é a média de \(first) − \(second) exemplo a exemplo (negativa: \(first) é melhor); o erro-padrão "
                + "pareado, s_d/√n, mede só a incerteza da amostra de teste, não a de outra semente de treino.",
            "Test \(metricName(page)) in nats per example, \(p.n) examples, both models with the same noise. "
                + "The difference is the mean of \(first) − \(second) example by example (negative: \(first) is better); the paired "
                + "standard error, s_d/√n, measures only the uncertainty of the test sample, not that of another training seed.")
        return [.table(ResultTable(name: name, caption: caption, header: ["", metricName(page)], rows: rows))]
    }

    private func table(_ p: SeedPairedDifference, _ page: PageContext) -> ResultTable {
        let f = { ResultTable.Cell.decimal($0) }
        var rows: [[ResultTable.Cell]] = zip(p.seeds, p.perSeed).map { seed, d in
            [.text("\(first) − \(second), " + page.text("semente \(seed)", "seed \(seed)")), f(d.difference)]
        }
        rows += [
            [.text(first), f(p.pooled.firstMean)],
            [.text(second), f(p.pooled.secondMean)],
            [.text("\(first) − \(second), " + page.text("média das sementes", "mean of the seeds")), f(p.difference)],
            [.text(page.text("Erro-padrão da amostra de teste (pareado)", "Standard error of the test sample (paired)")), f(p.testSE)],
            [.text(page.text("Erro-padrão entre sementes", "Standard error across seeds")), f(p.seedSE)],
            [.text(page.text("Erro-padrão combinado", "Combined standard error")), f(p.standardError)],
            ["z", f(p.z)],
        ]
        let caption = page.text(
            "\(metricName(page)) de teste em nats por exemplo, \(p.pooled.n) exemplos, \(p.seeds.count) sementes: cada semente "
                + "de \(first) comparada à mesma semente de \(second), com o mesmo ruído (negativa: \(first) é melhor). O erro-padrão "
                + "pareado mede a incerteza da amostra de teste; o entre sementes, s/√K das diferenças por semente, a do treino; "
                + "o combinado é √(pareado² + entre sementes²).",
            "Test \(metricName(page)) in nats per example, \(p.pooled.n) examples, \(p.seeds.count) seeds: each seed of \(first) "
                + "compared with the same seed of \(second), with the same noise (negative: \(first) is better). The paired standard "
                + "error measures the uncertainty of the test sample; the one across seeds, s/√K of the per-seed differences, that "
                + "of training; the combined one is √(paired² + across seeds²).")
        return ResultTable(name: name, caption: caption, header: ["", metricName(page)], rows: rows)
    }
}
