import Foundation
import Notebook

/// Watches the lessons folder by polling modification times and sizes: no inotify, so it
/// behaves the same everywhere, and a poll of a few files every 300 ms costs nothing.
struct LessonWatcher {
    /// What a poll found.
    enum Change: Equatable {
        /// Only these lessons' files changed: rebuild just them.
        case lessons([String])
        /// A lesson was added or removed, or the course configuration, the references or an
        /// image changed: navigation, the index or any page may change, rebuild all.
        case all
    }

    struct Stamp: Equatable {
        var modified: Date
        var size: Int
    }

    var notesFolder: URL
    private var stamps: [String: Stamp]

    init(notesFolder: URL) {
        self.notesFolder = notesFolder
        stamps = [:]
        stamps = scan()
    }

    /// Compares the folder with the previous poll; nil when nothing changed.
    mutating func poll() -> Change? {
        let current = scan()
        defer { stamps = current }
        guard current != stamps else { return nil }
        guard Set(current.keys) == Set(stamps.keys) else { return .all }
        let changed = current.keys.filter { current[$0] != stamps[$0] }.sorted()
        // Anything but a lesson (the course configuration, the references, an image, which any
        // lesson may use) rebuilds every page.
        guard changed.allSatisfy({ $0.hasSuffix(".md") && !$0.contains("/") }) else { return .all }
        return .lessons(changed.map { String($0.dropLast(3)) })
    }

    static let courseFile = "course.yml"
    static let courseFiles: Set<String> = [courseFile, "references.bib"]
    /// At most this many images are watched (the polling stays cheap).
    static let imageLimit = 2000

    /// Stamps by path relative to the lessons folder: the lessons (`*.md`), `course.yml`,
    /// `references.bib`, and the images in its subfolders (not `_freeze` or hidden ones).
    private func scan() -> [String: Stamp] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: notesFolder.path)) ?? []
        var result: [String: Stamp] = [:]
        func stamp(_ relative: String) {
            guard let attributes = try? fm.attributesOfItem(atPath: notesFolder.appendingPathComponent(relative).path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { return }
            result[relative] = Stamp(modified: attributes[.modificationDate] as? Date ?? .distantPast,
                                     size: (attributes[.size] as? NSNumber)?.intValue ?? -1)
        }
        var images = 0
        for name in names where !name.hasPrefix(".") {
            if name.hasSuffix(".md") || Self.courseFiles.contains(name) {
                stamp(name)
                continue
            }
            var isFolder: ObjCBool = false
            guard name != "_freeze", fm.fileExists(atPath: notesFolder.appendingPathComponent(name).path, isDirectory: &isFolder),
                  isFolder.boolValue, let walker = fm.enumerator(atPath: notesFolder.appendingPathComponent(name).path) else { continue }
            while let path = walker.nextObject() as? String, images < Self.imageLimit {
                if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                guard LessonImageKinds.extensions.contains((path as NSString).pathExtension.lowercased()) else { continue }
                stamp(name + "/" + path)
                images += 1
            }
        }
        return result
    }
}
