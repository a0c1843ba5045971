import Foundation
import Testing
@testable import LatentModels

@Suite struct DataTests {
    @Test func fixedBinarizationMatchesTheNumPyReference() {
        // Values printed by Benchmarks/torch_vae.py's splitmix_uniform(2024, 5).
        let expected: [Float] = [0.6227654814720154, 0.09723186492919922, 0.29857611656188965,
                                 0.11618667840957642, 0.8305779099464417]
        let b = FixedBinarization(seed: 2024)
        for (i, u) in expected.enumerated() { #expect(b.uniform(i) == u) }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "\(FashionMNIST.defaultDirectory)/t10k-images-idx3-ubyte.gz")))
    func fashionMNISTTestSplitLoadsAndBinarizesLikeNumPy() throws {
        let test = try FashionMNIST.load(.test)
        #expect(test.count == 10_000 && test.dimension == 784 && test.classCount == 10)
        #expect(test.labels!.allSatisfy { (0..<10).contains($0) })
        #expect(test.features.allSatisfy { $0 >= 0 && $0 <= 1 })
        let binary = test.binarizedOnce(.dynamic, seed: 2024)
        // Totals printed by torch_vae.py's fixed_binarization(images, 2024).
        #expect(binary.features.reduce(0, +) == 2_247_774)
        let firstOn = binary.features[0..<784].indices.filter { binary.features[$0] == 1 }.prefix(4)
        #expect(Array(firstOn) == [268, 269, 276, 277])
    }

    @Test func missingFileNamesTheDebianPackage() {
        #expect(throws: DatasetError.missingFile(path: "/nonexistent/t10k-images-idx3-ubyte.gz", package: "dataset-fashion-mnist")) {
            try FashionMNIST.load(.test, directory: "/nonexistent")
        }
        let message = DatasetError.missingFile(path: "/x", package: "dataset-fashion-mnist").description
        #expect(message.contains("apt-get install dataset-fashion-mnist"))
    }

    @Test func idxParsesHeaderAndRejectsBadFiles() throws {
        let raw: [UInt8] = [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6]
        let file = try IDXFile(bytes: raw, path: "t")
        #expect(file.dimensions == [2, 3] && file.bytes == [1, 2, 3, 4, 5, 6])
        #expect(throws: DatasetError.self) { try IDXFile(bytes: Array(raw.dropLast()), path: "t") }
        #expect(throws: DatasetError.self) { try IDXFile(bytes: [1, 0, 8, 1], path: "t") }
    }

    @Test func gzipFilesAreInflated() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("latentmodels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.idx").path
        let raw: [UInt8] = [0, 0, 8, 1, 0, 0, 0, 4, 9, 8, 7, 6]
        try Data(raw).write(to: URL(fileURLWithPath: path))
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        gzip.arguments = ["-f", path]
        try gzip.run(); gzip.waitUntilExit()
        let file = try IDXFile.read(gzipPath: path + ".gz", package: nil)
        #expect(file.dimensions == [4] && file.bytes == [9, 8, 7, 6])
    }

    @Test(arguments: [SyntheticData.ring(components: 8, radius: 2, spread: 0.1), .pinwheel(arms: 5), .twoMoons(noise: 0.05)])
    func syntheticSetsAreReproducibleAndBalanced(kind: SyntheticData) {
        let a = kind.generate(count: 200, seed: 7), b = kind.generate(count: 200, seed: 7), c = kind.generate(count: 200, seed: 8)
        #expect(a.features == b.features && a.features != c.features)
        #expect(a.dimension == 2 && a.count == 200)
        let counts = (0..<kind.classCount).map { k in a.labels!.filter { $0 == k }.count }
        #expect(counts.max()! - counts.min()! <= 1)
        #expect(a.features.allSatisfy { $0.isFinite && Swift.abs($0) < 10 })
    }

    @Test func subsetsAreSeededAndBatchesBinarize() throws {
        let set = SyntheticData.twoMoons(noise: 0.1).generate(count: 100, seed: 1)
        let s1 = try set.randomSubset(count: 10, seed: 3), s2 = try set.randomSubset(count: 10, seed: 3)
        #expect(s1.features == s2.features && s1.count == 10)
        #expect(throws: DatasetError.subsetTooLarge(requested: 101, available: 100)) { try set.randomSubset(count: 101, seed: 1) }
        let grey = Dataset(name: "g", features: [Float](repeating: 0.3, count: 4000), dimension: 40, labels: nil, classCount: 0)
        let batch = grey.batch(0..<100, binarization: .dynamic, rng: .init(seed: 1))
        let mean = batch.scalars.reduce(0, +) / Float(batch.count)
        #expect(Set(batch.scalars).isSubset(of: [0, 1]) && Swift.abs(mean - 0.3) < 0.03)
        #expect(grey.batch([1, 2], binarization: .threshold(0.5)).scalars.allSatisfy { $0 == 0 })
    }
}
