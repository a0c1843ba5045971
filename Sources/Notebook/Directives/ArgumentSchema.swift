/// One argument a directive reads, as recorded while it reads (`ArgumentReader.schema`): what
/// `notes help <directive>` prints and the README's catalogue is checked against.
public struct ArgumentSchema: Sendable, Hashable {
    public var label: String
    /// "an integer", "one of .vae, .gmvae, …", "an array of strings".
    public var expected: String
    /// The default in canonical form; nil when the argument is required (or has no single default).
    public var defaultValue: String?
    /// "1…1000", "2…16 distinct seeds, not with 'seed'".
    public var constraint: String?
    /// False for presentation-only arguments (`caption`, `label`), which never change a result.
    public var semantic: Bool

    public init(label: String, expected: String, defaultValue: String?, constraint: String? = nil, semantic: Bool = true) {
        self.label = label
        self.expected = expected
        self.defaultValue = defaultValue
        self.constraint = constraint
        self.semantic = semantic
    }
}

extension ArgumentReader {
    /// Records an argument read some other way (only in some combinations, like `seeds`
    /// beside `seed`), so the schema and the did-you-mean suggestions know it.
    public mutating func document(_ label: String, expected: String, default defaultValue: String? = nil,
                                  constraint: String? = nil, semantic: Bool = true) {
        if !known.contains(label) { known.append(label) }
        note(ArgumentSchema(label: label, expected: expected, defaultValue: defaultValue, constraint: constraint,
                            semantic: semantic))
    }

    /// Adds `entry` unless its label is already recorded (the first reading wins).
    mutating func note(_ entry: ArgumentSchema) {
        guard recordsSchema else { return }
        guard !schema.contains(where: { $0.label == entry.label }) else { return }
        schema.append(entry)
    }

    /// `1…1000`, `≥ 0`, for a range.
    static func describe<T: Comparable>(_ range: ClosedRange<T>?, maximum: T? = nil) -> String? {
        guard let range else { return nil }
        if let maximum, range.upperBound == maximum { return "≥ \(range.lowerBound)" }
        return "\(range.lowerBound)…\(range.upperBound)"
    }
}
