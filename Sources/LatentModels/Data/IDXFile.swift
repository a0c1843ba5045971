/// The IDX format of MNIST-like datasets (LeCun et al.): a big-endian header
/// `0x00 0x00 type rank`, then `rank` 32-bit big-endian dimensions, then the data.
///
/// Only unsigned-byte data (type `0x08`) is supported, which is what (Fashion-)MNIST uses.
struct IDXFile {
    /// Dimensions, outermost first (`[60000, 28, 28]` for training images).
    let dimensions: [Int]
    /// The raw bytes, row-major.
    let bytes: [UInt8]

    /// Parses an IDX buffer; `path` is only used in error messages.
    init(bytes raw: [UInt8], path: String) throws {
        guard raw.count >= 4, raw[0] == 0, raw[1] == 0 else {
            throw DatasetError.corrupt(path: path, reason: "not an IDX file (bad magic)")
        }
        guard raw[2] == 0x08 else {
            throw DatasetError.corrupt(path: path, reason: "IDX element type 0x\(String(raw[2], radix: 16)) is not unsigned byte")
        }
        let rank = Int(raw[3])
        let headerSize = 4 + 4 * rank
        guard raw.count >= headerSize else { throw DatasetError.corrupt(path: path, reason: "truncated IDX header") }
        var dims: [Int] = []
        for i in 0..<rank {
            let o = 4 + 4 * i
            dims.append(Int(raw[o]) << 24 | Int(raw[o + 1]) << 16 | Int(raw[o + 2]) << 8 | Int(raw[o + 3]))
        }
        let count = dims.reduce(1, *)
        guard raw.count - headerSize == count else {
            throw DatasetError.corrupt(path: path, reason: "IDX header promises \(count) bytes, file has \(raw.count - headerSize)")
        }
        dimensions = dims
        bytes = Array(raw[headerSize...])
    }

    /// Reads and parses a gzip-compressed IDX file.
    static func read(gzipPath path: String, package: String?) throws -> IDXFile {
        try IDXFile(bytes: GzipFile.read(path, package: package), path: path)
    }
}
