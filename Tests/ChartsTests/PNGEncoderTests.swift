import Foundation
import Testing
@testable import Charts

@Suite struct PNGEncoderTests {
    @Test func checksumsMatchTheirReferenceValues() {
        #expect(PNGEncoder.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNGEncoder.crc32(Array("IEND".utf8)) == 0xAE42_6082)
        #expect(PNGEncoder.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(PNGEncoder.adler32([]) == 1)
    }

    @Test func writesSignatureHeaderAndChunks() {
        let png = [UInt8](PNGEncoder.encode(width: 3, height: 2, colorType: .grayscale, pixels: [0, 128, 255, 255, 128, 0]))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: length 13, type, width 3, height 2, depth 8, colour type 0.
        #expect(Array(png[8..<16]) == [0, 0, 0, 13] + Array("IHDR".utf8))
        #expect(Array(png[16..<29]) == [0, 0, 0, 3, 0, 0, 0, 2, 8, 0, 0, 0, 0])
        #expect(Array(png.suffix(12)) == [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82])
    }

    /// The zlib stream holds the filtered scanlines verbatim in stored blocks.
    @Test func storedBlocksCarryTheScanlines() {
        let bytes = (0..<70_000).map { UInt8($0 % 251) }
        let stream = [UInt8](PNGEncoder.zlibStored(bytes))
        #expect(stream[0] == 0x78 && (UInt16(stream[0]) << 8 | UInt16(stream[1])) % 31 == 0)
        // Two blocks: 65535 bytes (not final), then the rest (final).
        #expect(stream[2] == 0 && stream[3] == 0xFF && stream[4] == 0xFF && stream[5] == 0 && stream[6] == 0)
        let second = 2 + 5 + 65_535
        #expect(stream[second] == 1)
        let rest = 70_000 - 65_535
        #expect(Int(stream[second + 1]) | Int(stream[second + 2]) << 8 == rest)
        #expect(Array(stream[7..<(7 + 65_535)]) == Array(bytes.prefix(65_535)))
        #expect(stream.count == 2 + 5 + 65_535 + 5 + rest + 4)
    }

    @Test func grayscaleBytesClampAndRound() {
        #expect(PNGEncoder.grayscaleBytes([-1, 0, 0.5, 1, 2, .nan]) == [0, 0, 128, 255, 255, 0])
    }

    @Test func viridisRunsFromPurpleToYellow() {
        #expect(Colormap.viridis.color(0).hex == "#440154" && Colormap.viridis.color(1).hex == "#fde725")
        #expect(Colormap.viridis.color(-3) == Colormap.viridis.color(0) && Colormap.viridis.color(.nan) == Colormap.viridis.color(0))
        // Perceptually ordered: luminance increases monotonically along the map.
        let luminance = (0...50).map { i -> Double in
            let (r, g, b) = Colormap.viridis.rgb(Double(i) / 50)
            return 0.2126 * Double(r) + 0.7152 * Double(g) + 0.0722 * Double(b)
        }
        #expect(zip(luminance, luminance.dropFirst()).allSatisfy { $0 < $1 })
    }
}
