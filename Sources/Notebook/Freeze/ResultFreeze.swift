import Foundation

/// The course's frozen results, committed with the lessons (`Notes/_freeze/`): one
/// `FrozenEntry` per directive at `<lesson>/<key>.json`, so a fresh clone builds every page
/// without training anything, and `git diff` after a change shows only the results it changed.
///
/// The folder is marked by `FORMAT` (written by `notes freeze`); `notes` deletes only
/// `<lesson>/<key>.json` files in a marked folder, and refuses a folder of that name that it
/// did not make.
public struct ResultFreeze: Sendable {
    public var folder: URL
    /// How the folder is named in diagnostics (`Notes/_freeze`).
    public var displayPath: String
    public static let folderName = "_freeze"
    static let markerName = "FORMAT"

    public init(folder: URL, displayPath: String) {
        self.folder = folder
        self.displayPath = displayPath
    }

    /// Whether the folder exists and carries the marker: a course without it has no freeze.
    public var exists: Bool {
        let marker = folder.appendingPathComponent(Self.markerName)
        guard SafePaths.kind(folder.path) == .folder, SafePaths.kind(marker.path) == .file,
              let data = FileManager.default.contents(atPath: marker.path) else { return false }
        return String(decoding: data, as: UTF8.self).hasPrefix("notes-freeze ")
    }

    public enum Lookup: Sendable {
        case hit(FrozenEntry)
        case miss
        case corrupt(reason: String)
    }

    /// The path of an entry relative to the freeze folder.
    static func relativePath(lesson: String, key: String) -> String { "\(lesson)/\(key).json" }

    /// The entry's path as diagnostics name it.
    public func displayPath(lesson: String, key: String) -> String {
        displayPath + "/" + Self.relativePath(lesson: lesson, key: key)
    }

    public func lookup(lesson: String, key: String) -> Lookup {
        guard ResultCache.isKey(key), (try? SafePaths.components(lesson))?.count == 1 else { return .miss }
        let url = folder.appendingPathComponent(Self.relativePath(lesson: lesson, key: key))
        guard SafePaths.kind(url.path) == .file, let data = FileManager.default.contents(atPath: url.path) else { return .miss }
        do { return .hit(try FrozenEntry(decoding: data, key: key)) } catch {
            return .corrupt(reason: "\(error)")
        }
    }

    /// Every entry on disk, as (lesson, key), whatever its content.
    public func entries() -> [(lesson: String, key: String)] {
        guard SafePaths.kind(folder.path) == .folder else { return [] }
        var found: [(String, String)] = []
        for lesson in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        where SafePaths.kind(folder.appendingPathComponent(lesson).path) == .folder {
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(lesson).path)) ?? []).sorted()
            where name.hasSuffix(".json") && ResultCache.isKey(name.dropLast(5)) {
                found.append((lesson, String(name.dropLast(5))))
            }
        }
        return found
    }

    /// Creates the folder with its marker, or accepts it when marked; refuses an unmarked
    /// folder that is not empty (it is not ours).
    public func claim() throws {
        switch SafePaths.kind(folder.path) {
        case .missing:
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        case .folder:
            if exists { return }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            guard contents.isEmpty else {
                throw BuildError("\(displayPath) is not empty and was not written by notes (no \(Self.markerName)); move it away to freeze results there")
            }
        case .symlink:
            throw BuildError("\(displayPath) is a symbolic link; notes writes the freeze only into a real folder")
        case .file, .other:
            throw BuildError("\(displayPath) is in the way: not a folder")
        }
        try SafePaths.write(Data((FrozenEntry.format + "\n").utf8), to: Self.markerName, in: folder)
    }

    /// Writes one entry (the folder must be claimed).
    public func write(_ entry: FrozenEntry) throws {
        try SafePaths.write(try entry.encoded(), to: Self.relativePath(lesson: entry.lesson, key: entry.key), in: folder)
    }

    /// Deletes one entry of a marked folder, and its lesson's folder once empty.
    @discardableResult
    public func remove(lesson: String, key: String) -> String? {
        guard exists, ResultCache.isKey(key) else { return "left \(displayPath(lesson: lesson, key: key)) alone" }
        return SafePaths.removeFile(Self.relativePath(lesson: lesson, key: key), in: folder)
    }

    /// Total bytes of the entries.
    public var byteCount: Int {
        entries().reduce(0) { total, entry in
            let path = folder.appendingPathComponent(Self.relativePath(lesson: entry.lesson, key: entry.key)).path
            return total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }
}
