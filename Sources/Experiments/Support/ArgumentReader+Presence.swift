import Notebook

extension ArgumentReader {
    /// Where `label` was written, or nil if it was not; the argument counts as read (so it is
    /// not reported as unknown) and stays out of the canonical form. For arguments that are
    /// not allowed in the current combination, to report them precisely.
    mutating func presence(_ label: String) -> SourceLocation? {
        let found: SourceLocation?? = read(label, default: .some(nil), expected: "any value", semantic: false,
                                           canonical: { _ in "" }) { value, _ in .some(value.location) }
        return found ?? nil
    }
}
