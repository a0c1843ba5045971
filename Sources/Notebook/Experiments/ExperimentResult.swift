import Charts
import Foundation

/// What an experiment measured, and (once presented) what it shows: tables and figures in
/// display order, plus named scalars that lesson prose can cite.
///
/// An experiment that separates measuring from showing stores its measurement (`measurement`,
/// its own `Codable` type as JSON) and leaves `outputs` empty: that is what the cache keeps,
/// and `Experiment.present(_:in:)` draws the tables and figures from it at every build, in the
/// page's language, so a change of presentation never reruns anything.
public struct ExperimentResult: Codable, Sendable, Hashable {
    /// Tables and figures: empty in a measured result until it is presented.
    public var outputs: [ExperimentOutput]
    /// The experiment's typed measurement, encoded (see `Measured`); nil for experiments that
    /// still draw their outputs inside `run`.
    public var measurement: Data?
    /// Named numbers, e.g. `"test.nelbo": 245.3`, for inline references in prose.
    public var scalars: [String: Double]
    /// Opaque data later directives read through `of:` (trained weights, a training history),
    /// cached with the result.
    public var artifacts: [String: Data]
    /// Wall-clock measurements (`seconds`, `secondsPerEpoch`): they depend on the machine, so
    /// they are kept apart from `scalars`, never reach a CSV or SVG, and prose citing them
    /// (`` `=id.seconds` ``) is marked `data-volatile` on the page.
    public var timings: [String: Double]

    public init(outputs: [ExperimentOutput] = [], measurement: Data? = nil, scalars: [String: Double] = [:],
                artifacts: [String: Data] = [:], timings: [String: Double] = [:]) {
        self.outputs = outputs
        self.measurement = measurement
        self.scalars = scalars
        self.artifacts = artifacts
        self.timings = timings
    }

    enum CodingKeys: String, CodingKey { case outputs, measurement, scalars, artifacts, timings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outputs = try c.decode([ExperimentOutput].self, forKey: .outputs)
        measurement = try c.decodeIfPresent(Data.self, forKey: .measurement)
        scalars = try c.decode([String: Double].self, forKey: .scalars)
        artifacts = try c.decode([String: Data].self, forKey: .artifacts)
        timings = try c.decodeIfPresent([String: Double].self, forKey: .timings) ?? [:]
    }
}

public enum ExperimentOutput: Codable, Sendable, Hashable {
    case table(ResultTable)
    case figure(ResultFigure)
    /// A short plain-text remark (not Markdown), e.g. a measured summary sentence.
    case note(String)
    /// A remark about wall-clock time ("5 épocas em 1.9 s"): shown marked `data-volatile`,
    /// since it differs from machine to machine.
    case timing(String)
    /// An excerpt of a source file, shown highlighted with where it comes from.
    case listing(ResultListing)
}

/// Lines `firstLine…lastLine` of `file` (relative to the course's folder), as they were when
/// the result was computed.
public struct ResultListing: Codable, Sendable, Hashable {
    public var caption: String
    public var file: String
    public var firstLine: Int
    public var lastLine: Int
    /// `swift`, `python`, … (for highlighting).
    public var language: String
    public var code: String

    public init(caption: String, file: String, firstLine: Int, lastLine: Int, language: String, code: String) {
        self.caption = caption
        self.file = file
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.language = language
        self.code = code
    }
}

/// A table: header words and typed cells. A number cell keeps the machine form (`-3.313`,
/// `1.2e-05`, `9096`), which the CSV download holds as is and the page writes in its own
/// format; a text cell is shown as it is. `header.count` equals every row's count.
public struct ResultTable: Codable, Sendable, Hashable {
    /// Name used for `Output/data/<slug>/<name>.csv`; unique within the lesson.
    public var name: String
    public var caption: String
    /// Cross-reference label (`@tab-…`), if any.
    public var label: String?
    public var header: [String]
    public var rows: [[Cell]]

    public enum Cell: Codable, Sendable, Hashable, ExpressibleByStringLiteral {
        /// Words, a name, a range ("1000 épocas", "VAE", "—"): shown as written.
        case text(String)
        /// A number in the machine form: a dot, ASCII minus, no grouping.
        case number(String)

        public init(stringLiteral value: String) { self = .text(value) }

        /// A whole number.
        public static func integer(_ value: Int) -> Cell { .number(String(value)) }

        /// What the CSV holds.
        public var machine: String {
            switch self {
            case .text(let text), .number(let text): text
            }
        }
    }

    public init(name: String, caption: String, label: String? = nil, header: [String], rows: [[Cell]]) {
        precondition(rows.allSatisfy { $0.count == header.count }, "ResultTable '\(name)': every row needs \(header.count) cells")
        self.name = name
        self.caption = caption
        self.label = label
        self.header = header
        self.rows = rows
    }

    /// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted.
    public var csv: String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        return ([header] + rows.map { $0.map(\.machine) }).map { $0.map(field).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }
}

/// An SVG figure. `svg` is a complete `<svg>` element with `<title>` and `<desc>`; `width`
/// and `height` are its root's size in pixels, so the page reserves the space before it loads.
public struct ResultFigure: Codable, Sendable, Hashable {
    /// Name used for `Output/figures/<slug>/<name>.svg`; unique within the lesson.
    public var name: String
    public var caption: String
    public var label: String?
    public var svg: String
    public var width: Double
    public var height: Double
    /// Text alternative describing what the figure shows.
    public var altText: String

    public init(name: String, caption: String, label: String? = nil, svg: SVGDocument, altText: String) {
        self.name = name
        self.caption = caption
        self.label = label
        self.svg = svg.text
        self.width = svg.width
        self.height = svg.height
        self.altText = altText
    }
}
