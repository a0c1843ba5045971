import CZlib
import Foundation

/// Reads whole gzip files through zlib's `gzopen`/`gzread`.
enum GzipFile {
    /// The decompressed bytes of the file at `path` (a plain, uncompressed file is read as is,
    /// which is zlib's behaviour).
    ///
    /// - Throws: `DatasetError.missingFile` if the file does not exist, `DatasetError.corrupt`
    ///   if zlib reports an error while inflating or the data inflates beyond `maximumBytes`
    ///   (a gzip bomb).
    static func read(_ path: String, package: String?, maximumBytes: Int = Int.max) throws -> [UInt8] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw DatasetError.missingFile(path: path, package: package)
        }
        guard let file = gzopen(path, "rb") else {
            throw DatasetError.corrupt(path: path, reason: "gzopen failed")
        }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 18)
        var bytes: [UInt8] = []
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(chunk)) }
            if n < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "unknown zlib error"
                throw DatasetError.corrupt(path: path, reason: message)
            }
            if n == 0 { break }
            guard Int(n) <= maximumBytes - bytes.count else {
                throw DatasetError.corrupt(path: path, reason: "inflates to more than \(maximumBytes) bytes")
            }
            bytes.append(contentsOf: buffer[0..<Int(n)])
        }
        return bytes
    }
}

/// CRC-32 (the zlib/PNG polynomial) of a byte buffer, used by checkpoints.
func crc32Checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    var crc = crc32(0, nil, 0)
    var offset = 0
    // zlib takes a 32-bit length; feed large buffers in pieces.
    while offset < bytes.count {
        let n = min(bytes.count - offset, 1 << 30)
        crc = crc32(crc, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(n))
        offset += n
    }
    return UInt32(truncatingIfNeeded: crc)
}
