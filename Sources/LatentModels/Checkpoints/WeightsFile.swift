import Foundation
import Tensors

/// The binary weights format: every parameter of a `ParameterStore`, by path.
///
/// Layout (all integers little-endian `UInt32`, floats little-endian IEEE binary32):
///
/// ```
/// "NOTESWTS"  version  count
/// count × { pathLength  path(UTF-8)  rank  dims[rank]  scalars[Π dims] }
/// crc32       — CRC-32 (zlib) of every byte before it
/// ```
///
/// Loading checks magic, version, length and checksum before touching the model, then
/// requires exactly the model's parameter paths with the model's shapes; a damaged or
/// mismatched file is a `CheckpointError`, never a partially loaded model.
public enum WeightsFile {
    public static let magic = Array("NOTESWTS".utf8)
    public static let version: UInt32 = 1

    /// Serializes every parameter of `store` in registration order.
    public static func encode(_ store: ParameterStore) -> Data {
        var bytes: [UInt8] = magic
        func put(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        put(version)
        put(UInt32(store.named.count))
        for (path, tensor) in store.named {
            let utf8 = Array(path.utf8)
            put(UInt32(utf8.count)); bytes.append(contentsOf: utf8)
            put(UInt32(tensor.rank)); for d in tensor.shape { put(UInt32(d)) }
            tensor.withUnsafeBufferPointer { buffer in
                for x in buffer { put(x.bitPattern) }
            }
        }
        let crc = bytes.withUnsafeBytes { crc32Checksum($0) }
        put(crc)
        return Data(bytes)
    }

    /// Decodes `data` into `(path, shape, scalars)` entries after checking its integrity.
    public static func decode(_ data: Data) throws -> [(path: String, shape: [Int], scalars: [Float])] {
        let bytes = [UInt8](data)
        guard bytes.count >= magic.count + 12 else {
            throw bytes.starts(with: magic) ? CheckpointError.truncated : CheckpointError.notACheckpoint
        }
        guard bytes.starts(with: magic) else { throw CheckpointError.notACheckpoint }
        var reader = ByteReader(bytes: bytes, offset: magic.count)
        let version = try reader.uint32()
        guard version == self.version else { throw CheckpointError.unsupportedVersion(version) }
        let body = bytes.count - 4
        let stored = UInt32(littleEndian: bytes[body...].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
        let actual = bytes[..<body].withUnsafeBytes { crc32Checksum($0) }
        guard stored == actual else { throw CheckpointError.checksumMismatch(expected: stored, actual: actual) }
        reader.end = body
        let count = try reader.uint32()
        var entries: [(String, [Int], [Float])] = []
        for _ in 0..<count {
            let pathLength = Int(try reader.uint32())
            let path = String(decoding: try reader.bytes(pathLength), as: UTF8.self)
            let rank = Int(try reader.uint32())
            let shape = try (0..<rank).map { _ in Int(try reader.uint32()) }
            let n = shape.reduce(1, *)
            let scalars = try (0..<n).map { _ in Float(bitPattern: try reader.uint32()) }
            entries.append((path, shape, scalars))
        }
        guard reader.offset == body else { throw CheckpointError.truncated }
        return entries
    }

    /// Loads `data` into the parameters of `store` (all or nothing).
    public static func load(_ data: Data, into store: ParameterStore) throws {
        let entries = try decode(data)
        var byPath: [String: (shape: [Int], scalars: [Float])] = [:]
        for e in entries { byPath[e.path] = (e.shape, e.scalars) }
        for (path, tensor) in store.named {
            guard let entry = byPath[path] else { throw CheckpointError.missingParameter(path) }
            guard entry.shape == tensor.shape else {
                throw CheckpointError.shapeMismatch(path: path, expected: tensor.shape, actual: entry.shape)
            }
        }
        let known = Set(store.named.map(\.path))
        if let extra = entries.first(where: { !known.contains($0.path) }) {
            throw CheckpointError.unexpectedParameter(extra.path)
        }
        for (path, tensor) in store.named {
            tensor.assign(Tensor(shape: tensor.shape, scalars: byPath[path]!.scalars))
        }
    }
}

/// Sequential little-endian reads with bounds checks (a short buffer is `.truncated`).
private struct ByteReader {
    let bytes: [UInt8]
    var offset: Int
    var end: Int

    init(bytes: [UInt8], offset: Int) { self.bytes = bytes; self.offset = offset; end = bytes.count }

    mutating func uint32() throws -> UInt32 {
        guard offset + 4 <= end else { throw CheckpointError.truncated }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    mutating func bytes(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, offset + n <= end else { throw CheckpointError.truncated }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }
}
