import Foundation

/// Writes files so that a reader (or a build killed at any instant) sees either the old
/// content or the new one, never a truncated file: write a temporary sibling, flush it,
/// then `rename(2)` over the destination.
public enum AtomicFile {
    /// Suffix of in-flight temporary files; a later build removes leftovers (see `removeLeftovers`).
    public static let temporaryMarker = ".notes-tmp-"

    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to `url` atomically, creating parent folders. Skips the write when the
    /// file already holds exactly these bytes (keeps timestamps, and git diffs, quiet).
    /// Returns whether the file changed.
    @discardableResult
    public static func write(_ data: Data, to url: URL) throws -> Bool {
        let fm = FileManager.default
        if let existing = fm.contents(atPath: url.path), existing == data { return false }
        let folder = url.deletingLastPathComponent()
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(
            "." + url.lastPathComponent + temporaryMarker + String(UInt64.random(in: 0...UInt64.max), radix: 36))
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(path: url.path, reason: String(cString: strerror(errno))) }
        var ok = true
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; return }
                offset += n
            }
        }
        let errorText = String(cString: strerror(errno))
        if ok { ok = fsync(fd) == 0 }
        close(fd)
        guard ok, rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw WriteError(path: url.path, reason: errorText)
        }
        return true
    }

    @discardableResult
    public static func write(_ text: String, to url: URL) throws -> Bool {
        try write(Data(text.utf8), to: url)
    }

    /// Deletes temporary files left by a killed build anywhere below `folder`, when they were
    /// last written at least `minimumAge` seconds ago (a positive age spares the in-flight
    /// writes of another build running at the same time, e.g. `notes serve` beside `notes build`).
    public static func removeLeftovers(in folder: URL, minimumAge: Double = 0) {
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) else { return }
        let cutoff = Date().addingTimeInterval(-minimumAge)
        for case let url as URL in walker where url.lastPathComponent.contains(temporaryMarker) {
            if minimumAge > 0 {
                let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
                guard let modified, modified <= cutoff else { continue }
            }
            try? fm.removeItem(at: url)
        }
    }
}
