import Foundation
import Notebook

/// `@Listing`: shows the code that produced a lesson's numbers, taken from the course's own
/// sources when the page is built, so a listing cannot go stale.
///
/// ```swift-directive
/// @Listing(file: "Sources/LatentModels/Priors/MixturePrior.swift", symbol: "MixturePrior.logDensity",
///          caption: "A log-densidade da mistura, com log-sum-exp.")
/// @Listing(file: "Sources/Experiments/MixtureFit/ExpectationMaximization.swift", marker: "e-step")
/// ```
///
/// Arguments: `file` (required: a path inside the course's folder, the one holding `Notes/`),
/// and one of `symbol` (a declaration: `logDensity`, or `Type.member`; its doc comment and
/// attributes come with it) or `marker` (the lines between `// listing: name` and
/// `// end listing: name`); `language` (default from the file's extension), `caption`.
/// The excerpt is part of the directive's inputs: editing those lines changes its cache key,
/// so the page, and the freeze, always show the code as it is.
///
/// Scalars: `lines` (lines shown), `firstLine`, `lastLine`.
public struct Listing: Measured {
    public static let directiveName = "Listing"
    public static let version = 1
    static let maximumBytes = 1 << 20

    /// The folder paths are read from: the course's (`CourseConfiguration.sourceRoot`).
    static let root = RootSetting()

    public struct Measurement: Codable, Sendable {
        var file: String
        var firstLine: Int
        var lastLine: Int
        var language: String
        var code: String
    }

    let file: String
    let selection: Selection
    let language: String
    let caption: String

    enum Selection: Equatable {
        case symbol(String)
        case marker(String)
    }

    public init?(reading arguments: inout ArgumentReader) {
        let file = arguments.string("file")
        let symbol = arguments.string("symbol", default: "")
        let marker = arguments.string("marker", default: "")
        let language = arguments.string("language", default: "")
        let caption = arguments.string("caption", default: "", semantic: false)
        guard let file, let symbol, let marker, let language, let caption, !arguments.hasErrors else { return nil }
        let at = arguments.location(of: "file") ?? arguments.anchor
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard !file.isEmpty, !file.hasPrefix("/"), !parts.contains(".."), !parts.contains("") else {
            arguments.report("invalid-value", "'\(file)' is not a path inside the course's folder", at: at,
                             suggestion: "write the path from the folder that holds Notes/, as in Sources/LatentModels/Priors/MixturePrior.swift")
            return nil
        }
        switch (symbol.isEmpty, marker.isEmpty) {
        case (false, true): selection = .symbol(symbol)
        case (true, false): selection = .marker(marker)
        default:
            arguments.report("invalid-value", "@Listing takes one of 'symbol:' and 'marker:'", at: arguments.anchor,
                             suggestion: "name a declaration (symbol: \"Type.member\") or marked lines (marker: \"name\")")
            return nil
        }
        self.file = file
        self.caption = caption
        let ext = (file as NSString).pathExtension.lowercased()
        self.language = language.isEmpty ? (["swift": "swift", "py": "python"][ext] ?? ext) : language
    }

    /// The excerpt as it is now (or why there is none): editing it changes the result's key.
    public var inputFingerprint: String {
        switch excerpt() {
        case .success(let excerpt): "\(excerpt.firstLine)-\(excerpt.lastLine)\n\(excerpt.code)"
        case .failure(let failure): "unavailable: \(failure.message)"
        }
    }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        let excerpt = try excerpt().get()
        return try measured(Measurement(file: file, firstLine: excerpt.firstLine, lastLine: excerpt.lastLine,
                                        language: language, code: excerpt.code),
                            scalars: ["lines": Double(excerpt.lastLine - excerpt.firstLine + 1),
                                      "firstLine": Double(excerpt.firstLine), "lastLine": Double(excerpt.lastLine)])
    }

    public func present(measurement m: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        [.listing(ResultListing(caption: caption, file: m.file, firstLine: m.firstLine, lastLine: m.lastLine,
                                language: m.language, code: m.code))]
    }

    private func excerpt() -> Result<SourceExcerpt, ExperimentFailure> {
        let root = URL(fileURLWithPath: Self.root.value).standardizedFileURL.resolvingSymlinksInPath()
        let url = root.appendingPathComponent(file).resolvingSymlinksInPath()
        guard url.path.hasPrefix(root.path + "/") else {
            return .failure(ExperimentFailure(id: "invalid-value", "'\(file)' leads outside the course's folder",
                                              suggestion: "list a file of the course itself"))
        }
        // The kind and size first: a FIFO or a huge file is never read.
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int else {
            return .failure(ExperimentFailure(id: "invalid-value", "there is no readable text file '\(file)' in \(root.path)",
                                              suggestion: "write the path from the folder that holds Notes/"))
        }
        guard size <= Self.maximumBytes else {
            return .failure(ExperimentFailure(id: "invalid-value", "'\(file)' has \(size) bytes; a listed file may have at most 1 MB"))
        }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            return .failure(ExperimentFailure(id: "invalid-value", "'\(file)' cannot be read as UTF-8 text"))
        }
        do throws(SourceExcerpt.Failure) {
            switch selection {
            case .symbol(let symbol): return .success(try SourceExcerpt.declaration(symbol, in: text))
            case .marker(let marker): return .success(try SourceExcerpt.marked(marker, in: text))
            }
        } catch {
            switch error {
            case .notFound(let name):
                let what = { if case .marker = selection { "no lines marked '// listing: \(name)'" } else { "no declaration of '\(name)'" } }()
                return .failure(ExperimentFailure(id: "invalid-value", "\(file) has \(what)",
                                                  suggestion: "check the name (a member is written Type.member)"))
            case .unclosed(let name, let line):
                return .failure(ExperimentFailure(id: "invalid-value", "'\(name)' in \(file) (line \(line)) never ends",
                                                  suggestion: "close the braces, or add '// end listing: \(name)'"))
            }
        }
    }
}

/// A folder setting shared by every build thread.
final class RootSetting: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = FileManager.default.currentDirectoryPath
    var value: String {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
