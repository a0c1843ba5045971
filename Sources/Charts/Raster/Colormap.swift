/// A sequential colour map from [0, 1] to sRGB.
///
/// `viridis` (van der Walt & Smith, matplotlib) is perceptually uniform, readable in grey
/// scale and by readers with the common colour-vision deficiencies. It is stored as 17
/// evenly spaced samples of the original table and interpolated linearly in sRGB (the
/// error against the 256-entry table is below 1/255 per channel on average).
public struct Colormap: Hashable, Sendable {
    /// Evenly spaced stops from 0 to 1, as (r, g, b) in 0…255.
    public let stops: [[Double]]

    public init(stops: [[Double]]) {
        precondition(stops.count >= 2 && stops.allSatisfy { $0.count == 3 }, "Colormap needs ≥ 2 RGB stops")
        self.stops = stops
    }

    public static let viridis = Colormap(stops: [
        [68, 1, 84], [72, 24, 106], [71, 45, 123], [66, 64, 134], [59, 82, 139], [51, 99, 141],
        [44, 114, 142], [38, 130, 142], [33, 145, 140], [31, 160, 136], [40, 174, 128], [63, 188, 115],
        [94, 201, 98], [132, 212, 75], [173, 220, 48], [216, 226, 25], [253, 231, 37],
    ])

    /// The colour at `t` (clamped to [0, 1]; NaN maps to 0) as three bytes.
    public func rgb(_ t: Double) -> (UInt8, UInt8, UInt8) {
        let u = t.isNaN ? 0 : min(max(t, 0), 1) * Double(stops.count - 1)
        let i = min(Int(u), stops.count - 2)
        let f = u - Double(i)
        func channel(_ c: Int) -> UInt8 {
            UInt8((stops[i][c] * (1 - f) + stops[i + 1][c] * f).rounded())
        }
        return (channel(0), channel(1), channel(2))
    }

    /// The colour at `t` as `#rrggbb`.
    public func color(_ t: Double) -> Color {
        let (r, g, b) = rgb(t)
        func hex(_ v: UInt8) -> String { let s = String(v, radix: 16); return s.count == 1 ? "0" + s : s }
        return Color(hex: "#" + hex(r) + hex(g) + hex(b))
    }
}
