import Foundation
import Charts
import LatentModels
import Notebook
import Tensors
import PortableMath

extension MixtureFit {
    /// Per seed (one without `seeds:`): each K's fit and the VAE's bounds; the first seed's
    /// density maps.
    public struct Measurement: Codable, Sendable {
        var runs: [Run]
        var maps: Maps

        struct Run: Codable, Sendable {
            var fits: [Fit]
            var vae: VAEValues?
        }
        struct Fit: Codable, Sendable {
            var k: Int
            var train, test: Double
            var iterations: Int
        }
        struct VAEValues: Codable, Sendable {
            var parameters: Int
            var train, test, kl: Double
        }
        /// Densities on a `grid × grid` lattice over `x` × `y`, per panel (up to five EM fits,
        /// then the VAE's), with 300 training points to draw on top.
        struct Maps: Codable, Sendable {
            var x: [Double], y: [Double]
            var panels: [Panel]
            var points: [[Double]]
        }
        struct Panel: Codable, Sendable {
            /// K of an EM fit; nil for the VAE.
            var k: Int?
            var values: [Double]
        }
    }

    func run(of m: MeasuredRun) -> Measurement.Run {
        Measurement.Run(fits: m.fits.map { .init(k: $0.k, train: $0.train, test: $0.test, iterations: $0.fit.iterations) },
                        vae: m.vae.map { .init(parameters: $0.model.parameters.scalarCount, train: $0.train, test: $0.test, kl: $0.kl) })
    }

    /// The scalars of one run (no `seeds:`) and its measurement.
    func measure(_ m: MeasuredRun) throws -> ExperimentResult {
        let run = run(of: m)
        var scalars: [String: Double] = [:]
        for r in run.fits {
            scalars["em.k\(r.k).train"] = r.train
            scalars["em.k\(r.k).test"] = r.test
            scalars["em.k\(r.k).iterations"] = Double(r.iterations)
        }
        if let best = run.fits.max(by: { $0.test < $1.test }) { scalars["best.k"] = Double(best.k) }
        if let vae = run.vae {
            scalars["vae.train"] = vae.train
            scalars["vae.test"] = vae.test
            scalars["vae.kl"] = vae.kl
        }
        return try measured(Measurement(runs: [run], maps: densityMaps(m)), scalars: scalars)
    }

