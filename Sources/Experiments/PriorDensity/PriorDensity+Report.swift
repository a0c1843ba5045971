import Charts
import Notebook

extension PriorDensity {
    func report(prior: [Double], aggregate: [Double], grid: DensityGrid, measures m: Measures, count: Int,
                priorName: String) -> ExperimentResult {
        let f = { SignificantFormat.format($0, digits: 3) }
        let name = "densidade-\(model)"
        let summary = "Densidade do prior (\(priorName)) e da posterior agregada de '\(model)' (\(count) pontos de teste) "
            + "em [−\(f(grid.extent)), \(f(grid.extent))]²; massa do prior onde q(z) < p(z)/10: \(f(m.holeMass))."
        let map = DensityMap(title: "Prior e posterior agregada de \(model)", summary: summary,
                             xAxis: .linear("z₁"), yAxis: .linear("z₂"), x: -grid.extent...grid.extent, y: -grid.extent...grid.extent,
                             panels: [DensityPanel("prior p(z)", columns: grid.size, values: prior),
                                      DensityPanel("posterior agregada q(z)", columns: grid.size, values: aggregate)],
                             colorBarTitle: logScale ? "densidade (escala log)" : "densidade",
                             colorScale: logScale ? .logarithmic(decades: 4) : .linear, identifier: name)
        let figure = ResultFigure(name: name,
                                  caption: "À esquerda, o prior p(z); à direita, a posterior agregada q(z) = (1/N) Σₙ q(z | xₙ) "
                                      + "de \(count) pontos de teste, na mesma escala de cores. Regiões claras no prior e escuras "
                                      + "em q(z) são os buracos: amostras do prior ali caem onde o decodificador não viu dados.",
                                  svg: map.svg(), altText: summary)
        let table = ResultTable(
            name: name,
            caption: "Massa de cada densidade na grade (≈ 1 quando a grade cobre a densidade), massa do prior nos buracos "
                + "(onde q(z) < p(z)/10) e KL(q ‖ p) calculado na grade, em nats.",
            header: ["Massa do prior", "Massa de q(z)", "Massa do prior nos buracos", "KL(q ‖ p)"],
            rows: [[f(m.priorMass), f(m.aggregateMass), f(m.holeMass), f(m.kl)]])
        return ExperimentResult(outputs: [.figure(figure), .table(table)],
                                scalars: ["prior.mass": m.priorMass, "aggregate.mass": m.aggregateMass,
                                          "hole.mass": m.holeMass, "kl": m.kl, "extent": grid.extent])
    }
}
