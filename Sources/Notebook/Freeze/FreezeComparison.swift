import Foundation

/// Whether a computed result is the frozen one, and if not, the first value that differs,
/// named as a reader finds it (`scalar 'test.nelbo'`, `measurement epochs[3].testNELBO`).
enum FreezeComparison {
    /// Nil when `result` has exactly the frozen measurement bytes and scalar bits.
    static func difference(_ result: ExperimentResult, from frozen: FrozenEntry) -> String? {
        for name in Set(result.scalars.keys).union(frozen.scalars.keys).sorted() {
            switch (result.scalars[name], frozen.scalars[name]) {
            case (let here?, let there?):
                if !same(here, there) { return "scalar '\(name)' is \(here) here and \(there) in the freeze" }
            case (_?, nil): return "scalar '\(name)' is not in the freeze"
            case (nil, _?): return "scalar '\(name)' is in the freeze but was not computed"
            case (nil, nil): break
            }
        }
        if result.measurement == frozen.measurement { return nil }
        guard let here = result.measurement, let there = frozen.measurement else {
            return result.measurement == nil ? "the freeze has a measurement and the result none" : "the freeze has no measurement"
        }
        guard let a = try? JSONSerialization.jsonObject(with: here, options: [.fragmentsAllowed]),
              let b = try? JSONSerialization.jsonObject(with: there, options: [.fragmentsAllowed]) else {
            return "the measurement differs from the frozen one"
        }
        return firstDifference(a, b, path: "") ?? "the measurement is written differently (same values, other bytes)"
    }

    static func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

    private static func firstDifference(_ a: Any, _ b: Any, path: String) -> String? {
        let place = "measurement" + (path.isEmpty ? "" : " " + path)
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            for key in Set(x.keys).union(y.keys).sorted() {
                let inner = path.isEmpty ? key : path + "." + key
                guard let u = x[key] else { return "measurement \(inner) is in the freeze but was not computed" }
                guard let v = y[key] else { return "measurement \(inner) is not in the freeze" }
                if let found = firstDifference(u, v, path: inner) { return found }
            }
            return nil
        case (let x as [Any], let y as [Any]):
            guard x.count == y.count else { return "\(place) has \(x.count) elements here and \(y.count) in the freeze" }
            for (index, (u, v)) in zip(x, y).enumerated() {
                if let found = firstDifference(u, v, path: path + "[\(index)]") { return found }
            }
            return nil
        case (let x as String, let y as String):
            return x == y ? nil : "\(place) is \"\(x.prefix(40))\" here and \"\(y.prefix(40))\" in the freeze"
        case (let x as NSNumber, let y as NSNumber):
            return same(x.doubleValue, y.doubleValue) ? nil : "\(place) is \(x.doubleValue) here and \(y.doubleValue) in the freeze"
        case (is NSNull, is NSNull):
            return nil
        default:
            return "\(place) has another kind of value here than in the freeze"
        }
    }
}
