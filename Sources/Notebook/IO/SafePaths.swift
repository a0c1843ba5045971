import Foundation

/// File operations below a root folder that never leave it: relative paths are checked
/// component by component, and no symbolic link is followed when writing or deleting.
///
/// A build writes only through these, so a symlink planted in `Output/figures/` (or a
/// folder replaced by one) is refused instead of leading a write or a delete elsewhere.
public enum SafePaths {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    enum Kind { case missing, file, folder, symlink, other }

    /// What is at `path`, without following a final symbolic link.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// The components of a relative path, or a refusal for absolute paths, `..`, empty parts
    /// and control characters.
    static func components(_ relative: String) throws -> [String] {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !relative.hasPrefix("/"), !parts.isEmpty,
              parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= 255 }),
              !relative.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw Refusal("refusing the unsafe path '\(TerminalText.escaped(relative))'")
        }
        return parts
    }

    /// Creates the folders leading to `relative` below `root`; refuses a component that is a
    /// symbolic link or a file.
    static func prepareParents(of relative: String, in root: URL) throws -> URL {
        let parts = try components(relative)
        var url = root
        for part in parts.dropLast() {
            url.appendPathComponent(part)
            switch kind(url.path) {
            case .folder: continue
            case .missing:
                if mkdir(url.path, 0o755) != 0 && errno != EEXIST {
                    throw Refusal("cannot create \(url.path): \(String(cString: strerror(errno)))")
                }
                guard kind(url.path) == .folder else { throw Refusal("\(url.path) changed while it was created") }
            case .symlink:
                throw Refusal("refusing to write through the symbolic link \(url.path); remove it")
            case .file, .other:
                throw Refusal("\(url.path) is in the way: a file where a folder is needed")
            }
        }
        return url.appendingPathComponent(parts.last!)
    }

    /// Writes `data` atomically to `relative` below `root`. Returns whether the file changed.
    @discardableResult
    public static func write(_ data: Data, to relative: String, in root: URL) throws -> Bool {
        let url = try prepareParents(of: relative, in: root)
        switch kind(url.path) {
        case .missing, .file: break
        case .symlink: throw Refusal("refusing to write over the symbolic link \(url.path); remove it")
        case .folder, .other: throw Refusal("\(url.path) is in the way: not a regular file")
        }
        return try AtomicFile.write(data, to: url)
    }

    /// Deletes the regular file `relative` below `root`, then the folders it leaves empty
    /// (up to, not including, `root`). A symbolic link, a folder or anything else at that
    /// place is left alone: returns a note saying so; nil when deleted or already gone.
    @discardableResult
    public static func removeFile(_ relative: String, in root: URL) -> String? {
        guard let parts = try? components(relative) else { return "skipped the unsafe path '\(TerminalText.escaped(relative))'" }
        var url = root
        for part in parts.dropLast() {
            url.appendPathComponent(part)
            guard kind(url.path) == .folder else { return nil }
        }
        let file = url.appendingPathComponent(parts.last!)
        switch kind(file.path) {
        case .missing: return nil
        case .file:
            guard unlink(file.path) == 0 else { return "could not delete \(file.path): \(String(cString: strerror(errno)))" }
        default:
            return "left \(file.path) alone: it is no longer a file notes wrote"
        }
        var folder = file.deletingLastPathComponent()
        for _ in parts.dropLast() {
            if rmdir(folder.path) != 0 { break }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    /// Every regular file below `folder` (relative paths), without entering symbolic links.
    static func regularFiles(below folder: URL, prefix: String = "") -> [String] {
        var out: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let url = folder.appendingPathComponent(name)
            switch kind(url.path) {
            case .file: out.append(prefix + name)
            case .folder: out += regularFiles(below: url, prefix: prefix + name + "/")
            default: break
            }
        }
        return out
    }
}

extension SafePaths {
    /// Whether anything (even a dangling link) is at `url`.
    public static func exists(_ url: URL) -> Bool { kind(url.path) != .missing }
}
