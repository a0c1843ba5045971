import Charts
import LatentModels
import Notebook

extension Evaluate {
    public struct Measurement: Codable, Sendable {
        var models: [EvaluationMeasurement]
    }

    func header(_ metric: Metric, _ page: PageContext) -> String? {
        switch metric {
        case .nelbo: "NELBO"
        case .kl: "KL"
        case .reconstruction: page.text("Reconstrução", "Reconstruction")
        case .iwae(let k): page.text("NLL IWAE (k = \(k))", "IWAE NLL (k = \(k))")
        case .activeUnits: page.text("Unidades ativas", "Active units")
        case .klPerDimension: nil
        }
    }

    /// The key of a metric's value in a measurement (its scalar name; `klPerDimension` has its own field).
    static func key(_ metric: Metric) -> String {
        switch metric {
        case .nelbo: "nelbo"
        case .kl: "kl"
        case .reconstruction: "reconstruction"
        case .iwae(let k): "iwae\(k)"
        case .activeUnits: "activeUnits"
        case .klPerDimension: "klPerDimension"
        }
    }

    /// A metric's scalar name: its key, except the KL per dimension, which has scalars of its own.
    func scalarName(_ metric: Metric) -> String? { metric == .klPerDimension ? nil : Self.key(metric) }

    /// The scalars of the measured models; the measurement is kept as it is.
    func measure(_ measurements: [EvaluationMeasurement]) throws -> ExperimentResult {
        let columns = metrics.filter { header($0, .portuguese) != nil }
        var scalars: [String: Double] = [:]
        for m in measurements {
            for metric in columns {
                if let s = scalarName(metric) { scalars["\(m.id).\(s)"] = m.values[Self.key(metric)] ?? .nan }
            }
        }
        // Orderings a sentence may state: the rank of each model for each metric (1 = lowest).
        for metric in columns {
            guard let s = scalarName(metric) else { continue }
            for (m, rank) in Self.ranks(measurements.map { $0.values[Self.key(metric)] ?? .nan }).enumerated() {
                scalars["\(measurements[m].id).\(s).rank"] = Double(rank)
            }
        }
        if metrics.contains(.klPerDimension) {
            for m in measurements {
                guard let dims = m.klPerDimension else { continue }
                let sorted = dims.sorted(by: >)
                for (j, v) in sorted.enumerated() { scalars["\(m.id).kl.dim\(j + 1)"] = v }
                scalars["\(m.id).kl.total"] = sorted.reduce(0, +)
                if let drop = Self.largestDrop(sorted) { scalars["\(m.id).kl.drop"] = Double(drop) }
            }
        }
        return try measured(Measurement(models: measurements), scalars: scalars)
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let measurements = measurement.models
        let columns = metrics.filter { header($0, page) != nil }
        var rows: [[ResultTable.Cell]] = []
        for m in measurements {
            var row: [ResultTable.Cell] = [.text(m.id), .text(ModelDescription.model(m.model, page))]
            for metric in columns {
                let v = m.values[Self.key(metric)] ?? .nan
                if case .activeUnits = metric { row.append(v.isFinite ? .integer(Int(v)) : .number("NaN")) } else { row.append(.decimal(v)) }
            }
            rows.append(row)
        }
        var outputs: [ExperimentOutput] = []
        let counts = Set(measurements.map(\.testCount)).sorted().map(String.init).joined(separator: "/")
        if !columns.isEmpty {
            var caption = page.text("Avaliação no conjunto de teste (\(counts) exemplos), em nats por exemplo; menor é melhor.",
                                    "Evaluation on the test set (\(counts) examples), in nats per example; lower is better.")
            if columns.contains(where: { if case .iwae = $0 { true } else { false } }) {
                caption += page.text(" A NLL IWAE é −L_k, um limite superior de −log p(x) mais justo que a NELBO.",
                                     " The IWAE NLL is −L_k, an upper bound on −log p(x) tighter than the NELBO.")
            }
            if columns.contains(where: { if case .activeUnits = $0 { true } else { false } }) {
                caption += page.text(" Unidade ativa: Cov_x E_q[z_u] acima do limiar.", " Active unit: Cov_x E_q[z_u] above the threshold.")
            }
            outputs.append(.table(ResultTable(name: name, caption: caption,
                                              header: ["Id", page.text("Modelo", "Model")] + columns.compactMap { header($0, page) },
                                              rows: rows)))
        }
        if metrics.contains(.klPerDimension) {
            let available = measurements.filter { $0.klPerDimension != nil }
            if !available.isEmpty {
                outputs.append(.figure(perDimensionFigure(available, page)))
            }
            let missing = measurements.filter { $0.klPerDimension == nil }.map(\.id)
            if !missing.isEmpty {
                outputs.append(.note(page.text(
                    "KL por dimensão indisponível para \(missing.joined(separator: ", ")): "
                        + "o prior não se fatoriza por dimensão, e o KL não tem forma fechada.",
                    "KL per dimension unavailable for \(missing.joined(separator: ", ")): "
                        + "the prior does not factorize by dimension, and the KL has no closed form.")))
            }
        }
        return outputs
    }

    var name: String { "avaliacao-" + models.joined(separator: "-") }

    private func perDimensionFigure(_ measurements: [EvaluationMeasurement], _ page: PageContext) -> ResultFigure {
        let series = measurements.map { m -> LineSeries in
            let sorted = m.klPerDimension!.sorted(by: >)
            return LineSeries(m.id, x: sorted.indices.map { Double($0 + 1) }, y: sorted)
        }
        let summary = measurements.map { m in
            let dims = m.klPerDimension!
            let above = dims.filter { $0 > 0.01 }.count
            return page.text("\(m.id): \(above) de \(dims.count) dimensões com KL acima de 0,01 nats",
                             "\(m.id): \(above) of \(dims.count) dimensions with a KL above 0.01 nats")
        }.joined(separator: "; ")
        let chart = LineChart(title: page.text("KL por dimensão latente", "KL per latent dimension"), summary: summary + ".",
                              xAxis: .linear(page.text("Dimensão (ordenada por KL)", "Dimension (sorted by KL)")),
                              yAxis: .linear(page.text("KL médio (nats)", "Mean KL (nats)"), includesZero: true),
                              series: series, identifier: name + "-kl-dim")
        return ResultFigure(name: name + "-kl-dim",
                            caption: page.text("KL analítico médio por dimensão latente, em ordem decrescente; dimensões perto de zero "
                                                + "colapsaram para o prior.",
                                               "Mean analytic KL per latent dimension, in decreasing order; dimensions near zero "
                                                + "collapsed to the prior."),
                            svg: chart.document(for: page), altText: summary + ".")
    }

    /// 1-based ranks of `values`, lowest first; ties share the better rank; NaN ranks last.
    static func ranks(_ values: [Double]) -> [Int] {
        values.map { v in
            guard !v.isNaN else { return values.count }
            return 1 + values.filter { !$0.isNaN && $0 < v }.count
        }
    }

    /// For KL values sorted largest first: the 1-based dimension j after which the KL falls the
    /// most, as the ratio kl[j+1] / kl[j] (the "elbow" a figure of KL per dimension shows);
    /// nil with fewer than two dimensions or no positive value.
    static func largestDrop(_ sorted: [Double]) -> Int? {
        guard sorted.count >= 2 else { return nil }
        var best: (Int, Double)?
        for j in 0..<(sorted.count - 1) where sorted[j] > 0 {
            let ratio = max(sorted[j + 1], 0) / sorted[j]
            if best == nil || ratio < best!.1 { best = (j + 1, ratio) }
        }
        return best?.0
    }
}
