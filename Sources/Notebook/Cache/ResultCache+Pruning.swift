import Foundation

extension ResultCache {
    /// After a build of every lesson, the cache is pruned to this size (1 GiB): entries no
    /// lesson uses go, least recently used first. The course's own results take about 70 MB.
    public static let defaultLimit = 1 << 30

    /// One result on disk: its `.json` and, when it has artifacts, its `.bin`.
    struct StoredEntry {
        var key: String
        var bytes: Int
        /// When it was last written or read (`touch`).
        var used: Date
    }

    func storedEntries() -> [StoredEntry] {
        guard SafePaths.kind(resultsFolder.path) == .folder else { return [] }
        var entries: [String: StoredEntry] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: resultsFolder.path)) ?? [] where Self.isEntryName(name) {
            let path = resultsFolder.appendingPathComponent(name).path
            guard SafePaths.kind(path) == .file, let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { continue }
            let key = String(name.prefix(64))
            var entry = entries[key] ?? StoredEntry(key: key, bytes: 0, used: .distantPast)
            entry.bytes += (attributes[.size] as? Int) ?? 0
            if name.hasSuffix(".json"), let modified = attributes[.modificationDate] as? Date { entry.used = modified }
            entries[key] = entry
        }
        return Array(entries.values)
    }

    /// Total bytes of the entries.
    public var byteCount: Int { storedEntries().reduce(0) { $0 + $1.bytes } }

    /// Removes the entries whose keys are not in `used`: every one of them, or with `limit`,
    /// the least recently used until the cache holds at most `limit` bytes. An entry in `used`
    /// is never removed. Returns how many entries and bytes went.
    @discardableResult
    public func prune(keeping used: Set<String>, limit: Int? = nil) -> (entries: Int, bytes: Int) {
        let stored = storedEntries()
        var total = stored.reduce(0) { $0 + $1.bytes }
        var removed = (entries: 0, bytes: 0)
        for entry in stored.filter({ !used.contains($0.key) }).sorted(by: { ($0.used, $0.key) < ($1.used, $1.key) }) {
            if let limit, total <= limit { break }
            for name in [entry.key + ".bin", entry.key + ".json"] { SafePaths.removeFile("results/" + name, in: folder) }
            total -= entry.bytes
            removed.entries += 1
            removed.bytes += entry.bytes
        }
        return removed
    }
}
