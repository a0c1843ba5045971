import Foundation

/// A grid of small grayscale images (e.g. 28×28 Fashion-MNIST digits), rendered as one
/// embedded PNG mosaic inside an accessible `<svg>`, with optional row labels on the left.
///
/// ```swift
/// ImageGrid(title: "Amostras", summary: "64 imagens geradas a partir do prior.",
///           images: samples, imageWidth: 28, imageHeight: 28, columns: 8).svg()
/// ```
///
/// Intensities are in [0, 1] (clamped), 0 black, 1 white; `inverted` draws 1 as black, as
/// ink on paper. Images are separated by `gap` pixels of mid-grey in the mosaic and scaled
/// by `scale` with nearest-neighbour sampling (`image-rendering: pixelated`).
public struct ImageGrid: Hashable, Sendable {
    /// How the page writes numbers; every text the chart draws goes through it (`plain`: the
    /// machine form).
    public var numberStyle = NumberStyle.plain
    public var title: String
    public var summary: String
    /// One array of `imageWidth × imageHeight` intensities per image, row-major.
    public var images: [[Double]]
    public var imageWidth: Int
    public var imageHeight: Int
    public var columns: Int
    /// Labels for the rows, left of the grid (empty for none).
    public var rowLabels: [String]
    public var scale: Double
    public var gap: Int
    public var inverted: Bool
    public var identifier: String?

    public init(title: String, summary: String, images: [[Double]], imageWidth: Int, imageHeight: Int, columns: Int,
                rowLabels: [String] = [], scale: Double = 2, gap: Int = 1, inverted: Bool = false,
                identifier: String? = nil) {
        precondition(!images.isEmpty && columns > 0, "ImageGrid needs images and columns > 0")
        precondition(images.allSatisfy { $0.count == imageWidth * imageHeight },
                     "ImageGrid: every image needs \(imageWidth)×\(imageHeight) values")
        self.title = title
        self.summary = summary
        self.images = images
        self.imageWidth = imageWidth
        self.imageHeight = imageHeight
        self.columns = columns
        self.rowLabels = rowLabels
        self.scale = scale
        self.gap = gap
        self.inverted = inverted
        self.identifier = identifier
    }

    public var rows: Int { (images.count + columns - 1) / columns }

    /// The mosaic: `rows × columns` images with `gap` grey pixels between them.
    public func mosaic() -> (width: Int, height: Int, pixels: [UInt8]) {
        let width = columns * imageWidth + (columns - 1) * gap
        let height = rows * imageHeight + (rows - 1) * gap
        var pixels = [UInt8](repeating: 128, count: width * height)
        for (index, image) in images.enumerated() {
            let (r, c) = (index / columns, index % columns)
            let bytes = PNGEncoder.grayscaleBytes(inverted ? image.map { 1 - $0 } : image)
            for y in 0..<imageHeight {
                let destination = (r * (imageHeight + gap) + y) * width + c * (imageWidth + gap)
                for x in 0..<imageWidth { pixels[destination + x] = bytes[y * imageWidth + x] }
            }
        }
        return (width, height, pixels)
    }

    public func document() -> SVGDocument {
        let id = ChartDocument.elementID(identifier, prefix: "images", title: title, summary: summary)
        let (w, h, pixels) = mosaic()
        let labelWidth = rowLabels.isEmpty ? 0 : (rowLabels.map { ChartTheme.textWidth($0) }.max() ?? 0) + 12
        let width = labelWidth + Double(w) * scale + 8, height = Double(h) * scale + 8
        var svg = SVGWriter()
        svg.numberStyle = numberStyle
        ChartDocument.open(&svg, id: id, title: title, summary: summary, width: width, height: height)
        let png = PNGEncoder.encode(width: w, height: h, colorType: .grayscale, pixels: pixels)
        svg.element("image", [("x", px(labelWidth + 4)), ("y", "4"), ("width", px(Double(w) * scale)),
                              ("height", px(Double(h) * scale)), ("style", "image-rendering: pixelated"),
                              ("href", PNGEncoder.dataURI(png))])
        if !rowLabels.isEmpty {
            svg.open("g", [("class", "row-labels"), ("fill", Color.text.hex), ("text-anchor", "end")])
            for (row, label) in rowLabels.prefix(rows).enumerated() {
                let y = 4 + (Double(row) * Double(imageHeight + gap) + Double(imageHeight) / 2) * scale
                svg.element("text", [("x", px(labelWidth - 4)), ("y", px(y)), ("dy", "0.32em")], text: label)
            }
            svg.close()
        }
        svg.close()
        return svg.document()
    }
}
