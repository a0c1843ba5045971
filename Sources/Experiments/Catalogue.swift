import Notebook

/// Every directive this build knows. The CLI registers these with the notebook engine:
/// `ExperimentRegistry(Catalogue.all)`.
public enum Catalogue {
    public static let all: [any Experiment.Type] = [
        KLVariance.self,
    ]

    public static var registry: ExperimentRegistry { ExperimentRegistry(all) }
}
