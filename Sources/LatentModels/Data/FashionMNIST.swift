/// Fashion-MNIST (Xiao, Rasul & Vollgraf, 2017): 28×28 grey-scale clothing images in
/// 10 classes, 60 000 for training and 10 000 for testing.
///
/// Read from the Debian package `dataset-fashion-mnist`, which installs the original
/// gzip-compressed IDX files under `/usr/share/datasets/fashion-mnist/`. Intensities are
/// scaled to [0, 1]. Loaded splits are cached for the life of the process.
public enum FashionMNIST {
    /// The Debian package that provides the files.
    public static let debianPackage = "dataset-fashion-mnist"
    /// Where the package puts them.
    public static let defaultDirectory = "/usr/share/datasets/fashion-mnist"

    /// Where `load` reads by default: `defaultDirectory` unless a course configuration names
    /// another folder (`data: fashionMNIST:` in `course.yml`). Process-wide.
    public static var directory: String {
        get { DirectorySetting.shared.value }
        set { DirectorySetting.shared.value = newValue }
    }
    /// Class names, by label.
    public static let classNames = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

    public enum Split: String, Codable, Hashable, Sendable {
        case train, test
        var filePrefix: String { self == .train ? "train" : "t10k" }
    }

    /// The full split.
    ///
    /// - Throws: `DatasetError.missingFile` naming the package if a file is absent,
    ///   `DatasetError.corrupt` if it does not decode: bad magic, dimension counts other than
    ///   3 (images) and 1 (labels), a zero or oversized dimension (see `IDXFile`), a payload
    ///   of the wrong size, label and image counts that differ, a label outside 0…9.
    public static func load(_ split: Split, directory: String = FashionMNIST.directory) throws -> Dataset {
        let key = "\(directory)/\(split.rawValue)"
        if let cached = DatasetCache.shared.value(for: key) { return cached }
        let imagesPath = "\(directory)/\(split.filePrefix)-images-idx3-ubyte.gz"
        let labelsPath = "\(directory)/\(split.filePrefix)-labels-idx1-ubyte.gz"
        let images = try IDXFile.read(gzipPath: imagesPath, package: debianPackage)
        let labels = try IDXFile.read(gzipPath: labelsPath, package: debianPackage)
        guard images.dimensions.count == 3 else {
            throw DatasetError.corrupt(path: imagesPath, reason: "images must have 3 dimensions (count, height, width), found \(images.dimensions)")
        }
        guard labels.dimensions.count == 1 else {
            throw DatasetError.corrupt(path: labelsPath, reason: "labels must have 1 dimension, found \(labels.dimensions)")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw DatasetError.corrupt(path: labelsPath, reason: "\(labels.dimensions[0]) labels for \(images.dimensions[0]) images")
        }
        if let bad = labels.bytes.firstIndex(where: { Int($0) >= classNames.count }) {
            throw DatasetError.corrupt(path: labelsPath, reason: "label \(labels.bytes[bad]) of example \(bad) is not a class in 0...\(classNames.count - 1)")
        }
        let (height, width) = (images.dimensions[1], images.dimensions[2])
        // Division (not multiplication by 1/255) so the values match NumPy's `x / 255` exactly.
        let features = images.bytes.map { Float($0) / 255 }
        let dataset = Dataset(name: "fashion-mnist/\(split.rawValue)", features: features, dimension: height * width,
                              labels: labels.bytes.map(Int.init), classCount: 10, imageShape: (height, width))
        DatasetCache.shared.store(dataset, for: key)
        return dataset
    }
}

