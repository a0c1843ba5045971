import Charts
import Foundation
import Notebook

/// Grey-scale images as the page draws them: one byte per pixel (the PNG's own quantization,
/// `PNGEncoder.grayscaleBytes`), so a measurement holding them is small and exact.
struct GrayImages: Codable, Sendable, Hashable {
    var count: Int
    var pixels: Data

    init(_ rows: [[Double]]) {
        count = rows.count
        pixels = Data(rows.flatMap(PNGEncoder.grayscaleBytes))
    }

    /// The images as intensities in [0, 1]; they quantize back to the same bytes.
    var rows: [[Double]] {
        guard count > 0 else { return [] }
        let size = pixels.count / count
        let bytes = [UInt8](pixels)
        return (0..<count).map { i in bytes[(i * size)..<((i + 1) * size)].map { Double($0) / 255 } }
    }
}

/// How the rows of an image grid or the groups of a scatter are named.
enum RowKind: String, Codable, Sendable {
    /// "classe 0", "classe 1", … ("class 0" in English).
    case classes
    /// "k = 0", "k = 1", …
    case components

    func labels(_ count: Int, _ page: PageContext) -> [String] {
        (0..<count).map { self == .classes ? page.text("classe \($0)", "class \($0)") : "k = \($0)" }
    }
}
