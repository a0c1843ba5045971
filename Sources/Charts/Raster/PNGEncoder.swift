import Foundation

/// A minimal PNG encoder for 8-bit grayscale and RGB images (ISO/IEC 15948).
///
/// The zlib stream uses stored (uncompressed) deflate blocks, so no compression library is
/// needed: `IHDR`, one `IDAT`, `IEND`, each chunk with its CRC-32; the zlib stream ends with
/// the Adler-32 of the raw scanlines. Every scanline uses filter type 0 (none). Images of the
/// lessons are small (a few hundred kilobytes at most), so the missing compression is cheap.
public enum PNGEncoder {
    public enum ColorType: UInt8, Sendable {
        case grayscale = 0
        case rgb = 2
        var channels: Int { self == .grayscale ? 1 : 3 }
    }

    /// Encodes `pixels` (row-major, `width × height × channels` bytes).
    public static func encode(width: Int, height: Int, colorType: ColorType, pixels: [UInt8]) -> Data {
        precondition(width > 0 && height > 0, "PNGEncoder: empty image \(width)×\(height)")
        precondition(pixels.count == width * height * colorType.channels,
                     "PNGEncoder: \(pixels.count) bytes for \(width)×\(height)×\(colorType.channels)")
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, colorType.rawValue, 0, 0, 0])
        appendChunk("IHDR", header, to: &png)

        let stride = width * colorType.channels
        var raw = [UInt8]()
        raw.reserveCapacity(height * (stride + 1))
        for row in 0..<height {
            raw.append(0)
            raw.append(contentsOf: pixels[(row * stride)..<((row + 1) * stride)])
        }
        appendChunk("IDAT", zlibStored(raw), to: &png)
        appendChunk("IEND", Data(), to: &png)
        return png
    }

    /// Grayscale intensities in [0, 1] (clamped; NaN is black) to bytes.
    public static func grayscaleBytes(_ values: [Double]) -> [UInt8] {
        values.map { v in v.isNaN ? 0 : UInt8((min(max(v, 0), 1) * 255).rounded()) }
    }

    /// `data:image/png;base64,…` for an `<image href>`.
    public static func dataURI(_ png: Data) -> String {
        "data:image/png;base64," + png.base64EncodedString()
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951 §3.2.4).
    static func zlibStored(_ bytes: [UInt8]) -> Data {
        var out = Data([0x78, 0x01])
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let final: UInt8 = offset + length == bytes.count ? 1 : 0
            out.append(final)
            out.append(UInt8(length & 0xFF)); out.append(UInt8(length >> 8))
            let complement = ~UInt16(length)
            out.append(UInt8(complement & 0xFF)); out.append(UInt8(complement >> 8))
            out.append(contentsOf: bytes[offset..<(offset + length)])
            offset += length
        } while offset < bytes.count
        out.appendBigEndian(adler32(bytes))
        return out
    }

    private static func appendChunk(_ type: String, _ data: Data, to png: inout Data) {
        png.appendBigEndian(UInt32(data.count))
        let typeAndData = Data(type.utf8) + data
        png.append(typeAndData)
        png.appendBigEndian(crc32(typeAndData))
    }

    /// CRC-32 (ISO 3309, polynomial 0xEDB88320, reflected), as PNG chunks use.
    static func crc32<S: Sequence>(_ bytes: S) -> UInt32 where S.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// Adler-32 (RFC 1950 §8).
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for chunk in stride(from: 0, to: bytes.count, by: 5552) {
            for byte in bytes[chunk..<min(chunk + 5552, bytes.count)] {
                a += UInt32(byte)
                b += a
            }
            a %= 65_521
            b %= 65_521
        }
        return (b << 16) | a
    }
}

extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
