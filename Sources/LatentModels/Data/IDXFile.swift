/// The IDX format of MNIST-like datasets (LeCun et al.): a big-endian header
/// `0x00 0x00 type rank`, then `rank` 32-bit big-endian dimensions, then the data.
///
/// Only unsigned-byte data (type `0x08`) is supported, which is what (Fashion-)MNIST uses.
/// The header is validated before anything is allocated from it: 1…`maximumRank`
/// dimensions, each > 0, whose product (overflow-checked) is at most `maximumElements` and
/// equals the payload size. A damaged or crafted file is a `DatasetError.corrupt`, never a trap.
struct IDXFile {
    /// Dimensions, outermost first (`[60000, 28, 28]` for training images).
    let dimensions: [Int]
    /// The raw bytes, row-major.
    let bytes: [UInt8]

    /// At most this many dimensions (images have 3, labels 1).
    static let maximumRank = 4
    /// At most this many elements (bytes) in one file: 1 GiB, about 20 times Fashion-MNIST's
    /// training images.
    static let maximumElements = 1 << 30

    /// Parses an IDX buffer; `path` is only used in error messages.
    init(bytes raw: [UInt8], path: String) throws {
        guard raw.count >= 4, raw[0] == 0, raw[1] == 0 else {
            throw DatasetError.corrupt(path: path, reason: "not an IDX file (bad magic)")
        }
        guard raw[2] == 0x08 else {
            throw DatasetError.corrupt(path: path, reason: "IDX element type 0x\(String(raw[2], radix: 16)) is not unsigned byte")
        }
        let rank = Int(raw[3])
        guard (1...Self.maximumRank).contains(rank) else {
            throw DatasetError.corrupt(path: path, reason: "IDX header has \(rank) dimensions; expected 1 to \(Self.maximumRank)")
        }
        let headerSize = 4 + 4 * rank
        guard raw.count >= headerSize else { throw DatasetError.corrupt(path: path, reason: "truncated IDX header") }
        var dims: [Int] = []
        var count = 1
        for i in 0..<rank {
            let o = 4 + 4 * i
            let dimension = Int(raw[o]) << 24 | Int(raw[o + 1]) << 16 | Int(raw[o + 2]) << 8 | Int(raw[o + 3])
            guard dimension > 0 else {
                throw DatasetError.corrupt(path: path, reason: "IDX dimension \(i + 1) is 0")
            }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow, product <= Self.maximumElements else {
                throw DatasetError.corrupt(path: path, reason: "IDX dimensions \(dims + [dimension])… exceed \(Self.maximumElements) elements")
            }
            count = product
            dims.append(dimension)
        }
        guard raw.count - headerSize == count else {
            throw DatasetError.corrupt(path: path, reason: "IDX header promises \(count) bytes, file has \(raw.count - headerSize)")
        }
        dimensions = dims
        bytes = Array(raw[headerSize...])
    }

    /// Reads and parses a gzip-compressed IDX file (refusing to inflate more than the header
    /// could ever describe).
    static func read(gzipPath path: String, package: String?) throws -> IDXFile {
        try IDXFile(bytes: GzipFile.read(path, package: package, maximumBytes: maximumElements + 4 + 4 * maximumRank),
                    path: path)
    }
}
