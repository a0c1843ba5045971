/// Why a weights file could not be loaded.
public enum CheckpointError: Error, Equatable, CustomStringConvertible {
    case notACheckpoint
    case unsupportedVersion(UInt32)
    case truncated
    case checksumMismatch(expected: UInt32, actual: UInt32)
    case missingParameter(String)
    case unexpectedParameter(String)
    case shapeMismatch(path: String, expected: [Int], actual: [Int])

    public var description: String {
        switch self {
        case .notACheckpoint: return "not a notes weights file (bad magic)"
        case .unsupportedVersion(let v): return "weights format version \(v) is not supported (expected \(WeightsFile.version))"
        case .truncated: return "weights file is truncated"
        case let .checksumMismatch(e, a):
            return "weights file is corrupt: CRC-32 \(String(a, radix: 16)) does not match stored \(String(e, radix: 16))"
        case .missingParameter(let p): return "weights file has no parameter '\(p)'"
        case .unexpectedParameter(let p): return "weights file has parameter '\(p)' that the model does not"
        case let .shapeMismatch(p, e, a): return "parameter '\(p)': model expects shape \(e), file has \(a)"
        }
    }
}
