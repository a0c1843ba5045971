import Foundation

/// One directive's frozen result: what `Notes/_freeze/<lesson>/<key>.json` holds.
///
/// The measurement and the scalars, never trained weights or wall times; the names of the
/// artifacts the directive produced, so a directive that needs them knows the model must be
/// trained again; and, for the reader of a diff, the lesson and the directive's canonical form.
/// The file is sorted-key JSON laid out one member per line (`JSONLayout`), and its
/// measurement is the exact bytes the experiment encoded: a rebuilt result compares equal
/// byte for byte or not at all.
public struct FrozenEntry: Sendable, Equatable {
    static let format = "notes-freeze 1"

    public var key: String
    public var lesson: String
    /// The directive's canonical form (arguments with their defaults, experiment version).
    public var directive: String
    /// The measurement's compact JSON, as `Measured.measured` encoded it.
    public var measurement: Data?
    public var scalars: [String: Double]
    /// Artifacts the directive produced (trained weights): not frozen, so a directive that
    /// reads them must compute this one again.
    public var artifacts: [String]

    public init(key: String, lesson: String, directive: String, result: ExperimentResult) {
        self.key = key
        self.lesson = lesson
        self.directive = directive
        measurement = result.measurement
        scalars = result.scalars
        artifacts = result.artifacts.keys.sorted()
    }

    /// Whether a result can be frozen: a `Measured` experiment's (its outputs are drawn from the
    /// measurement at every build). One that draws its tables in `run` cannot: the freeze
    /// keeps no SVG, so it always runs.
    public static func canFreeze(_ result: ExperimentResult) -> Bool { result.outputs.isEmpty }

    /// The result a page is built from: no artifacts, no timings.
    public var result: ExperimentResult { ExperimentResult(measurement: measurement, scalars: scalars) }

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static var encoder: JSONEncoder {
        let encoder = ResultCache.encoder
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The file's text.
    public func encoded() throws -> Data {
        let encoder = Self.encoder
        // Members in sorted order, written by hand so the measurement's bytes pass unchanged.
        var members: [(String, Data)] = [
            ("artifacts", try encoder.encode(artifacts)),
            ("directive", try encoder.encode(directive)),
            ("format", try encoder.encode(Self.format)),
            ("key", try encoder.encode(key)),
            ("lesson", try encoder.encode(lesson)),
            ("measurement", measurement ?? Data("null".utf8)),
            ("scalars", try encoder.encode(scalars)),
        ]
        members.sort { $0.0 < $1.0 }
        var compact = Data("{".utf8)
        for (index, (name, value)) in members.enumerated() {
            if index > 0 { compact.append(UInt8(ascii: ",")) }
            compact.append(try encoder.encode(name))
            compact.append(UInt8(ascii: ":"))
            compact.append(value)
        }
        compact.append(UInt8(ascii: "}"))
        guard let text = JSONLayout.indented(compact) else { throw Malformed(description: "the measurement is not one JSON value") }
        return text
    }

    /// Reads a file's text; `key` is the key its name gives, which the file must repeat.
    public init(decoding data: Data, key expected: String) throws {
        guard let members = JSONLayout.members(ofObject: JSONLayout.compacted(data)) else {
            throw Malformed(description: "it is not a JSON object")
        }
        let decoder = ResultCache.decoder
        func value<T: Decodable>(_ name: String, _ type: T.Type) throws -> T {
            guard let raw = members[name] else { throw Malformed(description: "it has no \"\(name)\"") }
            do { return try decoder.decode(T.self, from: raw) } catch {
                throw Malformed(description: "its \"\(name)\" is not a \(T.self)")
            }
        }
        let format = try value("format", String.self)
        guard format == Self.format else { throw Malformed(description: "its format is '\(format)', not '\(Self.format)'") }
        key = try value("key", String.self)
        guard key == expected else { throw Malformed(description: "it holds key \(key.prefix(12)) under the name of \(expected.prefix(12))") }
        lesson = try value("lesson", String.self)
        directive = try value("directive", String.self)
        scalars = try value("scalars", [String: Double].self)
        artifacts = try value("artifacts", [String].self)
        guard let raw = members["measurement"] else { throw Malformed(description: "it has no \"measurement\"") }
        measurement = raw == Data("null".utf8) ? nil : raw
    }
}
