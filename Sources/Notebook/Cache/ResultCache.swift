import Foundation

/// Directive results stored on disk by cache key (`.notes-cache/results/<key>.json`), so a
/// rebuild runs only the directives whose inputs changed.
///
/// An entry is one line `notes-cache 1 <sha256 of payload> <seconds>` followed by the JSON
/// payload. Writes are atomic; an entry whose checksum does not match (truncated, edited,
/// disk error) is reported as corrupt and the directive runs again.
public struct ResultCache: Sendable {
    public var folder: URL
    static let format = "notes-cache 1"

    public init(folder: URL) { self.folder = folder }

    public enum Lookup: Sendable {
        /// The stored result and how long it took to compute originally.
        case hit(ExperimentResult, seconds: Double)
        case miss
        case corrupt(reason: String)
    }

    func url(for key: String) -> URL {
        folder.appendingPathComponent("results").appendingPathComponent(key + ".json")
    }

    public func lookup(_ key: String) -> Lookup {
        guard let data = FileManager.default.contents(atPath: url(for: key).path) else { return .miss }
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = String(data: data[data.startIndex..<newline], encoding: .utf8) else {
            return .corrupt(reason: "no header line")
        }
        let fields = header.split(separator: " ")
        guard fields.count == 4, "\(fields[0]) \(fields[1])" == Self.format, let seconds = Double(fields[3]) else {
            return .corrupt(reason: "unknown header '\(header.prefix(60))'")
        }
        let payload = data[data.index(after: newline)...]
        guard SHA256.hex(payload) == fields[2] else { return .corrupt(reason: "checksum mismatch") }
        do {
            return .hit(try JSONDecoder().decode(ExperimentResult.self, from: payload), seconds: seconds)
        } catch {
            return .corrupt(reason: "unreadable result (\(error))")
        }
    }

    public func store(_ result: ExperimentResult, key: String, seconds: Double) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payload = try encoder.encode(result)
        var data = Data("\(Self.format) \(SHA256.hex(payload)) \(seconds)\n".utf8)
        data.append(payload)
        try AtomicFile.write(data, to: url(for: key))
    }

    /// The key of a directive: its canonical form (arguments with defaults, experiment
    /// version), its input fingerprint, and the keys of the results it reads. Captions and
    /// other presentation arguments are not part of it.
    public static func key(canonicalForm: String, fingerprint: String, dependencyKeys: [String: String]) -> String {
        var text = "\(format)\n\(canonicalForm)\n\(fingerprint)\n"
        for (id, key) in dependencyKeys.sorted(by: { $0.key < $1.key }) { text += "\(id)=\(key)\n" }
        return SHA256.hex(text)
    }
}
