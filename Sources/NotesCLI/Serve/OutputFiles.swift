#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Maps request paths to files of the output folder and reads them, never anything outside:
/// no `..`, no dot-files, no NUL or backslash (raw or percent-encoded), and no symbolic
/// link anywhere below the folder, however it was reached.
struct OutputFiles: Sendable {
    var folder: URL

    /// The path components a request target names, nil when it tries to leave the folder,
    /// names a hidden file, or is not clean text. `/` and `…/` name `index.html`.
    static func components(of target: String) -> [String]? {
        var path = target[...]
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        guard let decoded = String(path).removingPercentEncoding else { return nil }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" })
        else { return nil }
        var parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        if parts.isEmpty || decoded.hasSuffix("/") { parts.append("index.html") }
        return parts
    }

    /// Where a request target points inside the folder (no file-system check).
    func file(for target: String) -> URL? {
        guard let parts = Self.components(of: target) else { return nil }
        return parts.reduce(folder) { $0.appendingPathComponent($1) }
    }

    /// The file's bytes, or nil unless it is a regular file inside the folder reached
    /// through real folders only: each component is checked with lstat(2), the resolved
    /// path must stay inside the resolved folder, and the file is opened with O_NOFOLLOW.
    func read(_ target: String) -> (url: URL, data: Data)? {
        guard let parts = Self.components(of: target) else { return nil }
        var path = folder.path
        for (index, part) in parts.enumerated() {
            path += "/" + part
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            let kind = info.st_mode & S_IFMT
            guard kind == (index == parts.count - 1 ? S_IFREG : S_IFDIR) else { return nil }
        }
        guard let root = Self.realPath(folder.path), let real = Self.realPath(path),
              real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        // readToEnd() gives nil for an empty file, which is still a file.
        let data: Data?
        do { data = try handle.readToEnd() } catch { return nil }
        return (URL(fileURLWithPath: path), data ?? Data())
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
