import Foundation

/// A process-wide cache of decoded datasets (decoding Fashion-MNIST takes about a second;
/// a notebook build trains many models on it).
final class DatasetCache: @unchecked Sendable {
    static let shared = DatasetCache()
    private let lock = NSLock()
    private var entries: [String: Dataset] = [:]

    func value(for key: String) -> Dataset? {
        lock.lock(); defer { lock.unlock() }
        return entries[key]
    }

    func store(_ dataset: Dataset, for key: String) {
        lock.lock(); defer { lock.unlock() }
        entries[key] = dataset
    }
}
