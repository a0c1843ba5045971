import Foundation

extension ResultCache {
    /// Readies `folder` as a cache: creates it with its marker when missing or empty; accepts
    /// it when it holds the marker (or, from before the marker, a `FORMAT` naming a notes
    /// cache); refuses any other folder, so `--cache Notes` or `--cache .` never lets the
    /// cache delete a user's files.
    /// With `dryRun`, only checks: nothing is created or written.
    public static func claim(_ folder: URL, dryRun: Bool = false) throws {
        switch SafePaths.kind(folder.path) {
        case .missing:
            if dryRun { return }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        case .folder:
            break
        case .symlink:
            throw BuildError("the cache folder \(folder.path) is a symbolic link; pass the real folder with --cache")
        case .file, .other:
            throw BuildError("the cache folder \(folder.path) is not a folder; choose another with --cache")
        }
        if isMarked(folder) {
            if dryRun { return }
            if SafePaths.kind(folder.appendingPathComponent(markerName).path) == .missing {
                try SafePaths.write(Data(marker.utf8), to: markerName, in: folder)
            }
            return
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard contents.isEmpty else {
            throw BuildError("""
                the cache folder \(folder.path) is not empty and is not a notes cache (no \(markerName)); \
                choose a new folder with --cache (the default is .notes-cache)
                """)
        }
        if dryRun { return }
        try SafePaths.write(Data(marker.utf8), to: markerName, in: folder)
    }

    /// Whether `folder` carries the marker of a notes cache.
    static func isMarked(_ folder: URL) -> Bool {
        let tag = folder.appendingPathComponent(markerName)
        if SafePaths.kind(tag.path) == .file, let data = FileManager.default.contents(atPath: tag.path),
           String(decoding: data, as: UTF8.self).hasPrefix("Signature: 8a477f597d28d172789f06886806bc55"),
           String(decoding: data, as: UTF8.self).contains("notes") {
            return true
        }
        let format = folder.appendingPathComponent("FORMAT")
        if SafePaths.kind(format.path) == .file, let data = FileManager.default.contents(atPath: format.path),
           String(decoding: data, as: UTF8.self).hasPrefix("notes-cache ") {
            return true
        }
        return false
    }

    /// Deletes what `notes` keeps in a marked cache folder — entries, leftovers of killed
    /// writes, `FORMAT` and the marker — then the folders if they are left empty. Anything
    /// else stays. Returns the number of files removed; throws for an unmarked folder.
    public static func removeAll(in folder: URL) throws -> Int {
        guard SafePaths.kind(folder.path) != .missing else { return 0 }
        guard SafePaths.kind(folder.path) == .folder, isMarked(folder) else {
            throw BuildError("\(folder.path) is not a notes cache (no \(markerName)); nothing was deleted")
        }
        var removed = 0
        let results = folder.appendingPathComponent("results")
        if SafePaths.kind(results.path) == .folder {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: results.path)) ?? []
            where isEntryName(name) || AtomicFile.isLeftoverName(name) {
                if SafePaths.kind(results.appendingPathComponent(name).path) == .file,
                   SafePaths.removeFile("results/" + name, in: folder) == nil { removed += 1 }
            }
            rmdir(results.path)
        }
        for name in ["FORMAT", markerName] where SafePaths.kind(folder.appendingPathComponent(name).path) == .file {
            if SafePaths.removeFile(name, in: folder) == nil { removed += 1 }
        }
        rmdir(folder.path)
        return removed
    }
}
