import Foundation

/// Copies the site's assets into `Output/assets`: the stylesheet and script, and KaTeX from
/// Debian's `libjs-katex` + `fonts-katex`, so that math renders offline from `file://`.
struct AssetInstaller {
    var katexFolder: URL

    /// KaTeX files the pages load. Only `.woff2` fonts are copied: every browser that runs
    /// KaTeX reads them, and the stylesheet lists them first.
    static let katexFiles = ["katex.min.js", "katex.min.css", "contrib/auto-render.js"]

    /// Writes the assets below `output`, adding their relative paths to `written`.
    func install(into output: URL, journal: ManifestJournal, written: inout Set<String>) throws {
        func put(_ data: Data, _ path: String) throws {
            try journal.record([path])
            try SafePaths.write(data, to: path, in: output)
            written.insert(path)
        }
        try put(Data(SiteAssets.stylesheet.utf8), "assets/notes.css")
        try put(Data(SiteAssets.script.utf8), "assets/notes.js")

        let fm = FileManager.default
        guard fm.fileExists(atPath: katexFolder.appendingPathComponent("katex.min.js").path) else {
            throw BuildError("KaTeX not found in \(katexFolder.path): install it with 'apt-get install libjs-katex fonts-katex'")
        }
        for file in Self.katexFiles {
            // Data(contentsOf:) follows symbolic links: the copy holds the real bytes.
            let data = try Data(contentsOf: katexFolder.appendingPathComponent(file))
            try put(data, "assets/katex/" + file)
        }
        let fonts = katexFolder.appendingPathComponent("fonts").resolvingSymlinksInPath()
        let names = (try? fm.contentsOfDirectory(atPath: fonts.path))?.filter { $0.hasSuffix(".woff2") } ?? []
        guard !names.isEmpty else {
            throw BuildError("KaTeX fonts not found in \(fonts.path): install them with 'apt-get install fonts-katex'")
        }
        for name in names {
            let data = try Data(contentsOf: fonts.appendingPathComponent(name))
            try put(data, "assets/katex/fonts/" + name)
        }
    }
}
