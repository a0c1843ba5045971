/// A TeX math span found in the Markdown source, before cmark sees it.
///
/// `source` is the span exactly as written, delimiters included (`$a_i$`, `$$…$$`).
struct MathSpan: Sendable, Equatable {
    var source: String
    /// `$$…$$` rather than `$…$`.
    var isDisplay: Bool
}
