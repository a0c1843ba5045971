import Foundation

/// Evaluates parsed claims against a lesson's results.
struct ClaimEvaluation {
    /// One comparison with the values it saw.
    struct Checked {
        var comparison: ClaimComparison
        var left: Double
        var right: Double
        var tolerance: Double?
        var holds: Bool
    }

    enum Failure: Error {
        /// A reference that cannot be resolved: message, suggestion, offset in the expression.
        case unknown(String, String, Int)
        /// A reference to a directive that failed: no claim can be checked, and no second error.
        case unavailable
        case invalid(String, Int)
    }

    var results: [String: ExperimentResult]
    var knownIDs: Set<String>

    func check(_ comparisons: [ClaimComparison]) throws(Failure) -> [Checked] {
        var out: [Checked] = []
        for comparison in comparisons {
            let a = try value(comparison.left), b = try value(comparison.right)
            let tolerance = try comparison.tolerance.map { (t) throws(Failure) -> Double in try value(t) }
            if let tolerance, tolerance < 0 { throw .invalid("the tolerance of '\(comparison.text)' is negative", 0) }
            let holds: Bool
            switch comparison.op {
            case .less: holds = a < b
            case .lessOrEqual: holds = a <= b
            case .greater: holds = a > b
            case .greaterOrEqual: holds = a >= b
            case .near: holds = Swift.abs(a - b) <= (tolerance ?? 0)
            }
            out.append(Checked(comparison: comparison, left: a, right: b, tolerance: tolerance, holds: holds))
        }
        return out
    }

    func value(_ term: ClaimTerm) throws(Failure) -> Double {
        switch term {
        case .number(let x): return x
        case .negate(let t): return -(try value(t))
        case .abs(let t): return Swift.abs(try value(t))
        case .binary(let op, let l, let r):
            let a = try value(l), b = try value(r)
            switch op {
            case "+": return a + b
            case "-": return a - b
            case "*": return a * b
            default: return a / b
            }
        case .reference(let id, let name, let offset):
            guard knownIDs.contains(id) else {
                let hint = closestMatch(to: id, in: Array(knownIDs)).map { "did you mean '\($0)'?" }
                    ?? (knownIDs.isEmpty ? "no directive in this lesson has an id" : "ids: " + knownIDs.sorted().joined(separator: ", "))
                throw .unknown("no directive in this lesson has id '\(id)'", hint, offset)
            }
            guard let result = results[id] else { throw .unavailable }
            if let x = result.scalars[name] { return x }
            if result.timings[name] != nil {
                throw .invalid("'\(id).\(name)' is a wall-clock time, which differs from machine to machine; claims compare results only", offset)
            }
            let names = result.scalars.keys.sorted()
            let hint = closestMatch(to: name, in: names).map { "did you mean '\(id).\($0)'?" } ?? "available: " + names.joined(separator: ", ")
            throw .unknown(LessonPlan.noValueMessage(id, name), hint, offset)
        }
    }
}
