import Tensors

/// A labelled set of feature vectors held in memory, row-major `[count, dimension]`.
///
/// Features of image sets are intensities in [0, 1]; binarization happens when batches are
/// drawn (`Binarization`). Subsets are drawn from a seed, so the same configuration always
/// trains on the same examples.
public struct Dataset: Sendable {
    /// A short name for messages and fingerprints (`fashion-mnist/train`).
    public let name: String
    /// `count × dimension` features, row-major.
    public let features: [Float]
    /// Features per example (784 for 28×28 images, 2 for the synthetic sets).
    public let dimension: Int
    /// One class label per example (in `0..<classCount`), if the set has labels.
    public let labels: [Int]?
    /// Number of label classes (0 without labels).
    public let classCount: Int
    /// Image shape `(height, width)` for image sets, for display.
    public let imageShape: (height: Int, width: Int)?

    public init(name: String, features: [Float], dimension: Int, labels: [Int]?, classCount: Int,
                imageShape: (height: Int, width: Int)? = nil) {
        precondition(dimension > 0 && features.count % dimension == 0,
                     "Dataset '\(name)': \(features.count) features do not split into rows of \(dimension)")
        if let labels {
            precondition(labels.count == features.count / dimension, "Dataset '\(name)': label count differs from row count")
        }
        self.name = name
        self.features = features
        self.dimension = dimension
        self.labels = labels
        self.classCount = classCount
        self.imageShape = imageShape
    }

    /// Number of examples.
    public var count: Int { features.count / dimension }

    /// The examples at `indices`, in that order.
    public func subset(_ indices: [Int], name: String? = nil) -> Dataset {
        var out = [Float](repeating: 0, count: indices.count * dimension)
        out.withUnsafeMutableBufferPointer { dst in
            features.withUnsafeBufferPointer { src in
                for (r, i) in indices.enumerated() {
                    precondition(i >= 0 && i < count, "Dataset.subset: index \(i) out of range 0..<\(count)")
                    (dst.baseAddress! + r * dimension).update(from: src.baseAddress! + i * dimension, count: dimension)
                }
            }
        }
        return Dataset(name: name ?? self.name, features: out, dimension: dimension,
                       labels: labels.map { l in indices.map { l[$0] } }, classCount: classCount, imageShape: imageShape)
    }

    /// `count` examples drawn without replacement from `seed` (all of them, in order, if
    /// `count` is nil or equals the size).
    public func randomSubset(count requested: Int?, seed: UInt64) throws -> Dataset {
        guard let requested, requested != count else { return self }
        guard requested <= count else { throw DatasetError.subsetTooLarge(requested: requested, available: count) }
        let order = RandomGenerator(seed: seed).permutation(count)
        return subset(Array(order.prefix(requested)).sorted(), name: "\(name)[\(requested)]")
    }

    /// The first `n` examples.
    public func prefix(_ n: Int) -> Dataset { subset(Array(0..<Swift.min(n, count))) }

    /// All features as a tensor `[count, dimension]` (no gradient).
    public func tensor() -> Tensor {
        Tensor(shape: [count, dimension], scalars: features)
    }

    /// Rows `indices` as a tensor `[indices.count, dimension]`, binarized as asked
    /// (`.dynamic` draws fresh Bernoulli pixels from `rng`).
    public func batch<C: Collection>(_ indices: C, binarization: Binarization = .none,
                                     rng: RandomGenerator? = nil) -> Tensor where C.Element == Int {
        let d = dimension
        // One bulk draw of uniforms (the generator's per-call methods do not inline across modules).
        let uniforms: Tensor? = binarization == .dynamic ? rng.map { $0.uniform(shape: [indices.count, d]) } : nil
        return Tensor(shape: [indices.count, d]) { out in
            features.withUnsafeBufferPointer { src in
                var r = 0
                for i in indices {
                    let row = src.baseAddress! + i * d, o = out.baseAddress! + r * d
                    switch binarization {
                    case .none:
                        o.update(from: row, count: d)
                    case .threshold(let t):
                        for j in 0..<d { o[j] = row[j] > t ? 1 : 0 }
                    case .dynamic:
                        guard let uniforms else { preconditionFailure("Dataset.batch: dynamic binarization needs a generator") }
                        uniforms.withUnsafeBufferPointer { u in
                            let ur = u.baseAddress! + r * d
                            for j in 0..<d { o[j] = ur[j] < row[j] ? 1 : 0 }
                        }
                    }
                    r += 1
                }
            }
        }
    }

    /// Labels of `indices` as one-hot rows `[indices.count, classCount]`.
    public func oneHotLabels<C: Collection>(_ indices: C) -> Tensor where C.Element == Int {
        guard let labels else { preconditionFailure("Dataset '\(name)' has no labels") }
        let k = classCount
        return Tensor(shape: [indices.count, k]) { out in
            out.update(repeating: 0)
            for (r, i) in indices.enumerated() { out[r * k + labels[i]] = 1 }
        }
    }

    /// A copy whose features are binarized once, reproducibly: dynamic binarization with the
    /// counter-based stream of `FixedBinarization(seed:)`, or a threshold.
    public func binarizedOnce(_ binarization: Binarization, seed: UInt64) -> Dataset {
        let values: [Float]
        switch binarization {
        case .none: return self
        case .threshold(let t): values = features.map { $0 > t ? 1 : 0 }
        case .dynamic: values = FixedBinarization(seed: seed).binarize(features)
        }
        return Dataset(name: "\(name)/binarized", features: values, dimension: dimension, labels: labels,
                       classCount: classCount, imageShape: imageShape)
    }
}
