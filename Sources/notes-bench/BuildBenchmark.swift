import Experiments
import Foundation
import Notebook

/// `notes-bench build [--notes DIR] [--rounds N]`: how fast the course rebuilds.
///
/// Copies the lessons to a scratch folder, builds once cold (filling a fresh cache), then
/// measures, `rounds` times each, a warm rebuild of the whole course and a rebuild after
/// editing one paragraph of one lesson. Prints one line per case with the median seconds:
///
///     bench=build case=cold seconds=41.2 lessons=5 directives=31
///     bench=build case=warm seconds=0.18 rounds=5
///     bench=build case=edit-paragraph seconds=0.17 rounds=5
func runBuildBenchmark(_ arguments: ArraySlice<String>) -> Int32 {
    var notes = "Notes"
    var rounds = 5
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
        switch argument {
        case "--notes": notes = iterator.next() ?? notes
        case "--rounds": rounds = iterator.next().flatMap(Int.init) ?? rounds
        default:
            FileHandle.standardError.write(Data("usage: notes-bench build [--notes DIR] [--rounds N]\n".utf8))
            return 2
        }
    }
    let fm = FileManager.default
    let scratch = fm.temporaryDirectory.appendingPathComponent("notes-bench-build-\(getpid())")
    defer { try? fm.removeItem(at: scratch) }
    let lessons = scratch.appendingPathComponent("Notes")
    do {
        try fm.createDirectory(at: scratch, withIntermediateDirectories: true)
        try fm.copyItem(at: URL(fileURLWithPath: notes), to: lessons)
    } catch {
        FileHandle.standardError.write(Data("notes-bench build: cannot copy \(notes): \(error)\n".utf8))
        return 2
    }
    let options = BuildOptions(notesFolder: lessons, outputFolder: scratch.appendingPathComponent("Output"),
                               cacheFolder: scratch.appendingPathComponent("cache"))
    let builder = SiteBuilder(registry: Catalogue.registry, options: options)

    func timed(_ body: () throws -> BuildReport) rethrows -> (Double, BuildReport) {
        let start = DispatchTime.now().uptimeNanoseconds
        let report = try body()
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, report)
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    func line(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

    do {
        let (cold, report) = try timed { try builder.build() }
        let directives = report.lessons.map(\.directives).reduce(0, +)
        line("bench=build case=cold seconds=\(format(cold)) lessons=\(report.lessons.count) directives=\(directives) errors=\(report.errorCount)")
        for diagnostic in report.diagnostics.filter({ $0.severity == .error }).prefix(5) {
            FileHandle.standardError.write(Data("notes-bench build: \(diagnostic)\n".utf8))
        }

        let warm = try (0..<rounds).map { _ in try timed { try builder.build() }.0 }
        line("bench=build case=warm seconds=\(format(median(warm))) rounds=\(rounds)")

        guard let first = try fm.contentsOfDirectory(atPath: lessons.path).filter({ $0.hasSuffix(".md") }).sorted().first else {
            line("bench=build case=edit-paragraph skipped=no-lessons")
            return 0
        }
        let file = lessons.appendingPathComponent(first)
        let original = try String(contentsOf: file, encoding: .utf8)
        var edits: [Double] = []
        for round in 0..<rounds {
            // A new sentence at the end of the lesson: prose only, no directive changes.
            try (original + "\nUma frase nova, edição \(round).\n").write(to: file, atomically: true, encoding: .utf8)
            edits.append(try timed { try builder.build() }.0)
        }
        try original.write(to: file, atomically: true, encoding: .utf8)
        line("bench=build case=edit-paragraph seconds=\(format(median(edits))) rounds=\(rounds) lesson=\(first)")
        return 0
    } catch {
        FileHandle.standardError.write(Data("notes-bench build: \(error)\n".utf8))
        return 1
    }
}

private func format(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
