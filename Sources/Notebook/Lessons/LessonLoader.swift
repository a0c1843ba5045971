import Foundation

/// Finds lesson files (`*.md`) in a folder, sorted by front-matter order then file name.
public enum LessonLoader {
    public static func load(from folder: URL, displayPrefix: String) throws -> [Lesson] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") && $0.lowercased() != "readme.md" }
        let lessons = try names.map { name in
            try Lesson(contentsOf: folder.appendingPathComponent(name),
                       path: displayPrefix.isEmpty ? name : displayPrefix + "/" + name)
        }
        return lessons.sorted { ($0.order, $0.slug) < ($1.order, $1.slug) }
    }
}
