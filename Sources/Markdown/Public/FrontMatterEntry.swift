/// One top-level key of a lesson's front matter, with where it and its value are written.
///
/// `MarkdownDocument.frontMatterEntries` lists them in source order, so that callers can
/// report unknown keys and bad values at the right place.
public struct FrontMatterEntry: Sendable, Equatable {
    public var key: String
    /// The first character of the key.
    public var keyLocation: MarkdownLocation
    /// The first character of the value (its quote, for a quoted scalar); the key's location
    /// when the value is empty.
    public var valueLocation: MarkdownLocation

    public init(key: String, keyLocation: MarkdownLocation, valueLocation: MarkdownLocation) {
        self.key = key
        self.keyLocation = keyLocation
        self.valueLocation = valueLocation
    }
}

extension FrontMatter {
    /// The keys `FrontMatter` types and reads; every other key lands in `extras`.
    public static let knownKeys = ["title", "order", "summary", "lang", "author", "date"]
}
