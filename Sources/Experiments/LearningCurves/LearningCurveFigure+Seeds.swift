import Charts
import LatentModels
import Notebook

extension LearningCurveFigure {
    /// Curves of runs trained with several seeds: per run and split, the mean across seeds at
    /// each epoch, with a band of ± one standard error of that mean (s/√n across seeds).
    /// Every run's seeds must have the same epochs (the same configuration).
    static func figure(name: String, seedRuns: [(String, [[EpochValues]])], metric: Metric, splits: [Split],
                       caption: String, page: PageContext) -> ResultFigure {
        var series: [LineSeries] = []
        var finals: [String] = []
        for (index, (runName, seeds)) in seedRuns.enumerated() {
            let epochs = seeds.map(\.count).min() ?? 0
            var lasts: [String] = []
            for split in splits {
                let label = splits.count > 1 ? "\(runName) (\(split.name(page)))" : runName
                let points = (0..<epochs).map { e -> DataPoint in
                    let summary = SeedSummary(seeds.map { metric.value($0[e], split) })
                    return DataPoint(x: Double(seeds[0][e].epoch), y: summary.mean, error: summary.standardError)
                }
                var line = LineSeries(label, points: points, stroke: split == .train && splits.count > 1 ? .dashed : .solid,
                                      marker: Marker.automatic(at: index), color: Palette.color(at: index))
                line.errorStyle = .band
                series.append(line)
                if epochs > 0 {
                    let last = SeedSummary(seeds.map { metric.value($0[epochs - 1], split) })
                    lasts.append("\(split.name(page)) \(page.decimal(last.mean)) ± \(page.decimal(last.standardError, digits: 2))")
                }
            }
            finals.append("\(runName): \(metric.shortName(page)) final \(lasts.joined(separator: ", "))")
        }
        let count = seedRuns.first?.1.count ?? 0
        let summary = finals.joined(separator: "; ")
            + page.text(" (média ± erro-padrão de \(count) sementes).", " (mean ± standard error of \(count) seeds).")
        let chart = LineChart(title: page.text("\(metric.shortName(page)) por época", "\(metric.shortName(page)) per epoch"),
                              summary: summary, xAxis: .linear(page.text("Época", "Epoch")), yAxis: .linear(metric.title(page)),
                              series: series, identifier: name)
        return ResultFigure(name: name, caption: caption, svg: chart.document(for: page),
                            altText: page.text("Curvas de aprendizado: \(metric.shortName(page)) por época, média de \(count) sementes "
                                                + "com faixa de um erro-padrão. ",
                                               "Learning curves: \(metric.shortName(page)) per epoch, mean of \(count) seeds "
                                                + "with a band of one standard error. ") + summary)
    }
}
