import Charts
import LatentModels
import Notebook

extension LearningCurveFigure {
    /// Curves of runs trained with several seeds: per run and split, the mean across seeds at
    /// each epoch, with a band of ± one standard error of that mean (s/√n across seeds).
    /// Every run's histories must have the same epochs (the same configuration).
    static func figure(name: String, seedRuns: [(String, [TrainingHistory])], metric: Metric, splits: [Split],
                       caption: String) -> ResultFigure {
        var series: [LineSeries] = []
        var finals: [String] = []
        for (index, (runName, histories)) in seedRuns.enumerated() {
            let epochs = histories.map(\.epochs.count).min() ?? 0
            var lasts: [String] = []
            for split in splits {
                let label = splits.count > 1 ? "\(runName) (\(split.name))" : runName
                let points = (0..<epochs).map { e -> DataPoint in
                    let summary = SeedSummary(histories.map { metric.value($0.epochs[e], split) })
                    return DataPoint(x: Double(histories[0].epochs[e].epoch), y: summary.mean, error: summary.standardError)
                }
                var line = LineSeries(label, points: points, stroke: split == .train && splits.count > 1 ? .dashed : .solid,
                                      marker: Marker.automatic(at: index), color: Palette.color(at: index))
                line.errorStyle = .band
                series.append(line)
                if epochs > 0 {
                    let last = SeedSummary(histories.map { metric.value($0.epochs[epochs - 1], split) })
                    lasts.append("\(split.name) \(SignificantFormat.format(last.mean)) ± \(SignificantFormat.format(last.standardError, digits: 2))")
                }
            }
            finals.append("\(runName): \(metric.shortName) final \(lasts.joined(separator: ", "))")
        }
        let seeds = seedRuns.first?.1.count ?? 0
        let summary = finals.joined(separator: "; ") + " (média ± erro-padrão de \(seeds) sementes)."
        let chart = LineChart(title: "\(metric.shortName) por época", summary: summary,
                              xAxis: .linear("Época"), yAxis: .linear(metric.title), series: series, identifier: name)
        return ResultFigure(name: name, caption: caption, svg: chart.svg(),
                            altText: "Curvas de aprendizado: \(metric.shortName) por época, média de \(seeds) sementes com faixa "
                                + "de um erro-padrão. " + summary)
    }
}
