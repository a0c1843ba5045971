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

/// The process-wide dataset folder (thread-safe).
final class DirectorySetting: @unchecked Sendable {
    static let shared = DirectorySetting()
    private let lock = NSLock()
    private var stored = FashionMNIST.defaultDirectory
    var value: String {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
