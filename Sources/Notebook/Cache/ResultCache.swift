import CZlib
import Foundation

/// Directive results stored on disk by cache key, so a rebuild runs only the directives whose
/// inputs changed.
///
/// The folder holds `FORMAT` (the format version, see `prepare()`) and `results/`. An entry
/// is `results/<key>.json`: one line `notes-cache 2 <sha256 of payload> <seconds>`,
/// then the JSON payload (the result without its artifacts, plus a manifest of them). The
/// artifacts — trained weights, megabytes each — sit in `results/<key>.bin`, concatenated raw,
/// each checked by its length and CRC-32 on load: a warm rebuild neither base64-decodes nor
/// SHA-hashes them. Both files are written atomically, the `.bin` first. An entry whose checks
/// fail (truncated, edited, disk error, missing `.bin`) is reported as corrupt and the
/// directive runs again; an entry of another format version is a miss.
public struct ResultCache: Sendable {
    public var folder: URL
    static let format = "notes-cache 2"

    public init(folder: URL) { self.folder = folder }

    public enum Lookup: Sendable {
        /// The stored result and how long it took to compute originally.
        case hit(ExperimentResult, seconds: Double)
        case miss
        case corrupt(reason: String)
    }

    /// One artifact's place in the `.bin` file.
    struct ArtifactRecord: Codable {
        var name: String
        var offset: Int
        var length: Int
        var crc32: UInt32
    }

    struct Entry: Codable {
        var result: ExperimentResult
        var artifacts: [ArtifactRecord]
    }

    var resultsFolder: URL { folder.appendingPathComponent("results") }

    func url(for key: String) -> URL { resultsFolder.appendingPathComponent(key + ".json") }

    func artifactsURL(for key: String) -> URL { resultsFolder.appendingPathComponent(key + ".bin") }

    /// Readies the folder for this format version. Entries of another version can never be
    /// read again (their keys differ too), so when `FORMAT` does not name this version every
    /// entry is deleted and the version recorded; leftovers of killed writes (a minute old or
    /// more) go as well.
    /// Returns how many entry files were removed.
    @discardableResult
    public func prepare() -> Int {
        let fm = FileManager.default
        let results = resultsFolder
        let marker = folder.appendingPathComponent("FORMAT")
        var removed = 0
        let recorded = fm.contents(atPath: marker.path).flatMap { String(data: $0, encoding: .utf8) }
        if recorded?.trimmingCharacters(in: .whitespacesAndNewlines) != Self.format {
            let names = (try? fm.contentsOfDirectory(atPath: results.path)) ?? []
            for name in names where name.hasSuffix(".json") || name.hasSuffix(".bin") {
                if (try? fm.removeItem(at: results.appendingPathComponent(name))) != nil { removed += 1 }
            }
            _ = try? AtomicFile.write(Data((Self.format + "\n").utf8), to: marker)
        }
        // Entries take milliseconds to write: a leftover a minute old is from a killed build.
        AtomicFile.removeLeftovers(in: results, minimumAge: 60)
        return removed
    }

    public func lookup(_ key: String) -> Lookup {
        guard let data = FileManager.default.contents(atPath: url(for: key).path) else { return .miss }
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = String(data: data[data.startIndex..<newline], encoding: .utf8) else {
            return .corrupt(reason: "no header line")
        }
        let fields = header.split(separator: " ")
        guard fields.count == 4, fields[0] == "notes-cache", let seconds = Double(fields[3]) else {
            return .corrupt(reason: "unknown header '\(header.prefix(60))'")
        }
        guard "\(fields[0]) \(fields[1])" == Self.format else { return .miss }
        let payload = data[data.index(after: newline)...]
        guard SHA256.hex(payload) == fields[2] else { return .corrupt(reason: "checksum mismatch") }
        let entry: Entry
        do {
            entry = try JSONDecoder().decode(Entry.self, from: payload)
        } catch {
            return .corrupt(reason: "unreadable result (\(error))")
        }
        var result = entry.result
        if !entry.artifacts.isEmpty {
            guard let blob = FileManager.default.contents(atPath: artifactsURL(for: key).path) else {
                return .corrupt(reason: "artifact file missing")
            }
            for record in entry.artifacts {
                guard record.offset >= 0, record.length >= 0, record.offset + record.length <= blob.count else {
                    return .corrupt(reason: "artifact '\(record.name)' truncated")
                }
                let bytes = blob.subdata(in: record.offset..<(record.offset + record.length))
                guard Self.crc32(bytes) == record.crc32 else { return .corrupt(reason: "artifact '\(record.name)' checksum mismatch") }
                result.artifacts[record.name] = bytes
            }
        }
        return .hit(result, seconds: seconds)
    }

    public func store(_ result: ExperimentResult, key: String, seconds: Double) throws {
        var records: [ArtifactRecord] = []
        var blob = Data()
        for name in result.artifacts.keys.sorted() {
            let bytes = result.artifacts[name]!
            records.append(ArtifactRecord(name: name, offset: blob.count, length: bytes.count, crc32: Self.crc32(bytes)))
            blob.append(bytes)
        }
        var bare = result
        bare.artifacts = [:]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let payload = try encoder.encode(Entry(result: bare, artifacts: records))
        if !records.isEmpty { try AtomicFile.write(blob, to: artifactsURL(for: key)) }
        var data = Data("\(Self.format) \(SHA256.hex(payload)) \(seconds)\n".utf8)
        data.append(payload)
        try AtomicFile.write(data, to: url(for: key))
    }

    /// zlib's CRC-32 of `data`.
    static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw -> UInt32 in
            guard let base = raw.baseAddress, raw.count > 0 else { return 0 }
            return UInt32(crc32_z(0, base.assumingMemoryBound(to: UInt8.self), raw.count))
        }
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
