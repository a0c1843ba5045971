import Foundation

/// Compares a freshly built site with the committed one, file by file: the proof that
/// `Output/` is a pure function of the lessons and the code on this machine.
///
/// Elements marked `data-volatile` (wall times, cache status) are blanked in HTML before the
/// comparison; nothing else may differ. Each difference is a `reproduce-drift` diagnostic at
/// the directive that produced the file (or the lesson, for its page), naming the file and
/// its first differing value: a CSV cell by row and column, otherwise the first differing text.
public enum SiteComparison {
    /// Diagnostics for every file that differs, is missing from the build or is new in it.
    /// `committed` is the folder holding the site as committed (its manifest lists its files).
    public static func compare(built: URL, committed: URL, origins: [String: FileOrigin],
                               committedName: String) -> [Diagnostic] {
        let builtFiles = Set(OutputManifest.read(in: built)?.paths ?? Set(SafePaths.regularFiles(below: built)))
            .subtracting([OutputManifest.fileName])
        let committedFiles = Set(OutputManifest.read(in: committed)?.paths ?? Set(SafePaths.regularFiles(below: committed)))
            .subtracting([OutputManifest.fileName])
        var diagnostics: [Diagnostic] = []
        func report(_ path: String, _ message: String, _ suggestion: String) {
            let origin = origins[path] ?? lessonOrigin(of: path, origins: origins)
            diagnostics.append(Diagnostic(file: origin?.lesson ?? "\(committedName)/\(path)",
                                          line: origin?.location.line ?? 1, column: origin?.location.column ?? 1,
                                          id: "reproduce-drift", message: message, suggestion: suggestion))
        }
        let rebuild = "rebuild the course from an empty cache (notes clean; notes build) and commit \(committedName)/, after re-reading the prose that cites these numbers"
        for path in committedFiles.subtracting(builtFiles).sorted() {
            report(path, "\(committedName)/\(path) is committed, but a cold build no longer writes it", rebuild)
        }
        for path in builtFiles.subtracting(committedFiles).sorted() {
            report(path, "a cold build writes \(committedName)/\(path), which is not committed", rebuild)
        }
        for path in builtFiles.intersection(committedFiles).sorted() {
            let a = FileManager.default.contents(atPath: committed.appendingPathComponent(path).path) ?? Data()
            let b = FileManager.default.contents(atPath: built.appendingPathComponent(path).path) ?? Data()
            guard a != b, let difference = firstDifference(path: path, committed: a, built: b) else { continue }
            report(path, "\(committedName)/\(path) differs from a cold build: \(difference)", rebuild)
        }
        return diagnostics
    }

    /// The page's origin for a file of a lesson without one of its own.
    static func lessonOrigin(of path: String, origins: [String: FileOrigin]) -> FileOrigin? {
        if path.hasPrefix("search/"), path.hasSuffix(".js") {
            return origins[String(path.dropFirst("search/".count).dropLast(".js".count)) + ".html"]
        }
        let parts = path.split(separator: "/")
        guard parts.count >= 2, ["figures", "data", "media"].contains(parts[0]) else { return nil }
        return origins[parts[1] + ".html"]
    }

    /// A description of the first difference; nil when the files are equal once volatile
    /// elements are blanked.
    static func firstDifference(path: String, committed: Data, built: Data) -> String? {
        var a = String(decoding: committed, as: UTF8.self)
        var b = String(decoding: built, as: UTF8.self)
        if path.hasSuffix(".html") {
            a = blankingVolatile(a)
            b = blankingVolatile(b)
        }
        guard a != b else { return nil }
        if path.hasSuffix(".csv") { return csvDifference(a, b) }
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? la[i] : "", y = i < lb.count ? lb[i] : ""
            guard x != y else { continue }
            let common = x.commonPrefix(with: y).count
            func excerpt(_ s: Substring) -> String {
                let start = s.index(s.startIndex, offsetBy: max(0, common - 20), limitedBy: s.endIndex) ?? s.endIndex
                let text = String(s[start...].prefix(60))
                return text.isEmpty ? "(nothing)" : "'\(text)'"
            }
            return "line \(i + 1): committed \(excerpt(x)), built \(excerpt(y))"
        }
        return "the files differ"
    }

    /// The first differing cell of two CSV tables, named by row and column header.
    static func csvDifference(_ a: String, _ b: String) -> String {
        let ra = a.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let rb = b.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let header = ra.first ?? []
        for r in 0..<max(ra.count, rb.count) {
            let x = r < ra.count ? ra[r] : [], y = r < rb.count ? rb[r] : []
            for c in 0..<max(x.count, y.count) {
                let u = c < x.count ? String(x[c]) : "", v = c < y.count ? String(y[c]) : ""
                guard u != v else { continue }
                let column = c < header.count ? "'\(header[c])'" : "\(c + 1)"
                return "row \(r + 1), column \(column): committed \(u.isEmpty ? "(nothing)" : u), built \(v.isEmpty ? "(nothing)" : v)"
            }
        }
        return "the tables differ"
    }

    /// `html` with the content of every element carrying `data-volatile` removed.
    public static func blankingVolatile(_ html: String) -> String {
        var out = ""
        var rest = html[...]
        while let attribute = rest.range(of: " data-volatile") {
            guard let open = rest[..<attribute.lowerBound].lastIndex(of: "<"),
                  let tagEnd = rest[attribute.upperBound...].firstIndex(of: ">") else { break }
            let name = rest[rest.index(after: open)...].prefix { $0.isLetter || $0.isNumber }
            let contentStart = rest.index(after: tagEnd)
            guard !name.isEmpty, let close = rest[contentStart...].range(of: "</\(name)>") else {
                out += rest[..<contentStart]
                rest = rest[contentStart...]
                continue
            }
            out += rest[..<contentStart]
            out += "</\(name)>"
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}
