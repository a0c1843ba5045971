import Markdown

/// Links between lessons as authors write them, to the Markdown file (`[aula 2](02-elbo.md)`,
/// `[o ELBO](02-elbo.md#o-elbo)`), become links to the page (`02-elbo.html#o-elbo`); a link to
/// a `.md` file that is no lesson of the course is a `broken-link` warning at the link.
/// Other links (web addresses, `#anchors`, files) are left as written.
struct LessonLinks {
    var file: String
    /// The course's lesson slugs.
    var lessons: Set<String>
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, lessons: Set<String>) {
        self.file = file
        self.lessons = lessons
    }

    mutating func resolve(_ destination: String, at location: MarkdownLocation) -> String? {
        guard !destination.hasPrefix("#"), !destination.hasPrefix("/"), !Self.hasScheme(destination) else { return nil }
        let (path, fragment) = destination.firstIndex(of: "#").map {
            (String(destination[..<$0]), String(destination[$0...]))
        } ?? (destination, "")
        var name = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        guard name.lowercased().hasSuffix(".md"), !name.contains("/") else { return nil }
        name.removeLast(3)
        if lessons.contains(name) { return name + ".html" + fragment }
        let hint = closestMatch(to: name, in: Array(lessons)).map { "did you mean '\($0).md'?" }
            ?? "lessons: " + lessons.sorted().map { $0 + ".md" }.joined(separator: ", ")
        diagnostics.append(Diagnostic(file: file, line: location.line, column: location.column, kind: .brokenLink,
                                      message: "the link to '\(path)' names no lesson of this course", suggestion: hint))
        return nil
    }

    /// `https:`, `mailto:`: a scheme before any `/`.
    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}
