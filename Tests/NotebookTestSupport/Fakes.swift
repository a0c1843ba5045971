import Charts
import Foundation
import Notebook

/// Test doubles: experiments that run instantly and record how often they ran.
public final class RunCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    public init() {}
    public func record(_ key: String) { lock.lock(); counts[key, default: 0] += 1; lock.unlock() }
    public func count(_ key: String) -> Int { lock.lock(); defer { lock.unlock() }; return counts[key, default: 0] }
    public var total: Int { lock.lock(); defer { lock.unlock() }; return counts.values.reduce(0, +) }
}

public let fakeRuns = RunCounter()


public enum FakeModel: Sendable, Equatable { case vae, gmvae(components: Int) }

/// `@Train(id:, model:, epochs:, caption:, label:)`: a table and a scalar, no computation.
public struct FakeTrain: Experiment {
    public static let directiveName = "Train"
    public static let version = 1
    public var id: String?
    var model: FakeModel
    var epochs: Int
    var caption: String

    public init?(reading r: inout ArgumentReader) {
        let id = r.string("id")
        let model = r.member("model", default: "vae", [
            .init("vae", value: FakeModel.vae),
            .init("gmvae") { m in m.int("components", default: 10, range: 1...100).map { FakeModel.gmvae(components: $0) } },
        ])
        let epochs = r.int("epochs", default: 10, range: 1...1000)
        let caption = r.string("caption", default: "Treino.", semantic: false)
        _ = r.string("label", default: "", semantic: false)
        guard let id, let model, let epochs, let caption else { return nil }
        self.id = id
        self.model = model
        self.epochs = epochs
        self.caption = caption
    }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        fakeRuns.record("Train:\(id ?? "")")
        return ExperimentResult(
            outputs: [.table(ResultTable(name: id ?? "train", caption: caption, header: ["época", "NELBO"],
                                         rows: [[.integer(epochs), .integer(100 + epochs)]]))],
            scalars: ["nelbo": Double(100 + epochs)])
    }
}

/// `@Evaluate(of: [...], caption:)`: reads its dependencies' scalars; draws a tiny SVG.
public struct FakeEvaluate: Experiment {
    public static let directiveName = "Evaluate"
    public static let version = 1
    var of: [String]
    var caption: String
    var label: String?
    public var dependencies: [String] { of }

    public init?(reading r: inout ArgumentReader) {
        let of = r.strings("of")
        let caption = r.string("caption", default: "Avaliação.", semantic: false)
        label = r.string("label", default: "", semantic: false).flatMap { $0.isEmpty ? nil : $0 }
        guard let of, let caption else { return nil }
        self.of = of
        self.caption = caption
    }

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        fakeRuns.record("Evaluate:\(of.joined(separator: ","))")
        let rows: [[ResultTable.Cell]] = of.map { [.text($0), .number(String(context.dependencyResults[$0]?.scalars["nelbo"] ?? .nan))] }
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>t</title><desc>d</desc></svg>"#
        return ExperimentResult(outputs: [
            .table(ResultTable(name: "avaliacao", caption: caption, header: ["modelo", "NELBO"], rows: rows)),
            .figure(ResultFigure(name: "avaliacao", caption: caption, label: label, svg: SVGDocument(text: svg, width: 0, height: 0), altText: "Barras de NELBO")),
        ])
    }
}

/// `@Fail(message:)`: always throws.
public struct FakeFail: Experiment {
    public static let directiveName = "Fail"
    public static let version = 1
    var message: String
    public init?(reading r: inout ArgumentReader) {
        guard let message = r.string("message", default: "boom") else { return nil }
        self.message = message
    }
    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        throw ExperimentFailure(id: "fake-failure", message, suggestion: "do something else")
    }
}

public let fakeRegistry = ExperimentRegistry([FakeTrain.self, FakeEvaluate.self, FakeFail.self])

/// A lesson source with front matter and the given body, ready to parse.
public func lessonSource(title: String = "Lição de teste", order: Int = 1, _ body: String) -> String {
    "---\ntitle: \"\(title)\"\norder: \(order)\nsummary: \"Resumo.\"\n---\n" + body
}

/// Diagnostics reduced to what tests compare: id and position.
public func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.id)@\($0.line):\($0.column)" }
}

/// `@Slow(seconds:)`: sleeps in small steps, checking its time limit between them.
public struct FakeSlow: Experiment {
    public static let directiveName = "Slow"
    public static let version = 1
    public var id: String?
    var seconds: Double
    public init?(reading r: inout ArgumentReader) {
        id = r.string("id", default: "").flatMap { $0.isEmpty ? nil : $0 }
        guard let seconds = r.double("seconds", default: 0.2) else { return nil }
        self.seconds = seconds
    }
    /// How many `@Slow` run at this moment, and the most seen at once.
    public static let gauge = ConcurrencyGauge()

    public func run(in context: ExperimentContext) throws -> ExperimentResult {
        Self.gauge.enter()
        defer { Self.gauge.leave() }
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            try context.checkDeadline()
            Thread.sleep(forTimeInterval: 0.01)
        }
        return ExperimentResult(scalars: ["seconds": seconds])
    }
}

public let slowRegistry = ExperimentRegistry([FakeTrain.self, FakeEvaluate.self, FakeSlow.self])

public final class ConcurrencyGauge: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var peak = 0
    public func enter() { lock.lock(); current += 1; peak = max(peak, current); lock.unlock() }
    public func leave() { lock.lock(); current -= 1; lock.unlock() }
    /// Resets the peak and returns the previous one.
    public func takePeak() -> Int { lock.lock(); defer { peak = current; lock.unlock() }; return peak }
}

/// The course configuration of the Portuguese test lessons (the default is English).
public let portugueseCourse = CourseConfiguration(language: "pt-BR")
