import Dispatch
import Foundation
import Testing
import LatentModels
import Notebook
@testable import Experiments

/// Crafted arguments are diagnostics, never traps; oversized runs are refused before they start.
@Suite struct ResourceLimitTests {
    func invalid<E: Experiment>(_ type: E.Type, _ source: String) -> Diagnostic? {
        let (experiment, diagnostics) = readDirective(type, source)
        #expect(experiment == nil)
        return diagnostics.first { $0.id == "invalid-value" }
    }

    @Test func checkedSizesReportOverflow() {
        #expect(CheckedSize.product([1 << 40, 1 << 30]) == nil)
        #expect(CheckedSize.product([3, 4, 5]) == 60)
        #expect(CheckedSize.sum([Int.max, 1]) == nil && CheckedSize.sum([1, nil]) == nil && CheckedSize.sum([2, 3]) == 5)
        #expect(ResourceEstimate.bytes(2 << 30) == "2 GiB" && ResourceEstimate.bytes(12_884_901_888) == "12 GiB")
        #expect(ResourceEstimate.scientific(47_000_000_000_000) == "4.7×10¹³" && ResourceEstimate.scientific(1_000_000) == "10⁶")
    }

    @Test func klVarianceProductsDoNotOverflow() {
        // Σ samples ≈ 10¹⁰, × 10⁵ repeats × 10⁴ points overflows Int64: it used to trap.
        let samples = (1...10_000).map { String(1_000_000 - $0) }.joined(separator: ", ")
        let model = invalid(KLVariance.self, #"@KLVariance(of: "m", samples: [\#(samples)], repeats: 100000, points: 10000)"#)
        #expect(model?.message.contains("too many latent samples") == true)
        let given = invalid(KLVariance.self, #"@KLVariance(posterior: .gaussian(mean: [0], std: [1]), samples: [\#(samples)], repeats: 100000)"#)
        #expect(given?.message.contains("the limit is 100000000") == true)
    }

    @Test func gradientVarianceProductIsChecked() {
        let samples = (1...5000).map { String(100_000 - $0) }.joined(separator: ", ")
        let d = invalid(GradientVariance.self, #"@GradientVariance(samples: [\#(samples)], repeats: 10000)"#)
        #expect(d?.message.contains("the limit is 5×10⁷") == true)
    }

    @Test func hugeTrainingIsRefusedNamingTheProductAndTheLimit() throws {
        let d = try #require(invalid(Train.self, #"@Train(id: "v", hidden: 4096, layers: 8, batch: 65536)"#))
        #expect(d.message.contains("GiB") && d.message.contains("batch × hidden × layers") && d.message.contains("the limit is 2 GiB"))
        #expect(d.suggestion?.contains("batch") == true)
        // Within memory, but 10 000 epochs' worth of work, or too long a single step.
        let work = try #require(invalid(Train.self, #"@Train(id: "v", hidden: 2048, layers: 3, epochs: 1000)"#))
        #expect(work.message.contains("operations") && work.message.contains("10¹⁵"))
        let step = try #require(invalid(Train.self, #"@Train(id: "v", hidden: 1024, layers: 4, batch: 8192, epochs: 1)"#))
        #expect(step.message.contains("per step") && step.message.contains("5×10¹⁰"))
        let kl = try #require(invalid(Train.self, #"@Train(id: "v", model: .gmvae(components: 500), latent: 512, kl: .monteCarlo(samples: 100))"#))
        #expect(kl.message.contains("Monte-Carlo KL"))
    }

    @Test func otherTrainingDirectivesAreChecked() {
        #expect(invalid(ComparePriors.self, #"@ComparePriors(hidden: 4096, layers: 8, batch: 65536)"#) != nil)
        #expect(invalid(MixtureFit.self, #"@MixtureFit(data: .synthetic(set: .ring(components: 8), train: 1000000, test: 1000), components: [500], vae: false)"#) != nil)
        #expect(invalid(MixtureFit.self, #"@MixtureFit(hidden: 256, layers: 2, grid: 200, iwae: 500)"#)?.message.contains("density map") == true)
    }

    /// The defaults and every directive of the committed lessons stay far inside the limits.
    @Test func courseLessonsFitTheLimits() throws {
        #expect(readDirective(Train.self, #"@Train(id: "v")"#).diagnostics.isEmpty)
        let notes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Notes")
        let files = try FileManager.default.contentsOfDirectory(atPath: notes.path).filter { $0.hasSuffix(".md") }
        var checked = 0
        for file in files {
            let text = try String(contentsOf: notes.appendingPathComponent(file), encoding: .utf8)
            for block in text.components(separatedBy: "```swift-directive\n").dropFirst() {
                let source = block.components(separatedBy: "\n```")[0]
                for call in DirectiveParser.parse(source, file: file, startLine: 1, startColumn: 1).calls {
                    guard let type = Catalogue.registry[call.name] else { continue }
                    var reader = ArgumentReader(call: call, file: file)
                    _ = type.init(reading: &reader)
                    let invalid = reader.finish().filter { $0.id == "invalid-value" }
                    #expect(invalid.isEmpty, "\(file): @\(call.name): \(invalid)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }

    @Test func divergenceIsADivergedFailure() {
        let failure = TrainingRun.failure(.nonFinite(quantity: "loss", value: .nan, epoch: 2, step: 7), name: "v", learningRate: 0.003)
        #expect(failure.id == "diverged" && failure.message.contains("epoch 2, step 7"))
        #expect(failure.suggestion?.contains("'lr: 0.0003'") == true)
    }
}
