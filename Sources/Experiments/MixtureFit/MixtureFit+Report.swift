import Foundation
import Charts
import LatentModels
import Notebook
import Tensors
import PortableMath

extension MixtureFit {
    func report(fits: [EMResult], vae: (model: VAE, train: Double, test: Double, kl: Double)?, train: [[Double]]) -> ExperimentResult {
        let f = { SignificantFormat.format($0, digits: 4) }
        var scalars: [String: Double] = [:]
        var rows: [[String]] = []
        for r in fits {
            let parameters = r.k * (2 * 2 + 1) - 1
            rows.append(["Mistura finita (EM)", String(r.k), String(parameters), f(r.train), f(r.test), String(r.fit.iterations)])
            scalars["em.k\(r.k).train"] = r.train
            scalars["em.k\(r.k).test"] = r.test
            scalars["em.k\(r.k).iterations"] = Double(r.fit.iterations)
        }
        if let best = fits.max(by: { $0.test < $1.test }) { scalars["best.k"] = Double(best.k) }
        if let vae {
            rows.append(["VAE (limite IWAE, k = \(iwaeSamples))", "∞", String(vae.model.parameters.scalarCount),
                         f(vae.train), f(vae.test), "\(epochs) épocas"])
            scalars["vae.train"] = vae.train
            scalars["vae.test"] = vae.test
            scalars["vae.kl"] = vae.kl
        }
        let data = ModelDescription.synthetic(set)
        let table = ResultTable(
            name: "mistura-em",
            caption: "Log-verossimilhança média por ponto (nats; maior é melhor) de misturas finitas de gaussianas ajustadas por EM "
                + "(inicialização k-means++, semente \(seed)) e de um VAE com latente de dimensão \(latent), no \(data) "
                + "(\(trainCount) pontos de treino, \(testCount) de teste). Para o VAE, o limite inferior IWAE.",
            header: ["Modelo", "Componentes (K)", "Parâmetros", "Treino", "Teste", "Iterações"], rows: rows)
        var outputs: [ExperimentOutput] = [.table(table), .figure(densityFigure(fits: fits, vae: vae, train: train))]
        if let vae {
            outputs.append(.note("KL médio de teste do VAE: \(SignificantFormat.format(vae.kl, digits: 3)) nats"
                                 + (vae.kl < 0.1 ? " — a posterior colapsou no prior, e o VAE se comporta como uma única gaussiana." : ".")))
        }
        return ExperimentResult(outputs: outputs, scalars: scalars)
    }

    /// Density maps of (up to five) EM fits and of the VAE, with the training points on top, three
    /// panels a row; the colour scale tops out at the 99th percentile of all cells, so one
    /// extreme cell (the VAE's IWAE estimate is heavy-tailed) cannot darken every panel.
    func densityFigure(fits: [EMResult], vae: (model: VAE, train: Double, test: Double, kl: Double)?,
                               train: [[Double]]) -> ResultFigure {
        let xs = train.map { $0[0] }, ys = train.map { $0[1] }
        let pad = 0.1 * max((xs.max()! - xs.min()!), (ys.max()! - ys.min()!))
        let x = (xs.min()! - pad)...(xs.max()! + pad), y = (ys.min()! - pad)...(ys.max()! + pad)
        let dx = (x.upperBound - x.lowerBound) / Double(grid), dy = (y.upperBound - y.lowerBound) / Double(grid)
        var centres: [[Double]] = []
        for r in 0..<grid {
            for c in 0..<grid { centres.append([x.lowerBound + (Double(c) + 0.5) * dx, y.lowerBound + (Double(r) + 0.5) * dy]) }
        }
        let shownFits = fits.count <= 5 ? fits : (0..<5).map { fits[$0 * (fits.count - 1) / 4] }
        let overlay = Array(train.prefix(300))
        var panels = shownFits.map { r in
            DensityPanel("EM, K = \(r.k)", columns: grid, values: centres.map { PortableMath.exp(r.fit.mixture.logDensity($0)) }, points: overlay)
        }
        if let vae {
            let logDensity = withNoGrad {
                vae.model.importanceWeightedBound(TensorConversion.matrix(centres), samples: min(iwaeSamples, 500),
                                                  rng: RandomGenerator(seed: UInt64(seed)).stream(0x6D))
            }
            panels.append(DensityPanel("VAE (IWAE)", columns: grid, values: TensorConversion.doubles(logDensity).map { PortableMath.exp($0) },
                                       points: overlay))
        }
        let summary = "Densidades estimadas sobre o \(ModelDescription.synthetic(set)): " + panels.map { (panel: DensityPanel) in panel.heading }.joined(separator: ", ")
            + "; pontos brancos: 300 pontos de treino."
        let map = DensityMap(title: "Misturas finitas e VAE", summary: summary, xAxis: .linear("x₁"), yAxis: .linear("x₂"),
                             x: x, y: y, panels: panels, colorBarTitle: "densidade", colorScale: .linearClipped(quantile: 0.99),
                             panelSize: 220, panelsPerRow: 3, identifier: "mistura-em-densidades")
        return ResultFigure(name: "mistura-em-densidades",
                            caption: "Densidade de cada modelo na mesma escala de cores (saturada no 1% de células mais densas); "
                                + "o VAE pela exponencial do limite IWAE (k = \(min(iwaeSamples, 500))), que subestima a densidade.",
                            svg: map.svg(), altText: summary)
    }
}
