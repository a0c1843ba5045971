import Foundation

/// The list of files `notes` wrote into an output folder, kept in the folder itself as
/// `.notes-manifest` (one relative path a line, sorted, after a header line).
///
/// It is what lets a build delete stale pages and figures and `clean --all` delete the site
/// without ever touching a file `notes` did not write: only listed paths are deleted, and a
/// folder without a manifest is not `notes`'s to fill unless the user says `--force`.
public struct OutputManifest: Sendable, Equatable {
    public static let fileName = ".notes-manifest"
    static let header = "notes-manifest 1"

    public var paths: Set<String>

    public init(paths: Set<String> = []) { self.paths = paths }

    /// The manifest of `folder`; nil when it has none (or an unreadable one).
    public static func read(in folder: URL) -> OutputManifest? {
        let url = folder.appendingPathComponent(fileName)
        guard SafePaths.kind(url.path) == .file, let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        var lines = text.split(separator: "\n").map(String.init)
        guard lines.first == header else { return nil }
        lines.removeFirst()
        return OutputManifest(paths: Set(lines.filter { (try? SafePaths.components($0)) != nil }))
    }

    public func write(in folder: URL) throws {
        let text = ([Self.header] + paths.sorted()).joined(separator: "\n") + "\n"
        try SafePaths.write(Data(text.utf8), to: Self.fileName, in: folder)
    }

    /// Readies `folder` to receive a site: creates it when missing; accepts it when empty or
    /// when it holds a manifest; otherwise refuses, unless `force` (then the first manifest is
    /// empty, so nothing that was there is ever deleted — only overwritten where a page
    /// has the same name). Returns the folder's manifest (empty for a new folder).
    /// With `dryRun`, only checks: nothing is created or written.
    @discardableResult
    public static func claim(_ folder: URL, force: Bool, dryRun: Bool = false) throws -> OutputManifest {
        switch SafePaths.kind(folder.path) {
        case .missing:
            if dryRun { return OutputManifest() }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try OutputManifest().write(in: folder)
            return OutputManifest()
        case .folder, .symlink:
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw BuildError("the output folder \(folder.path) is not a folder")
            }
        case .file, .other:
            throw BuildError("the output folder \(folder.path) is a file; choose a folder with --output")
        }
        if let manifest = read(in: folder) { return manifest }
        // Leftovers of our own killed writes (say, of the first manifest) do not count.
        let contents = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { !AtomicFile.isLeftoverName($0) }
        if contents.isEmpty || force {
            if dryRun { return OutputManifest() }
            // Recorded before anything is written: a build killed midway leaves a folder
            // that is still known to be ours.
            try OutputManifest().write(in: folder)
            return OutputManifest()
        }
        throw BuildError("""
            the output folder \(folder.path) is not empty and was not written by notes (it has no \(fileName)); \
            choose an empty or new folder with --output, or pass --force to write into it \
            (notes then deletes only files it wrote itself)
            """)
    }

    /// Files of `slug`'s page: the page and its figure and table folders.
    static func belongs(_ path: String, toLesson slug: String) -> Bool {
        path == slug + ".html" || path.hasPrefix("figures/\(slug)/") || path.hasPrefix("data/\(slug)/")
            || path.hasPrefix("media/\(slug)/") || path == "search/\(slug).js"
    }
}

extension OutputManifest {
    /// `clean --all`: deletes every file the manifest lists, then the manifest, then the
    /// folders left empty (the output folder too, when nothing else is in it). A folder
    /// without a manifest is refused: nothing in it is known to be ours.
    public static func removeSite(in folder: URL) throws -> (removed: Int, notes: [String]) {
        guard let manifest = read(in: folder) else {
            throw BuildError("\(folder.path) has no \(fileName), so notes did not write it; nothing was deleted")
        }
        var removed = 0
        var notes: [String] = []
        for path in manifest.paths.sorted() {
            let existed = SafePaths.kind(folder.appendingPathComponent(path).path) == .file
            if let note = SafePaths.removeFile(path, in: folder) { notes.append(note) } else if existed { removed += 1 }
        }
        AtomicFile.removeLeftovers(in: folder)
        _ = SafePaths.removeFile(fileName, in: folder)
        rmdir(folder.path)
        return (removed, notes)
    }
}

/// The manifest on disk while a build writes: every path is recorded before its file is
/// written, so a build killed at any moment leaves no file of ours unlisted.
final class ManifestJournal {
    let folder: URL
    private(set) var recorded: Set<String>

    init(folder: URL, previous: OutputManifest) {
        self.folder = folder
        recorded = previous.paths
    }

    /// Adds `paths` to the manifest on disk (one write, only when something is new).
    func record<S: Sequence>(_ paths: S) throws where S.Element == String {
        let new = Set(paths).subtracting(recorded)
        guard !new.isEmpty else { return }
        recorded.formUnion(new)
        try OutputManifest(paths: recorded).write(in: folder)
    }
}
