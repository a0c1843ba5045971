import Foundation

/// What computed a result: which build of `notes`, under which numeric setting. The cache
/// records it with every entry, so `notes freeze` can refuse to commit a result that another
/// build of the code computed, or that a non-default setting (`OPENBLAS_CORETYPE=…`) did.
public struct Provenance: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The executable's identity: its GNU build ID (or a hash of its bytes where it has none).
    public var code: String
    /// The numeric setting, e.g. `OpenBLAS Zen kernel (pinned)`.
    public var numerics: String

    public init(code: String, numerics: String) {
        self.code = code
        self.numerics = numerics
    }

    public var description: String { "build \(code.prefix(12)), \(numerics)" }

    /// This process, with the numeric setting the caller names.
    public static func current(numerics: String) -> Provenance {
        Provenance(code: ExecutableIdentity.current, numerics: numerics)
    }
}

/// How this process computes: a description for provenance and messages, and whether it is
/// the setting the course's frozen results are made with.
public struct NumericSetting: Sendable, Hashable {
    public var description: String
    public var isDefault: Bool

    public init(description: String, isDefault: Bool) {
        self.description = description
        self.isDefault = isDefault
    }

    /// For tests and tools that compute nothing numeric of their own.
    public static let unspecified = NumericSetting(description: "default", isDefault: true)
}

/// The identity of the running executable, read once.
public enum ExecutableIdentity {
    public static let current: String = {
        let path = "/proc/self/exe"
        if let id = gnuBuildID(ofFileAt: path) { return id }
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        if let id = gnuBuildID(ofFileAt: executable) { return id }
        if let data = FileManager.default.contents(atPath: executable) { return "sha256-" + SHA256.hex(data) }
        return "unknown"
    }()

    /// The `NT_GNU_BUILD_ID` note of a 64-bit little-endian ELF file, as lowercase hex.
    static func gnuBuildID(ofFileAt path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
            guard (try? handle.seek(toOffset: offset)) != nil, let data = try? handle.read(upToCount: count),
                  data.count == count else { return nil }
            return [UInt8](data)
        }
        func integer(_ bytes: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        guard let header = read(0, 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        let programHeaders = integer(header, 0x20, 8), entrySize = Int(integer(header, 0x36, 2)), count = Int(integer(header, 0x38, 2))
        guard entrySize >= 56, count < 256 else { return nil }
        for index in 0..<count {
            guard let entry = read(programHeaders + UInt64(index * entrySize), 56), integer(entry, 0, 4) == 4 else { continue }
            let offset = integer(entry, 8, 8), size = Int(integer(entry, 32, 8))
            guard size > 0, size < 1 << 16, let notes = read(offset, size) else { continue }
            var i = 0
            while i + 12 <= notes.count {
                let nameSize = Int(integer(notes, i, 4)), descriptionSize = Int(integer(notes, i + 4, 4)), type = integer(notes, i + 8, 4)
                let name = i + 12, description = name + (nameSize + 3) / 4 * 4
                guard description + descriptionSize <= notes.count else { break }
                if type == 3, nameSize == 4, notes[name..<(name + 4)] == [0x47, 0x4E, 0x55, 0] {
                    return notes[description..<(description + descriptionSize)].map { String(format: "%02x", $0) }.joined()
                }
                i = description + (descriptionSize + 3) / 4 * 4
            }
        }
        return nil
    }
}
