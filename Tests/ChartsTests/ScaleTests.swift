import Testing
@testable import Charts

@Suite struct NiceNumberTests {
    @Test(arguments: [
        (0.3, 9.2, 5, 0.0, 10.0, 2.0),
        (0.0, 1.0, 5, 0.0, 1.0, 0.2),
        (-3.7, 12.1, 5, -5.0, 15.0, 5.0),
        (0.0013, 0.0087, 5, 0.0, 0.01, 0.002),
        (100.0, 100.0, 5, 90.0, 110.0, 5.0),
        (0.0, 0.0, 5, -1.0, 1.0, 0.5),
        (1.0, 1000.0, 5, 0.0, 1000.0, 200.0),
    ])
    func looseTicks(lower: Double, upper: Double, count: Int, niceLower: Double, niceUpper: Double, step: Double) {
        let result = NiceNumbers.looseTicks(lower, upper, count: count)
        #expect(abs(result.lower - niceLower) < 1e-12)
        #expect(abs(result.upper - niceUpper) < 1e-12)
        #expect(abs(result.step - step) < 1e-12)
    }

    @Test(arguments: [(1.2, 1.0), (2.5, 2.0), (4.0, 5.0), (8.0, 10.0), (0.034, 0.05), (720.0, 1000.0)])
    func roundedNiceNumber(x: Double, nice: Double) {
        #expect(abs(NiceNumbers.nice(x, round: true) - nice) < 1e-12)
    }

    @Test(arguments: [(1.0, 1.0), (1.01, 2.0), (2.5, 5.0), (5.01, 10.0), (0.0003, 0.0005)])
    func ceilingNiceNumber(x: Double, nice: Double) {
        #expect(abs(NiceNumbers.nice(x, round: false) - nice) < 1e-12)
    }
}

@Suite struct LinearScaleTests {
    @Test func mapsEndpointsAndMidpoint() {
        let scale = LinearScale(domain: 0...10, pixelStart: 100, pixelEnd: 0)
        #expect(scale(0) == 100)
        #expect(scale(10) == 0)
        #expect(scale(5) == 50)
        #expect(scale(15) == -50)
    }

    @Test func zeroWidthDomainMapsToMiddle() {
        #expect(LinearScale(domain: 3...3, pixelStart: 0, pixelEnd: 10)(3) == 5)
    }

    @Test(arguments: [
        (0.0...1.0, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        (0.0...10.0, ["0", "2", "4", "6", "8", "10"]),
        (-1.0...1.0, ["-1.0", "-0.5", "0.0", "0.5", "1.0"]),
        (0.0...0.01, ["0.000", "0.002", "0.004", "0.006", "0.008", "0.010"]),
        (0.0...5_000_000.0, ["0", "1×10⁶", "2×10⁶", "3×10⁶", "4×10⁶", "5×10⁶"]),
        (0.0...0.00004, ["0", "1×10⁻⁵", "2×10⁻⁵", "3×10⁻⁵", "4×10⁻⁵"]),
        (1500.0...2500.0, ["1600", "1800", "2000", "2200", "2400"]),
    ])
    func tickLabels(domain: ClosedRange<Double>, labels: [String]) {
        let ticks = LinearScale(domain: domain).ticks()
        #expect(ticks.map(\.label) == labels)
    }

    @Test func nicedDomainEnclosesData() {
        let scale = LinearScale(domain: 0.37...4.2).niced()
        #expect(scale.domain == 0...5)
        #expect(scale.ticks().map(\.value) == [0, 1, 2, 3, 4, 5])
    }
}

@Suite struct LogScaleTests {
    @Test func mapsDecadesEvenly() {
        let scale = LogScale(domain: 1...1000, pixelStart: 0, pixelEnd: 300)
        #expect(abs(scale(1) - 0) < 1e-9)
        #expect(abs(scale(10) - 100) < 1e-9)
        #expect(abs(scale(1000) - 300) < 1e-9)
        #expect(!scale.canPlot(0) && !scale.canPlot(-1) && scale.canPlot(1e-300))
    }

    @Test(arguments: [
        (1.0...1000.0, ["1", "10", "100", "1000"]),
        (0.001...1.0, ["0.001", "0.01", "0.1", "1"]),
        (1e-6...1e-2, ["10⁻⁶", "10⁻⁵", "10⁻⁴", "0.001", "0.01"]),
        (1.0...1e6, ["1", "10", "100", "1000", "10⁴", "10⁵", "10⁶"]),
        (1.0...50.0, ["1", "2", "5", "10", "20", "50"]),
        (0.1...1.0, ["0.1", "0.2", "0.5", "1"]),
        (1e-30...1e30, ["10⁻³⁰", "10⁻²⁴", "10⁻¹⁸", "10⁻¹²", "10⁻⁶", "1", "10⁶", "10¹²", "10¹⁸", "10²⁴", "10³⁰"]),
    ])
    func tickLabels(domain: ClosedRange<Double>, labels: [String]) {
        #expect(LogScale(domain: domain).ticks().map(\.label) == labels)
    }

    @Test func nicedDomainIsPowersOfTen() {
        #expect(LogScale(domain: 3...420).niced().domain == 1...1000)
        #expect(LogScale(domain: 0.02...0.07).niced().domain == 0.01...0.1)
        #expect(LogScale(domain: 10...10).niced().domain == 10...100)
    }

    @Test func minorTicksFillDecadesWithoutRepeatingLabels() {
        let minor = LogScale(domain: 1...100).minorTicks()
        #expect(minor.count == 16)
        #expect(!minor.contains(10))
        #expect(LogScale(domain: 1...10).minorTicks() == [3, 4, 6, 7, 8, 9])
        #expect(LogScale(domain: 1e-10...1e10).minorTicks().isEmpty)
    }
}

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (3.14159, 2, "3.14"), (-0.001, 2, "0.00"), (-2.5, 0, "-3"), (0.125, 1, "0.1"),
        (1234.5678, 3, "1234.568"), (0, 0, "0"), (-0.0, 2, "0.00"), (99.996, 2, "100.00"),
    ])
    func fixed(value: Double, digits: Int, text: String) {
        #expect(NumberFormat.fixed(value, fractionDigits: digits) == text)
    }

    @Test(arguments: [(12.5, "12.5"), (40, "40"), (0.004, "0"), (-3.456, "-3.46"), (100.10, "100.1")])
    func coordinate(value: Double, text: String) {
        #expect(NumberFormat.coordinate(value) == text)
    }

    @Test func superscripts() {
        #expect(NumberFormat.superscript(-4) == "⁻⁴")
        #expect(NumberFormat.superscript(120) == "¹²⁰")
        #expect(NumberFormat.scientific(mantissa: "1", exponent: 6) == "10⁶")
        #expect(NumberFormat.scientific(mantissa: "2.5", exponent: -3) == "2.5×10⁻³")
    }

    @Test func decimalExponentIsRobust() {
        #expect(NumberFormat.decimalExponent(1000) == 3)
        #expect(NumberFormat.decimalExponent(0.001) == -3)
        #expect(NumberFormat.decimalExponent(999.9) == 2)
        #expect(NumberFormat.decimalExponent(-0.05) == -2)
    }
}
