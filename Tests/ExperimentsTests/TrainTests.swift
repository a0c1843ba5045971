import Notebook
import Testing
@testable import Experiments

@Suite struct TrainTests {
    @Test func trainsAndReportsConsistentNumbers() throws {
        let results = try runBlock(#"""
            @Train(id: "vae", data: \#(tinyRing), \#(tinyNet), epochs: 1, seed: 3, caption: "Teste.", label: "tab-vae")
            """#)
        let result = try #require(results.first)
        let table = try #require(result.tables.first)
        #expect(table.caption == "Teste." && table.label == "tab-vae")
        // Wall time is not in the table (nor its CSV): it is a volatile timing note.
        #expect(table.header == ["Modelo", "NELBO de teste", "KL", "Reconstrução", "NELBO de treino", "Parâmetros"])
        #expect(result.outputs.contains { if case .timing(let text) = $0 { text.contains("s por época") } else { false } })
        let s = result.scalars
        let nelbo = try #require(s["test.nelbo"]), kl = try #require(s["test.kl"]), rec = try #require(s["test.reconstruction"])
        #expect(nelbo.isFinite && kl >= 0)
        #expect(abs(nelbo - (kl + rec)) < 1e-6 * max(1, abs(nelbo)))
        #expect(s["epochs"] == 1 && (s["parameters"] ?? 0) > 0 && s["seconds"] == nil)
        #expect((result.timings["seconds"] ?? -1) >= 0 && (result.timings["secondsPerEpoch"] ?? -1) >= 0)
        #expect(Set(result.artifacts.keys) == ["configuration.json", "weights", "history.json"])
        #expect(result.figures.count == 1 && result.figures.allSatisfy { isWellFormedXML($0.svg) })
    }

    @Test func moreEpochsLowerTheTestNELBO() throws {
        let results = try runBlock(#"""
            @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 1, lr: 0.01, seed: 5)
            @Train(id: "b", data: \#(tinyRing), \#(tinyNet), epochs: 8, lr: 0.01, seed: 5)
            """#)
        let one = try #require(results[0].scalars["test.nelbo"]), eight = try #require(results[1].scalars["test.nelbo"])
        #expect(eight < one, "8 epochs: \(eight), 1 epoch: \(one)")
    }

    @Test func showFalseLeavesOutTheCurves() throws {
        let results = try runBlock(#"@Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 1, show: false)"#)
        #expect(results[0].figures.isEmpty && results[0].tables.count == 1 && results[0].scalars["test.nelbo"] != nil)
    }

    @Test func stopsAtTheDeadline() throws {
        let failure = #expect(throws: ExperimentFailure.self) {
            _ = try runBlock(#"@Train(id: "v", data: \#(tinyRing), \#(tinyNet), epochs: 50)"#, timeLimit: 0)
        }
        #expect(failure?.id == "timeout")
    }

    @Test(arguments: [
        (#"@Train(id: "v", latent: 0)"#, "invalid-value"),
        (#"@Train(id: "v", model: .vampprior(pseudoInputs: 5), conditional: true)"#, "invalid-value"),
        (#"@Train(id: "v", model: .flow(couplings: 2), latent: 1)"#, "invalid-value"),
        (#"@Train(id: "v", epochs: "dez")"#, "wrong-type"),
        (#"@Train(id: "v", model: .gmvea)"#, "unknown-member"),
        (#"@Train(id: "v", epoch: 3)"#, "unknown-argument"),
        (#"@Train(model: .vae)"#, "missing-argument"),
    ])
    func rejectsBadArguments(source: String, id: String) {
        let (experiment, diagnostics) = readDirective(Train.self, source)
        #expect(experiment == nil || diagnostics.contains { $0.id == id })
        #expect(diagnostics.map(\.id).contains(id), "\(diagnostics)")
    }

    @Test func fashionMNISTDataFingerprintsItsFiles() throws {
        let (experiment, diagnostics) = readDirective(Train.self, #"@Train(id: "f", data: .fashionMNIST(train: 1000, binarize: .threshold(value: 0.5)))"#)
        #expect(diagnostics.isEmpty)
        let fingerprint = try #require(experiment).inputFingerprint
        #expect(fingerprint.contains("train-images-idx3-ubyte.gz"))
        let (synthetic, _) = readDirective(Train.self, #"@Train(id: "s", data: \#(tinyRing))"#)
        #expect(synthetic?.inputFingerprint == "")
    }
}
