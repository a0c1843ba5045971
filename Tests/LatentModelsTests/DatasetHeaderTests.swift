import Foundation
import Testing
@testable import LatentModels

/// Crafted IDX headers and Fashion-MNIST folders: every one is a `DatasetError.corrupt`, never a trap.
@Suite struct DatasetHeaderTests {
    static func header(rank: UInt8, _ dimensions: [UInt32]) -> [UInt8] {
        [0, 0, 8, rank] + dimensions.flatMap { d in [UInt8(d >> 24), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
    }

    func reason(_ bytes: [UInt8]) -> String? {
        do {
            _ = try IDXFile(bytes: bytes, path: "crafted")
            return nil
        } catch let DatasetError.corrupt(_, reason) {
            return reason
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func overflowingDimensionsAreRejected() {
        // 0xFFFFFFFF⁴ overflows Int; 65 536 × 65 536 fits but exceeds the 1 GiB bound.
        #expect(reason(Self.header(rank: 4, [.max, .max, .max, .max]))?.contains("exceed") == true)
        #expect(reason(Self.header(rank: 2, [65_536, 65_536]))?.contains("exceed") == true)
    }

    @Test func zeroDimensionsBadRanksAndShortPayloadsAreRejected() {
        #expect(reason(Self.header(rank: 3, [10, 0, 28]))?.contains("dimension 2 is 0") == true)
        #expect(reason(Self.header(rank: 0, []))?.contains("0 dimensions") == true)
        #expect(reason([0, 0, 8, 200] + [UInt8](repeating: 1, count: 800))?.contains("200 dimensions") == true)
        #expect(reason(Self.header(rank: 1, [5]) + [1, 2, 3])?.contains("promises 5 bytes") == true)
        #expect(reason([0, 1, 8, 1])?.contains("magic") == true)
        #expect(reason(Self.header(rank: 1, [3]) + [1, 2, 3]) == nil)
    }

    /// Writes a test split into a fresh folder (plain files: zlib reads them as they are).
    func folder(images: [UInt8], labels: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(images).write(to: directory.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        try Data(labels).write(to: directory.appendingPathComponent("t10k-labels-idx1-ubyte.gz"))
        return directory.path
    }

    func loadReason(images: [UInt8], labels: [UInt8]) throws -> String? {
        let directory = try folder(images: images, labels: labels)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            _ = try FashionMNIST.load(.test, directory: directory)
            return nil
        } catch let DatasetError.corrupt(_, reason) {
            return reason
        }
    }

    @Test func fashionMNISTFolderIsValidated() throws {
        let images = Self.header(rank: 3, [2, 2, 2]) + [UInt8](repeating: 128, count: 8)
        #expect(try loadReason(images: images, labels: Self.header(rank: 1, [2]) + [3, 9]) == nil)
        #expect(try loadReason(images: images, labels: Self.header(rank: 1, [3]) + [1, 2, 3])?.contains("3 labels for 2 images") == true)
        #expect(try loadReason(images: images, labels: Self.header(rank: 1, [2]) + [1, 10])?.contains("label 10") == true)
        #expect(try loadReason(images: Self.header(rank: 2, [2, 4]) + [UInt8](repeating: 0, count: 8),
                               labels: Self.header(rank: 1, [2]) + [0, 1])?.contains("3 dimensions") == true)
        #expect(try loadReason(images: images, labels: Self.header(rank: 2, [1, 2]) + [0, 1])?.contains("1 dimension") == true)
    }

    @Test func realGzipFilesLoad() throws {
        let images = Self.header(rank: 3, [1, 2, 2]) + [0, 255, 0, 255]
        let directory = try folder(images: images, labels: Self.header(rank: 1, [1]) + [4])
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        guard FileManager.default.isExecutableFile(atPath: "/bin/gzip") else { return }
        // Compress the images for real and put them back under the expected name.
        let path = directory + "/t10k-images-idx3-ubyte.gz"
        try FileManager.default.moveItem(atPath: path, toPath: directory + "/images")
        gzip.arguments = ["-n", directory + "/images"]
        try gzip.run()
        gzip.waitUntilExit()
        try FileManager.default.moveItem(atPath: directory + "/images.gz", toPath: path)
        let set = try FashionMNIST.load(.test, directory: directory)
        #expect(set.count == 1 && set.dimension == 4 && set.features == [0, 1, 0, 1] && set.labels == [4])
    }
}
