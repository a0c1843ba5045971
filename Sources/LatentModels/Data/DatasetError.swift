/// Failures to obtain a dataset.
public enum DatasetError: Error, Equatable, CustomStringConvertible {
    /// A data file is absent; `package` names the Debian package that provides it.
    case missingFile(path: String, package: String?)
    /// A file exists but cannot be decoded.
    case corrupt(path: String, reason: String)
    /// A requested subset is larger than the split.
    case subsetTooLarge(requested: Int, available: Int)

    public var description: String {
        switch self {
        case let .missingFile(path, package?):
            return "missing dataset file \(path); install it with: sudo apt-get install \(package)"
        case let .missingFile(path, nil):
            return "missing dataset file \(path)"
        case let .corrupt(path, reason):
            return "corrupt dataset file \(path): \(reason)"
        case let .subsetTooLarge(requested, available):
            return "requested \(requested) examples but the split has only \(available)"
        }
    }
}
