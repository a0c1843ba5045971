import Charts
import LatentModels
import Notebook

/// Line charts of training histories: one line per run and split, epochs on x.
enum LearningCurveFigure {
    enum Metric: String, Sendable, CaseIterable, Codable {
        case nelbo, kl, reconstruction

        func title(_ page: PageContext) -> String {
            switch self {
            case .nelbo: "NELBO (nats)"
            case .kl: "KL (nats)"
            case .reconstruction: page.text("Reconstrução (nats)", "Reconstruction (nats)")
            }
        }

        func shortName(_ page: PageContext) -> String {
            switch self {
            case .nelbo: "NELBO"
            case .kl: "KL"
            case .reconstruction: page.text("reconstrução", "reconstruction")
            }
        }

        func value(_ record: EpochValues, _ split: Split) -> Double {
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

    enum Split: String, Sendable, Codable {
        case train, test
        func name(_ page: PageContext) -> String {
            self == .train ? page.text("treino", "training") : page.text("teste", "test")
        }
    }

    /// One series per run and split: runs take the palette's colours, the training split is dashed.
    static func figure(name: String, runs: [(String, [EpochValues])], metric: Metric, splits: [Split],
                       caption: String, page: PageContext) -> ResultFigure {
        var series: [LineSeries] = []
        for (index, (runName, epochs)) in runs.enumerated() {
            for split in splits {
                let label = splits.count > 1 ? "\(runName) (\(split.name(page)))" : runName
                series.append(LineSeries(label, x: epochs.map { Double($0.epoch) },
                                         y: epochs.map { metric.value($0, split) },
                                         stroke: split == .train && splits.count > 1 ? .dashed : .solid,
                                         marker: Marker.automatic(at: index), color: Palette.color(at: index)))
            }
        }
        let summary = runs.map { runName, epochs -> String in
            let finals = splits.compactMap { split in
                epochs.last.map { "\(split.name(page)) \(page.decimal(metric.value($0, split)))" }
            }
            return "\(runName): \(metric.shortName(page)) final \(finals.joined(separator: ", "))"
        }.joined(separator: "; ")
        let chart = LineChart(title: page.text("\(metric.shortName(page)) por época", "\(metric.shortName(page)) per epoch"),
                              summary: summary + ".", xAxis: .linear(page.text("Época", "Epoch")),
                              yAxis: .linear(metric.title(page)), series: series, identifier: name)
        return ResultFigure(name: name, caption: caption, svg: chart.document(for: page),
                            altText: page.text("Curvas de aprendizado: \(metric.shortName(page)) por época. ",
                                               "Learning curves: \(metric.shortName(page)) per epoch. ") + summary + ".")
    }
}