    public func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        if seeds.isMultiple { return presentSeeds(measurement, in: page) }
        guard let run = measurement.runs.first else { return [] }
        let f = { ResultTable.Cell.decimal($0, digits: 4) }
        var rows: [[ResultTable.Cell]] = run.fits.map { r in
            [.text(page.text("Mistura finita (EM)", "Finite mixture (EM)")), .integer(r.k), .integer(r.k * (2 * 2 + 1) - 1),
             f(r.train), f(r.test), .integer(r.iterations)]
        }
        if let vae = run.vae {
            rows.append([.text(page.text("VAE (limite IWAE, k = \(iwaeSamples))", "VAE (IWAE bound, k = \(iwaeSamples))")), "∞",
                         .integer(vae.parameters), f(vae.train), f(vae.test), .text(page.text("\(epochs) épocas", "\(epochs) epochs"))])
        }
        let data = ModelDescription.synthetic(set, page)
        let table = ResultTable(
            name: "mistura-em",
            caption: page.text(
                "Log-verossimilhança média por ponto (nats; maior é melhor) de misturas finitas de gaussianas ajustadas por EM "
                    + "(inicialização k-means++, semente \(seed)) e de um VAE com latente de dimensão \(latent), no \(data) "
                    + "(\(page.number(trainCount)) pontos de treino, \(page.number(testCount)) de teste). Para o VAE, o limite inferior IWAE.",
                "Mean log-likelihood per point (nats; higher is better) of finite Gaussian mixtures fitted by EM "
                    + "(k-means++ initialization, seed \(seed)) and of a VAE with a latent of dimension \(latent), on the \(data) "
                    + "(\(page.number(trainCount)) training points, \(page.number(testCount)) test). For the VAE, the IWAE lower bound."),
            header: page.isEnglish ? ["Model", "Components (K)", "Parameters", "Training", "Test", "Iterations"]
                : ["Modelo", "Componentes (K)", "Parâmetros", "Treino", "Teste", "Iterações"],
            rows: rows)
        var outputs: [ExperimentOutput] = [.table(table), .figure(densityFigure(measurement.maps, page))]
        if let vae = run.vae { outputs.append(.note(klNote(vae.kl, ofSeeds: false, page))) }
        return outputs
    }

    func klNote(_ kl: Double, ofSeeds: Bool, _ page: PageContext) -> String {
        let value = page.decimal(kl, digits: 3)
        let collapsed = kl < 0.1
        return page.text(
            "KL médio de teste do VAE\(ofSeeds ? " (média das sementes)" : ""): \(value) nats"
                + (collapsed ? " — a posterior colapsou no prior, e o VAE se comporta como uma única gaussiana." : "."),
            "Mean test KL of the VAE\(ofSeeds ? " (mean of the seeds)" : ""): \(value) nats"
                + (collapsed ? " — the posterior collapsed onto the prior, and the VAE behaves as a single Gaussian." : "."))
    }

    /// Density maps of (up to five) EM fits and of the VAE on a grid around the training points.
    func densityMaps(_ m: MeasuredRun) -> Measurement.Maps {
        let train = m.train
        let xs = train.map { $0[0] }, ys = train.map { $0[1] }
        let pad = 0.1 * max((xs.max()! - xs.min()!), (ys.max()! - ys.min()!))
        let x = (xs.min()! - pad)...(xs.max()! + pad), y = (ys.min()! - pad)...(ys.max()! + pad)
        let dx = (x.upperBound - x.lowerBound) / Double(grid), dy = (y.upperBound - y.lowerBound) / Double(grid)
        var centres: [[Double]] = []
        for r in 0..<grid {
            for c in 0..<grid { centres.append([x.lowerBound + (Double(c) + 0.5) * dx, y.lowerBound + (Double(r) + 0.5) * dy]) }
        }
        let fits = m.fits
        let shownFits = fits.count <= 5 ? fits : (0..<5).map { fits[$0 * (fits.count - 1) / 4] }
        var panels = shownFits.map { r in
            Measurement.Panel(k: r.k, values: centres.map { PortableMath.exp(r.fit.mixture.logDensity($0)) })
        }
        if let vae = m.vae {
            let logDensity = withNoGrad {
                vae.model.importanceWeightedBound(TensorConversion.matrix(centres), samples: min(iwaeSamples, 500),
                                                  rng: RandomGenerator(seed: UInt64(seed)).stream(0x6D))
            }
            panels.append(.init(k: nil, values: TensorConversion.doubles(logDensity).map { PortableMath.exp($0) }))
        }
        return Measurement.Maps(x: [x.lowerBound, x.upperBound], y: [y.lowerBound, y.upperBound], panels: panels,
                                points: Array(train.prefix(300)))
    }

    /// The maps, three panels a row; the colour scale tops out at the 99th percentile of all
    /// cells, so one extreme cell (the VAE's IWAE estimate is heavy-tailed) cannot darken every panel.
    func densityFigure(_ maps: Measurement.Maps, _ page: PageContext) -> ResultFigure {
        let panels = maps.panels.map { panel in
            DensityPanel(panel.k.map { "EM, K = \($0)" } ?? "VAE (IWAE)", columns: grid, values: panel.values, points: maps.points)
        }
        let summary = page.text("Densidades estimadas sobre o \(ModelDescription.synthetic(set, page)): ",
                                "Estimated densities over the \(ModelDescription.synthetic(set, page)): ")
            + panels.map { (panel: DensityPanel) in panel.heading }.joined(separator: ", ")
            + page.text("; pontos brancos: 300 pontos de treino.", "; white dots: 300 training points.")
        let map = DensityMap(title: page.text("Misturas finitas e VAE", "Finite mixtures and VAE"), summary: summary,
                             xAxis: .linear("x₁"), yAxis: .linear("x₂"),
                             x: maps.x[0]...maps.x[1], y: maps.y[0]...maps.y[1], panels: panels,
                             colorBarTitle: page.text("densidade", "density"), colorScale: .linearClipped(quantile: 0.99),
                             panelSize: 220, panelsPerRow: 3, identifier: "mistura-em-densidades")
        let k = min(iwaeSamples, 500)
        return ResultFigure(name: "mistura-em-densidades",
                            caption: page.text("Densidade de cada modelo na mesma escala de cores (saturada no 1% de células mais densas); "
                                                + "o VAE pela exponencial do limite IWAE (k = \(k)), que subestima a densidade.",
                                               "Density of each model on the same colour scale (saturated at the densest 1% of cells); "
                                                + "the VAE by the exponential of the IWAE bound (k = \(k)), which underestimates the density."),
                            svg: map.document(for: page), altText: summary)
    }
}
