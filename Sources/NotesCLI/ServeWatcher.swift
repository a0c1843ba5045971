import Foundation

/// Watches the lessons folder by polling modification times and sizes: no inotify, so it
/// behaves the same everywhere, and a poll of a few files every 300 ms costs nothing.
struct LessonWatcher {
    /// What a poll found.
    enum Change: Equatable {
        /// Only these lessons' files changed: rebuild just them.
        case lessons([String])
        /// A lesson was added or removed, or the course configuration changed: navigation,
        /// the index or every page's chrome change, rebuild all.
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
        guard Set(current.keys) == Set(stamps.keys), current[Self.courseFile] == stamps[Self.courseFile] else { return .all }
        let changed = current.keys.filter { current[$0] != stamps[$0] }.sorted()
        return .lessons(changed.map { String($0.dropLast(3)) })
    }

    static let courseFile = "course.yml"

    /// `*.md` file name → stamp, and `course.yml`'s.
    private func scan() -> [String: Stamp] {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: notesFolder.path)) ?? []
        var result: [String: Stamp] = [:]
        for name in names where (name.hasSuffix(".md") && !name.hasPrefix(".")) || name == Self.courseFile {
            guard let attributes = try? fm.attributesOfItem(atPath: notesFolder.appendingPathComponent(name).path)
            else { continue }
            result[name] = Stamp(modified: attributes[.modificationDate] as? Date ?? .distantPast,
                                 size: (attributes[.size] as? NSNumber)?.intValue ?? -1)
        }
        return result
    }
}
