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
    /// Only regular files named as `write` names them are deleted; symbolic links are neither
    /// followed nor deleted.
    public static func removeLeftovers(in folder: URL, minimumAge: Double = 0) {
        let cutoff = Date().addingTimeInterval(-minimumAge).timeIntervalSince1970
        for relative in SafePaths.regularFiles(below: folder) {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            guard isLeftoverName(name) else { continue }
            let url = folder.appendingPathComponent(relative)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            if minimumAge > 0, Double(info.st_mtim.tv_sec) > cutoff { continue }
            _ = SafePaths.removeFile(relative, in: folder)
        }
    }

    /// `.<name>.notes-tmp-<base 36>`: the names `write` gives its temporary files.
    static func isLeftoverName(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: temporaryMarker, options: .backwards) else { return false }
        let suffix = name[range.upperBound...]
        return !suffix.isEmpty && suffix.count <= 13 && suffix.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
    }
}
