import Foundation
import Markdown

/// Images a lesson takes from its own folder (`![Esquema](img/vae.svg)`): each is copied into
/// the site beside the page, at `media/<lesson>/img/vae.svg`, and the page points there, so
/// the site keeps working when moved or served without the lessons. An image that is missing,
/// outside the lessons folder, not an image, or too large is a `missing-image` error at the
/// image; web addresses and absolute paths are left as written.
struct LessonImages {
    static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "svg", "webp", "avif"]
    static let maximumBytes = 20 << 20

    var file: String
    var slug: String
    /// The lessons folder, which relative addresses start from; nil leaves every image as written.
    var folder: URL?
    /// Output path → contents.
    private(set) var files: [String: Data] = [:]
    private(set) var origins: [String: SourceLocation] = [:]
    private(set) var diagnostics: [Diagnostic] = []

    mutating func resolve(_ source: String, at location: MarkdownLocation) -> String? {
        guard let folder, !source.isEmpty, !source.hasPrefix("/"), !source.hasPrefix("#"),
              !LessonLinks.hasScheme(source) else { return nil }
        let written = String(source.prefix { $0 != "?" && $0 != "#" })
        let path = written.removingPercentEncoding ?? written
        let components = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map(String.init)
        func problem(_ message: String, _ suggestion: String) -> String? {
            diagnostics.append(Diagnostic(file: file, line: location.line, column: location.column, kind: .missingImage,
                                          message: message, suggestion: suggestion))
            return nil
        }
        guard !components.isEmpty, !components.contains("..") else {
            return problem("the image '\(path)' is outside the lessons folder, so the site could not carry it",
                           "put the image in a folder beside the lessons (for example img/) and write its path from there")
        }
        let ext = (components.last! as NSString).pathExtension.lowercased()
        guard Self.extensions.contains(ext) else {
            return problem("'\(path)' is not an image the pages can show",
                           "use one of: " + Self.extensions.sorted().joined(separator: ", "))
        }
        let url = folder.appendingPathComponent(components.joined(separator: "/"))
        let root = folder.resolvingSymlinksInPath().path + "/"
        let real = url.resolvingSymlinksInPath().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else {
            let near = nearbyNames(for: url).map { "did you mean '\($0)'?" }
            return problem("the image '\(path)' does not exist in the lessons folder",
                           near ?? "write its path from the lessons folder, as in img/figure.svg")
        }
        guard real.hasPrefix(root) else {
            return problem("the image '\(path)' links outside the lessons folder", "copy the image into the lessons folder")
        }
        guard let size = (try? FileManager.default.attributesOfItem(atPath: real))?[.size] as? Int, size <= Self.maximumBytes,
              let data = FileManager.default.contents(atPath: real) else {
            return problem("the image '\(path)' is unreadable or larger than \(Self.maximumBytes >> 20) MB",
                           "make it smaller (or export it as SVG or compressed PNG)")
        }
        let output = "media/\(slug)/" + components.joined(separator: "/")
        files[output] = data
        origins[output] = SourceLocation(line: location.line, column: location.column)
        return "media/\(slug)/" + components.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0 }
            .joined(separator: "/")
    }

    /// The closest file name in the image's folder, for a typo.
    private func nearbyNames(for url: URL) -> String? {
        let folder = url.deletingLastPathComponent()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return closestMatch(to: url.lastPathComponent, in: names)
    }
}

/// The image files a lesson may show (for `notes serve`, which rebuilds when one changes).
public enum LessonImageKinds {
    public static var extensions: Set<String> { LessonImages.extensions }
}
