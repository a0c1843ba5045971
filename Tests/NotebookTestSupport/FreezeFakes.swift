import Foundation
import Notebook

/// Measured stand-ins for a training directive (weights as an artifact, a wall time) and a
/// directive that needs those weights, for the freeze's tests.
public enum FreezeFakes {
    /// Added to every value `@Model` computes: a stand-in for a machine that computes differently.
    public final class Offset: @unchecked Sendable {
        private let lock = NSLock()
        private var stored = 0.0
        public var value: Double {
            get { lock.lock(); defer { lock.unlock() }; return stored }
            set { lock.lock(); stored = newValue; lock.unlock() }
        }
    }
    public static let offset = Offset()
    public static let runs = RunCounter()

    /// `@Model(id:, epochs:)`: a curve, a scalar, "weights" and a wall time.
    struct Model: Measured {
        static let directiveName = "Model"
        static let version = 1
        static let summary = "A fake training."
        static let scalarNames: [ScalarName] = [.init("nelbo", "last value"), .init("seconds", "wall time", timing: true)]
        var id: String?
        var epochs: Int

        struct Measurement: Codable, Sendable { var curve: [Double]; var name: String }

        init?(reading r: inout ArgumentReader) {
            guard let id = r.string("id"), let epochs = r.int("epochs", default: 3, range: 1...50) else { return nil }
            self.id = id
            self.epochs = epochs
        }

        func run(in context: ExperimentContext) throws -> ExperimentResult {
            FreezeFakes.runs.record("Model:\(id ?? "")")
            let curve = (1...epochs).map { 100 / Double($0) + FreezeFakes.offset.value }
            return try measured(Measurement(curve: curve, name: "modelo {\"\(id ?? "")\"} / é"), scalars: ["nelbo": curve.last!],
                                artifacts: ["weights": Data(curve.map { UInt8(Int($0) & 0xFF) })],
                                timings: ["seconds": 1.25])
        }

        func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
            [.table(ResultTable(name: "curva", caption: "Curva.", header: ["NELBO"], rows: measurement.curve.map { [.number(String($0))] })),
             .timing("Treino em \(timings["seconds"] ?? .nan) s.")]
        }
    }

    /// `@Draw(of:, count:)`: needs the weights of its model.
    struct Draw: Measured {
        static let directiveName = "Draw"
        static let version = 1
        static let summary = "A fake sampler."
        static let scalarNames: [ScalarName] = [.init("total", "sum of the drawn bytes")]
        var of: String
        var count: Int
        var dependencies: [String] { [of] }

        struct Measurement: Codable, Sendable { var drawn: [Int] }

        init?(reading r: inout ArgumentReader) {
            guard let of = r.string("of"), let count = r.int("count", default: 2, range: 1...10) else { return nil }
            self.of = of
            self.count = count
        }

        func run(in context: ExperimentContext) throws -> ExperimentResult {
            FreezeFakes.runs.record("Draw:\(of):\(count)")
            guard let weights = context.dependencyResults[of]?.artifacts["weights"] else {
                throw ExperimentFailure(id: "missing-weights", "'\(of)' has no weights")
            }
            let drawn = (0..<count).map { Int(weights[$0 % weights.count]) }
            return try measured(Measurement(drawn: drawn), scalars: ["total": Double(drawn.reduce(0, +))])
        }

        func present(measurement: Measurement, timings: [String: Double], in page: PageContext) -> [ExperimentOutput] {
            [.note("Amostras: \(measurement.drawn.map(String.init).joined(separator: " ")).")]
        }
    }

    public static let registry = ExperimentRegistry([Model.self, Draw.self])

    /// A lesson with `@Model(id: m, epochs:)` and `@Draw(of: m, count:)`, and a cited wall time.
    public static func lesson(model id: String, epochs: Int = 3, count: Int = 2) -> String {
        lessonSource("""
            ## Parte

            ```swift-directive
            @Model(id: "\(id)", epochs: \(epochs))
            ```

            O treino levou `=\(id).seconds` s; NELBO final `=\(id).nelbo`.

            ```swift-directive
            @Draw(of: "\(id)", count: \(count))
            ```

            """)
    }
}
