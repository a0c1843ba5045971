import Charts
import LatentModels
import Notebook

extension PriorDensity {
    /// Both densities on the grid (row-major cells of `[−extent, extent]²`) and their measures.
    public struct Measurement: Codable, Sendable {
        var prior: [Double]
        var aggregate: [Double]
        var size: Int
        var extent: Double
        var priorMass, aggregateMass, holeMass, kl: Double
        var count: Int
        var priorModel: TrainingConfiguration.Model
    }

    func measure(prior: [Double], aggregate: [Double], grid: DensityGrid, measures m: Measures, count: Int,
                 priorModel: TrainingConfiguration.Model) throws -> ExperimentResult {
        try measured(Measurement(prior: prior, aggregate: aggregate, size: grid.size, extent: grid.extent,
                                 priorMass: m.priorMass, aggregateMass: m.aggregateMass, holeMass: m.holeMass, kl: m.kl,
                                 count: count, priorModel: priorModel),
                     scalars: ["prior.mass": m.priorMass, "aggregate.mass": m.aggregateMass, "hole.mass": m.holeMass,
                               "kl": m.kl, "extent": grid.extent])
    }

    public func present(measurement m: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
        let f = { page.decimal($0, digits: 3) }
        let c = { ResultTable.Cell.decimal($0, digits: 3) }
        let name = "densidade-\(model)"
        let priorName = ModelDescription.prior(m.priorModel, page)
        let range = "[\(f(-m.extent)), \(f(m.extent))]²"
        let summary = page.text(
            "Densidade do prior (\(priorName)) e da posterior agregada de '\(model)' (\(m.count) pontos de teste) "
                + "em \(range); massa do prior onde q(z) < p(z)/10: \(f(m.holeMass)).",
            "Density of the prior (\(priorName)) and of the aggregate posterior of '\(model)' (\(m.count) test points) "
                + "on \(range); prior mass where q(z) < p(z)/10: \(f(m.holeMass)).")
        let density = page.text("densidade", "density")
        let map = DensityMap(title: page.text("Prior e posterior agregada de \(model)", "Prior and aggregate posterior of \(model)"),
                             summary: summary, xAxis: .linear("z₁"), yAxis: .linear("z₂"), x: -m.extent...m.extent, y: -m.extent...m.extent,
                             panels: [DensityPanel("prior p(z)", columns: m.size, values: m.prior),
                                      DensityPanel(page.text("posterior agregada q(z)", "aggregate posterior q(z)"), columns: m.size,
                                                   values: m.aggregate)],
                             colorBarTitle: logScale ? page.text("densidade (escala log)", "density (log scale)") : density,
                             colorScale: logScale ? .logarithmic(decades: 4) : .linear, identifier: name)
        let figure = ResultFigure(
            name: name,
            caption: page.text("À esquerda, o prior p(z); à direita, a posterior agregada q(z) = (1/N) Σₙ q(z | xₙ) "
                                + "de \(m.count) pontos de teste, na mesma escala de cores. Regiões claras no prior e escuras "
                                + "em q(z) são os buracos: amostras do prior ali caem onde o decodificador não viu dados.",
                               "Left, the prior p(z); right, the aggregate posterior q(z) = (1/N) Σₙ q(z | xₙ) "
                                + "of \(m.count) test points, on the same colour scale. Regions light in the prior and dark "
                                + "in q(z) are the holes: prior samples there fall where the decoder saw no data."),
            svg: map.document(for: page), altText: summary)
        let table = ResultTable(
            name: name,
            caption: page.text("Massa de cada densidade na grade (≈ 1 quando a grade cobre a densidade), massa do prior nos buracos "
                                + "(onde q(z) < p(z)/10) e KL(q ‖ p) calculado na grade, em nats.",
                               "Mass of each density on the grid (≈ 1 when the grid covers the density), prior mass in the holes "
                                + "(where q(z) < p(z)/10) and KL(q ‖ p) computed on the grid, in nats."),
            header: page.isEnglish ? ["Prior mass", "Mass of q(z)", "Prior mass in the holes", "KL(q ‖ p)"]
                : ["Massa do prior", "Massa de q(z)", "Massa do prior nos buracos", "KL(q ‖ p)"],
            rows: [[c(m.priorMass), c(m.aggregateMass), c(m.holeMass), c(m.kl)]])
        return [.figure(figure), .table(table)]
    }
}
