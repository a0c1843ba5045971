import Charts
import Foundation

/// What presenting a result needs to know about the page: its language, for every word and
/// number an experiment's tables and figures show.
public struct PageContext: Sendable, Hashable {
    /// BCP 47 tag of the page (`pt-BR`, `en`).
    public var language: String

    public init(language: String) { self.language = language }

    public static let portuguese = PageContext(language: "pt-BR")
    public static let english = PageContext(language: "en")

    /// Whether the page is in English; every other language gets the Portuguese words (the
    /// course's own) until `PageStrings` covers it.
    public var isEnglish: Bool {
        language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } == "en"
    }

    /// How the page writes numbers, for the figures drawn for it (`Charts.NumberStyle`).
    public var numberStyle: NumberStyle { NumberStyle(language: language) }

    /// A number in the machine form (`0.001`, `-2.5`, `10000`, `1.2e-05`) as the page writes it
    /// (`0,001`, `−2,5`, `10 000`): for numbers in captions, notes and alternative texts.
    public func number(_ machine: String) -> String { numberStyle.number(machine) }

    /// A whole number as the page writes it (`10 000` in Portuguese).
    public func number(_ value: Int) -> String { numberStyle.number(String(value)) }

    /// The text in the page's language: `page.text("Época", "Epoch")`.
    public func text(_ portuguese: String, _ english: String) -> String { isEnglish ? english : portuguese }
}

/// An experiment that measures in `run` and shows in `present`: `run` returns
/// `measured(_:…)` and `present(measurement:in:)` draws tables and figures from the decoded
/// measurement. The engine does the encoding, decoding and caching.
public protocol Measured: Experiment {
    associatedtype Measurement: Codable & Sendable
    /// Tables, figures and notes from a measurement, in the page's language, with the run's
    /// wall-clock `timings` for the notes that report them (shown as volatile). Must not
    /// compute anything expensive: it runs at every build.
    func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput]
}

extension Measured {
    /// A result holding `measurement` (sorted-key JSON, so equal measurements are equal bytes).
    public func measured(_ measurement: Measurement, scalars: [String: Double], artifacts: [String: Data] = [:],
                         timings: [String: Double] = [:]) throws -> ExperimentResult {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return ExperimentResult(measurement: try encoder.encode(measurement), scalars: scalars, artifacts: artifacts,
                                timings: timings)
    }

    public func present(_ result: ExperimentResult, in page: PageContext) throws -> [ExperimentOutput] {
        guard let data = result.measurement else {
            throw ExperimentFailure(id: "corrupt-cache", "the stored result of @\(Self.directiveName) holds no measurement",
                                    suggestion: "run the build again with --no-cache")
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let measurement: Measurement
        do { measurement = try decoder.decode(Measurement.self, from: data) } catch {
            throw ExperimentFailure(id: "corrupt-cache", "the stored measurement of @\(Self.directiveName) does not decode: \(error)",
                                    suggestion: "run the build again with --no-cache")
        }
        return present(measurement: measurement, timings: result.timings, in: page)
    }
}

extension Experiment {
    /// The result as a page shows it: outputs drawn from the measurement (for `Measured`
    /// experiments) in the page's language, then captions and labels applied (`presenting`).
    public func presented(_ result: ExperimentResult, in page: PageContext) throws -> ExperimentResult {
        var shown = result
        shown.outputs = try present(result, in: page)
        return presenting(shown)
    }
}
