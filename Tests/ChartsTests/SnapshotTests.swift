import Foundation
import Testing
@testable import Charts

/// Compares a small chart with the golden string in `Snapshots/SmallLineChartSnapshot.swift`.
/// To re-record after an intended change: `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`,
/// then review the diff.
@Suite struct SnapshotTests {
    static func smallChart() -> LineChart {
        LineChart(
            title: "Média do estimador",
            summary: "Média ± 1 desvio-padrão por número de amostras.",
            xAxis: .log("Amostras (S)"), yAxis: .linear("KL estimado"),
            series: [LineSeries("média", points: [DataPoint(x: 1, y: 0.9, error: 0.5), DataPoint(x: 10, y: 1.02, error: 0.16),
                                                  DataPoint(x: 100, y: 1.0, error: 0.05)])],
            referenceLines: [ReferenceLine(y: 1.0, label: "KL analítica")],
            width: 320, height: 200, identifier: "snap")
    }

    @Test func smallLineChart() throws {
        let svg = Self.smallChart().svg()
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" && svg != smallLineChartSnapshot {
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Snapshots/SmallLineChartSnapshot.swift")
            let source = "/// Golden output of `SnapshotTests.smallLineChart` (re-record with `RECORD_SNAPSHOTS=1`).\n"
                + "/// Kept as Swift source: test targets cannot hold resources without a Package.swift change.\n"
                + "let smallLineChartSnapshot = #\"\"\"\n" + svg + "\n\"\"\"#\n"
            try source.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(file.lastPathComponent); review the diff and run again")
            return
        }
        #expect(svg == smallLineChartSnapshot)
    }
}
