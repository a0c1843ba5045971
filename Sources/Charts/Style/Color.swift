/// An sRGB colour written as `#rrggbb`.
public struct Color: Hashable, Sendable, CustomStringConvertible {
    public var hex: String

    /// `hex` must be `#` followed by six hexadecimal digits.
    public init(hex: String) {
        precondition(hex.count == 7 && hex.first == "#" && hex.dropFirst().allSatisfy(\.isHexDigit),
                     "Color(hex:) expects '#rrggbb', got '\(hex)'")
        self.hex = hex.lowercased()
    }

    public var description: String { hex }

    public static let black = Color(hex: "#000000")
    public static let text = Color(hex: "#222222")
    public static let axis = Color(hex: "#444444")
    public static let grid = Color(hex: "#e6e6e6")
    public static let reference = Color(hex: "#555555")
}

/// Colour-blind-safe qualitative palette of Okabe & Ito (2008), ordered for lines on white:
/// blue, vermillion, bluish green, orange, reddish purple, sky blue, black, yellow.
public enum Palette {
    public static let okabeIto: [Color] = [
        Color(hex: "#0072B2"), Color(hex: "#D55E00"), Color(hex: "#009E73"), Color(hex: "#E69F00"),
        Color(hex: "#CC79A7"), Color(hex: "#56B4E9"), Color(hex: "#000000"), Color(hex: "#F0E442"),
    ]

    /// The colour of the `index`-th series, cycling through the palette.
    public static func color(at index: Int) -> Color { okabeIto[index % okabeIto.count] }
}
