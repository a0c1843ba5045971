import Charts
import LatentModels
import Notebook

extension Evaluate {
    func header(_ metric: Metric) -> String? {
        switch metric {
        case .nelbo: "NELBO"
        case .kl: "KL"
        case .reconstruction: "Reconstrução"
        case .iwae(let k): "NLL IWAE (k = \(k))"
        case .activeUnits: "Unidades ativas"
        case .klPerDimension: nil
        }
    }

    func scalarName(_ metric: Metric) -> String? {
        switch metric {
        case .nelbo: "nelbo"
        case .kl: "kl"
        case .reconstruction: "reconstruction"
        case .iwae(let k): "iwae\(k)"
        case .activeUnits: "activeUnits"
        case .klPerDimension: nil
        }
    }

    func report(_ measurements: [EvaluationMeasurement]) -> ExperimentResult {
        let columns = metrics.filter { header($0) != nil }
        var scalars: [String: Double] = [:]
        var rows: [[String]] = []
        for m in measurements {
            var row = [m.id, ModelDescription.model(m.model)]
            for metric in columns {
                let v = m.values[metric] ?? .nan
                if case .activeUnits = metric { row.append(String(Int(v))) } else { row.append(SignificantFormat.format(v)) }
                if let s = scalarName(metric) { scalars["\(m.id).\(s)"] = v }
            }
            rows.append(row)
        }
        // Orderings a sentence may state: the rank of each model for each metric (1 = lowest).
        for metric in columns {
            guard let s = scalarName(metric) else { continue }
            for (m, rank) in Self.ranks(measurements.map { $0.values[metric] ?? .nan }).enumerated() {
                scalars["\(measurements[m].id).\(s).rank"] = Double(rank)
            }
        }
        var outputs: [ExperimentOutput] = []
        let counts = Set(measurements.map(\.testCount)).sorted().map(String.init).joined(separator: "/")
        if !columns.isEmpty {
            var caption = "Avaliação no conjunto de teste (\(counts) exemplos), em nats por exemplo; menor é melhor."
            if columns.contains(where: { if case .iwae = $0 { true } else { false } }) {
                caption += " A NLL IWAE é −L_k, um limite superior de −log p(x) mais justo que a NELBO."
            }
            if columns.contains(where: { if case .activeUnits = $0 { true } else { false } }) {
                caption += " Unidade ativa: Cov_x E_q[z_u] acima do limiar."
            }
            outputs.append(.table(ResultTable(name: name, caption: caption,
                                              header: ["Id", "Modelo"] + columns.compactMap(header), rows: rows)))
        }
        if metrics.contains(.klPerDimension) {
            let available = measurements.filter { $0.klPerDimension != nil }
            for m in available {
                let sorted = m.klPerDimension!.sorted(by: >)
                for (j, v) in sorted.enumerated() { scalars["\(m.id).kl.dim\(j + 1)"] = v }
                scalars["\(m.id).kl.total"] = sorted.reduce(0, +)
                if let drop = Self.largestDrop(sorted) { scalars["\(m.id).kl.drop"] = Double(drop) }
            }
            if !available.isEmpty {
                outputs.append(.figure(perDimensionFigure(available)))
            }
            let missing = measurements.filter { $0.klPerDimension == nil }.map(\.id)
            if !missing.isEmpty {
                outputs.append(.note("KL por dimensão indisponível para \(missing.joined(separator: ", ")): "
                                     + "o prior não se fatoriza por dimensão, e o KL não tem forma fechada."))
            }
        }
        return ExperimentResult(outputs: outputs, scalars: scalars)
    }

    var name: String { "avaliacao-" + models.joined(separator: "-") }

    private func perDimensionFigure(_ measurements: [EvaluationMeasurement]) -> ResultFigure {
        let series = measurements.map { m -> LineSeries in
            let sorted = m.klPerDimension!.sorted(by: >)
            return LineSeries(m.id, x: sorted.indices.map { Double($0 + 1) }, y: sorted)
        }
        let summary = measurements.map { m in
            let dims = m.klPerDimension!
            return "\(m.id): \(dims.filter { $0 > 0.01 }.count) de \(dims.count) dimensões com KL acima de 0.01 nats"
        }.joined(separator: "; ")
        let chart = LineChart(title: "KL por dimensão latente", summary: summary + ".",
                              xAxis: .linear("Dimensão (ordenada por KL)"), yAxis: .linear("KL médio (nats)", includesZero: true),
                              series: series, identifier: name + "-kl-dim")
        return ResultFigure(name: name + "-kl-dim",
                            caption: "KL analítico médio por dimensão latente, em ordem decrescente; dimensões perto de zero "
                                + "colapsaram para o prior.",
                            svg: chart.svg(), altText: summary + ".")
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
