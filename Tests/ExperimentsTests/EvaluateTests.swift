import Notebook
import Testing
@testable import Experiments

@Suite struct EvaluateTests {
    @Test func evaluatesEveryMetricAndIWAEIsTighter() throws {
        let results = try runBlock(#"""
            @Train(id: "vae", data: \#(tinyRing), \#(tinyNet), epochs: 3, lr: 0.01, seed: 1)
            @Train(id: "gm", model: .gmvae(components: 4), data: \#(tinyRing), \#(tinyNet), epochs: 3, lr: 0.01, seed: 1)
            @Evaluate(of: ["vae", "gm"], metrics: [.nelbo, .kl, .reconstruction, .iwae(samples: 50), .activeUnits, .klPerDimension])
            """#)
        let evaluation = results[2]
        let table = try #require(evaluation.tables.first)
        #expect(table.rows.map(\.first) == ["vae", "gm"])
        #expect(table.header == ["Id", "Modelo", "NELBO", "KL", "Reconstrução", "NLL IWAE (k = 50)", "Unidades ativas"])
        let s = evaluation.scalars
        for id in ["vae", "gm"] {
            let nelbo = try #require(s["\(id).nelbo"]), iwae = try #require(s["\(id).iwae50"])
            // E[L_k] ≥ ELBO: the IWAE NLL sits below the NELBO (up to single-sample noise).
            #expect(iwae <= nelbo + 0.05 * abs(nelbo), "\(id): iwae \(iwae), nelbo \(nelbo)")
            #expect((0...2).contains(s["\(id).activeUnits"] ?? -1))
        }
        // Evaluate uses the same test set and noise as the trainer's last evaluation.
        #expect(abs((s["vae.nelbo"] ?? 0) - (results[0].scalars["test.nelbo"] ?? 1)) < 1e-9)
        // Per-dimension KL only for the standard-normal prior; it sums to the analytic KL.
        let d1 = try #require(s["vae.kl.dim1"]), d2 = try #require(s["vae.kl.dim2"])
        #expect(d1 >= d2 && abs(d1 + d2 - (s["vae.kl"] ?? 0)) < 1e-3)
        #expect(evaluation.figures.count == 1 && isWellFormedXML(evaluation.figures[0].svg))
        #expect(evaluation.notes.contains { $0.contains("gm") })
    }

    @Test func unknownModelIsAFailure() throws {
        let (experiment, _) = readDirective(Evaluate.self, #"@Evaluate(of: ["nada"])"#)
        #expect(throws: ExperimentFailure.self) { _ = try #require(experiment).run(in: ExperimentContext()) }
    }
}
