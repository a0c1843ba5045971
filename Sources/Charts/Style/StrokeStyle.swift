/// How a line is drawn.
public enum StrokeStyle: Hashable, Sendable {
    case solid, dashed, dotted

    /// The `stroke-dasharray` value, nil for a solid line.
    var dashArray: String? {
        switch self {
        case .solid: nil
        case .dashed: "6 4"
        case .dotted: "2 3"
        }
    }
}

/// Fonts and sizes shared by every chart.
public enum ChartTheme {
    /// System sans-serif stack, no web fonts (pages must work offline).
    public static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
    public static let fontSize: Double = 12
    public static let axisTitleFontSize: Double = 13
    /// Average advance of a character at `fontSize`, for layout estimates (no font metrics available).
    static let characterWidth: Double = 6.6

    /// Estimated rendered width of `text` at `size` px.
    static func textWidth(_ text: String, size: Double = fontSize) -> Double {
        Double(text.count) * characterWidth * size / fontSize
    }
}
