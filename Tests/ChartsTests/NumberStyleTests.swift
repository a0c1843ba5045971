import Testing
@testable import Charts

/// Charts write every text they draw in the page's number format; geometry never changes.
@Suite struct NumberStyleTests {
    let chart = LineChart(title: "KL 0.72", summary: "De 10000 a 0.5 nats.", xAxis: .linear("Época"), yAxis: .linear("KL"),
                          series: [LineSeries("inclinação -1/2", x: [1, 2, 3], y: [-2, -1.2, 0.5])], identifier: "c")

    @Test func aPortuguesePageGetsCommasTrueMinusesAndGrouping() {
        var pt = chart
        pt.numberStyle = NumberStyle(language: "pt-BR")
        let svg = pt.svg(), plain = chart.svg()
        #expect(svg.contains("<title id=\"c-title\">KL 0,72</title>"))
        #expect(svg.contains(">De 10\u{202F}000 a 0,5 nats.</desc>"))
        #expect(svg.contains(">−2</text>") && svg.contains(">1,5</text>") && !svg.contains(">-2</text>"))
        // Text that is not one number keeps its ASCII hyphen; attributes keep the machine form.
        #expect(svg.contains("inclinação -1/2"))
        let numericAttributes = svg.components(separatedBy: "\"").filter { value in
            value.contains(",") && (value.first.map(\.isNumber) ?? false)
        }
        #expect(numericAttributes.isEmpty)
        #expect(plain.contains(">-2</text>") && plain.contains(">1.5</text>") && plain.contains("KL 0.72"))
    }

    @Test func anEnglishPageKeepsTheDotAndGetsTrueMinuses() {
        var en = chart
        en.numberStyle = NumberStyle(language: "en")
        let svg = en.svg()
        #expect(svg.contains(">−2</text>") && svg.contains(">1.5</text>") && svg.contains("De 10000 a 0.5 nats."))
    }

    @Test func thePlainStyleChangesNothing() {
        for text in ["-0.25", "1.2e-05", "10000 de treino", "x-1 e -3 nats", "0.5"] {
            #expect(NumberStyle.plain.label(text) == text)
        }
        #expect(NumberStyle(language: "pt-BR").label("-0.25") == "−0,25")
        #expect(NumberStyle(language: "pt-BR").label("x-1 e -3 nats") == "x-1 e -3 nats")
    }
}
