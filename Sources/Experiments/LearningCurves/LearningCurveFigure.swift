import Charts
import LatentModels
import Notebook

/// Line charts of training histories: one line per run and split, epochs on x.
enum LearningCurveFigure {
    enum Metric: String, Sendable, CaseIterable {
        case nelbo, kl, reconstruction

        var title: String {
            switch self {
            case .nelbo: "NELBO (nats)"
            case .kl: "KL (nats)"
            case .reconstruction: "Reconstrução (nats)"
            }
        }

        var shortName: String {
            switch self {
            case .nelbo: "NELBO"
            case .kl: "KL"
            case .reconstruction: "reconstrução"
            }
        }

        func value(_ record: EpochRecord, _ split: Split) -> Double {
            switch (self, split) {
            case (.nelbo, .train): record.trainNELBO
            case (.nelbo, .test): record.testNELBO
            case (.kl, .train): record.trainKL
            case (.kl, .test): record.testKL
            case (.reconstruction, .train): record.trainReconstruction
            case (.reconstruction, .test): record.testReconstruction
            }
        }
    }

    enum Split: String, Sendable {
        case train, test
        var name: String { self == .train ? "treino" : "teste" }
    }

    /// One series per run and split: runs take the palette's colours, the training split is dashed.
    static func figure(name: String, runs: [(String, TrainingHistory)], metric: Metric, splits: [Split],
                       caption: String) -> ResultFigure {
        var series: [LineSeries] = []
        for (index, (runName, history)) in runs.enumerated() {
            for split in splits {
                let label = splits.count > 1 ? "\(runName) (\(split.name))" : runName
                series.append(LineSeries(label, x: history.epochs.map { Double($0.epoch) },
                                         y: history.epochs.map { metric.value($0, split) },
                                         stroke: split == .train && splits.count > 1 ? .dashed : .solid,
                                         marker: Marker.automatic(at: index), color: Palette.color(at: index)))
            }
        }
        let summary = runs.map { runName, history -> String in
            let finals = splits.compactMap { split in
                history.last.map { "\(split.name) \(SignificantFormat.format(metric.value($0, split)))" }
            }
            return "\(runName): \(metric.shortName) final \(finals.joined(separator: ", "))"
        }.joined(separator: "; ")
        let chart = LineChart(title: "\(metric.shortName) por época", summary: summary + ".",
                              xAxis: .linear("Época"), yAxis: .linear(metric.title), series: series,
                              identifier: name)
        return ResultFigure(name: name, caption: caption, svg: chart.svg(),
                            altText: "Curvas de aprendizado: \(metric.shortName) por época. " + summary + ".")
    }
}
