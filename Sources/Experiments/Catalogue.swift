import Foundation
import LatentModels
import Notebook

/// Every directive this build knows. The CLI registers these with the notebook engine:
/// `ExperimentRegistry(Catalogue.all)`.
public enum Catalogue {
    public static let all: [any Experiment.Type] = [
        Train.self,
        Evaluate.self,
        LearningCurves.self,
        Samples.self,
        Reconstructions.self,
        Interpolate.self,
        DecoderComponents.self,
        LatentSpace.self,
        KLVariance.self,
        PriorDensity.self,
        MixtureFit.self,
        ComparePriors.self,
        GradientVariance.self,
        Compare.self,
        Listing.self,
    ]

    /// The catalogue; a course's `data: fashionMNIST:` folder becomes the dataset folder, and
    /// its folder the one `@Listing` reads from.
    public static var registry: ExperimentRegistry {
        ExperimentRegistry(all) { course in
            FashionMNIST.directory = course.fashionMNISTFolder ?? FashionMNIST.defaultDirectory
            Listing.root.value = course.sourceRoot ?? FileManager.default.currentDirectoryPath
        }
    }
}
