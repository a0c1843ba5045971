import Foundation
import LatentModels

/// Identifies the installed dataset files by name, size and modification time.
enum DatasetFingerprint {
    static let fashionMNISTFiles = ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                    "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"]

    /// `name:size:mtime` per file, `;`-separated; `name:missing` for absent files.
    static var fashionMNIST: String {
        fashionMNISTFiles.map { name in
            let path = FashionMNIST.directory + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return name + ":missing" }
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(name):\(size):\(Int64(date))"
        }.joined(separator: ";")
    }
}
