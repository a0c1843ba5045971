import CZlib
import Foundation

/// Directive results stored on disk by cache key, so a rebuild runs only the directives whose
/// inputs changed.
///
/// The folder holds `CACHEDIR.TAG` (the marker that makes it a notes cache, see `claim`),
/// `FORMAT` (the format version, see `prepare()`) and `results/`. An entry is
/// `results/<key>.json`: one line `notes-cache 3 <key> <sha256 of payload> <seconds>`, then
/// the JSON payload (the result without its artifacts, plus a manifest of them). The
/// artifacts — trained weights, megabytes each — sit in `results/<key>.bin`, concatenated raw,
/// each checked by its length and CRC-32 on load: a warm rebuild neither base64-decodes nor
/// SHA-hashes them. Both files are written atomically, the `.bin` first. An entry whose checks
/// fail (truncated, edited, disk error, missing `.bin`, stored under another key) is reported
/// as corrupt and the directive runs again; an entry of another format version is a miss.
public struct ResultCache: Sendable {
    public var folder: URL
    static let format = "notes-cache 3"
    /// Part of every key. Kept apart from `format`, so a change of file layout does not by
    /// itself change what a directive's key is.
    static let keyVersion = "notes-cache 2"
    /// The cache-directory tag (https://bford.info/cachedir/): backup tools skip the folder,
    /// and its presence is what lets `notes` delete files in it.
    public static let markerName = "CACHEDIR.TAG"
    static let marker = """
        Signature: 8a477f597d28d172789f06886806bc55
        # This folder is a cache of experiment results created by notes (notes clean removes it).

        """

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
        /// What computed the result (absent in entries of older builds).
        var provenance: Provenance?
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
        guard SafePaths.kind(results.path) != .symlink else { return 0 }
        let recorded = fm.contents(atPath: marker.path).flatMap { String(data: $0, encoding: .utf8) }
        if recorded?.trimmingCharacters(in: .whitespacesAndNewlines) != Self.format {
            let names = (try? fm.contentsOfDirectory(atPath: results.path)) ?? []
            for name in names where Self.isEntryName(name) {
                if SafePaths.removeFile("results/" + name, in: folder) == nil { removed += 1 }
            }
            _ = try? AtomicFile.write(Data((Self.format + "\n").utf8), to: marker)
        }
        // Entries take milliseconds to write: a leftover a minute old is from a killed build.
        AtomicFile.removeLeftovers(in: results, minimumAge: 60)
        return removed
    }

    public func lookup(_ key: String) -> Lookup { read(key).lookup }

    /// The entry and what computed it (nil for an entry written before provenance was kept).
    public func read(_ key: String) -> (lookup: Lookup, provenance: Provenance?) {
        guard Self.isKey(key), SafePaths.kind(url(for: key).path) == .file,
              let data = FileManager.default.contents(atPath: url(for: key).path) else { return (.miss, nil) }
        guard let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = String(data: data[data.startIndex..<newline], encoding: .utf8) else {
            return (.corrupt(reason: "no header line"), nil)
        }
        let fields = header.split(separator: " ")
        guard fields.count >= 2, fields[0] == "notes-cache" else {
            return (.corrupt(reason: "unknown header '\(TerminalText.escaped(String(header.prefix(60))))'"), nil)
        }
        guard "\(fields[0]) \(fields[1])" == Self.format else { return (.miss, nil) }
        guard fields.count == 5, let seconds = Double(fields[4]), seconds.isFinite, seconds >= 0 else {
            return (.corrupt(reason: "malformed header"), nil)
        }
        guard fields[2] == key else { return (.corrupt(reason: "it holds the result of another directive (key \(fields[2].prefix(12)))"), nil) }
        let payload = data[data.index(after: newline)...]
        guard SHA256.hex(payload) == fields[3] else { return (.corrupt(reason: "checksum mismatch"), nil) }
        let entry: Entry
        do {
            entry = try Self.decoder.decode(Entry.self, from: payload)
        } catch {
            return (.corrupt(reason: "unreadable result (\(error))"), nil)
        }
        var result = entry.result
        if !entry.artifacts.isEmpty {
            guard SafePaths.kind(artifactsURL(for: key).path) == .file,
                  let blob = FileManager.default.contents(atPath: artifactsURL(for: key).path) else {
                return (.corrupt(reason: "artifact file missing"), nil)
            }
            for record in entry.artifacts {
                guard record.offset >= 0, record.length >= 0, record.offset <= blob.count,
                      record.length <= blob.count - record.offset else {
                    return (.corrupt(reason: "artifact '\(record.name)' truncated"), nil)
                }
                let bytes = blob.subdata(in: record.offset..<(record.offset + record.length))
                guard Self.crc32(bytes) == record.crc32 else { return (.corrupt(reason: "artifact '\(record.name)' checksum mismatch"), nil) }
                result.artifacts[record.name] = bytes
            }
        }
        return (.hit(result, seconds: seconds), entry.provenance)
    }

    /// The compute time an entry's header records, reading only the header; nil when absent.
    public func recordedSeconds(_ key: String) -> Double? {
        guard Self.isKey(key), SafePaths.kind(url(for: key).path) == .file,
              let handle = FileHandle(forReadingAtPath: url(for: key).path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 256), let newline = head.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let fields = String(decoding: head[head.startIndex..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 5, "\(fields[0]) \(fields[1])" == Self.format, fields[2] == key else { return nil }
        return Double(fields[4]).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
    }

    /// Marks an entry as just used (its modification time), so pruning removes the entries
    /// unused longest first.
    public func touch(_ key: String) {
        guard Self.isKey(key) else { return }
        utimes(url(for: key).path, nil)
    }

    public func store(_ result: ExperimentResult, key: String, seconds: Double, provenance: Provenance? = nil) throws {
        var records: [ArtifactRecord] = []
        var blob = Data()
        for name in result.artifacts.keys.sorted() {
            let bytes = result.artifacts[name]!
            records.append(ArtifactRecord(name: name, offset: blob.count, length: bytes.count, crc32: Self.crc32(bytes)))
            blob.append(bytes)
        }
        var bare = result
        bare.artifacts = [:]
        let payload = try Self.encoder.encode(Entry(result: bare, artifacts: records, provenance: provenance))
        guard Self.isKey(key) else { throw SafePaths.Refusal("refusing the cache key '\(key.prefix(80))'") }
        if !records.isEmpty { try SafePaths.write(blob, to: "results/\(key).bin", in: folder) }
        var data = Data("\(Self.format) \(key) \(SHA256.hex(payload)) \(seconds.isFinite ? seconds : 0)\n".utf8)
        data.append(payload)
        try SafePaths.write(data, to: "results/\(key).json", in: folder)
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
        var text = "\(keyVersion)\n\(canonicalForm)\n\(fingerprint)\n"
        for (id, key) in dependencyKeys.sorted(by: { $0.key < $1.key }) { text += "\(id)=\(key)\n" }
        return SHA256.hex(text)
    }

    /// Non-finite numbers (a diverged run's NaN) are stored as strings, so such a result is
    /// cached like any other and reported once by the runner, not on every build.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }

    /// A key as `key(canonicalForm:…)` makes them: 64 lowercase hex digits.
    static func isKey<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// `<key>.json` or `<key>.bin`: the only names `prepare` and `clean` delete in `results/`.
    static func isEntryName(_ name: String) -> Bool {
        (name.hasSuffix(".json") && isKey(name.dropLast(5))) || (name.hasSuffix(".bin") && isKey(name.dropLast(4)))
    }
}
