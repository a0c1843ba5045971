import Foundation
import Notebook
import PortableMath

/// Overflow-checked arithmetic on sizes computed from directive arguments: nil instead of a
/// trap when a crafted lesson multiplies large counts.
enum CheckedSize {
    /// The product of `factors`, or nil if it overflows `Int`.
    static func product(_ factors: [Int]) -> Int? {
        var result = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            result = next
        }
        return result
    }

    /// The sum of `terms`, or nil if it overflows (or any term is nil).
    static func sum(_ terms: [Int?]) -> Int? {
        var result = 0
        for term in terms {
            guard let term else { return nil }
            let (next, overflow) = result.addingReportingOverflow(term)
            if overflow { return nil }
            result = next
        }
        return result
    }

    /// `a × b × …` where any factor may already be nil (an earlier overflow).
    static func product(_ factors: Int?...) -> Int? {
        var values: [Int] = []
        for factor in factors {
            guard let factor else { return nil }
            values.append(factor)
        }
        return product(values)
    }
}

/// The limits every directive is held to, checked from its arguments before it runs (or, for
/// what depends on a trained model, when it starts); each directive's documentation says
/// what it counts. An exceeded limit is an `invalid-value` error at the directive.
///
/// - `memoryBytes`: 2 GiB of estimated working memory (weights with their gradients and Adam
///   moments, activations of the largest batch, Monte-Carlo KL terms, data).
/// - `totalOperations`: 10¹⁵ floating-point operations (multiply–adds count two), about three
///   hours on the reference machine (≈ 100 GFLOP/s); the course's largest run needs ≈ 3×10¹².
/// - `stepOperations`: 5×10¹⁰ operations in one step (a training step or one evaluation
///   batch), about half a second: the time limit is checked between steps, so this keeps
///   `timeout:` honoured within about twice its value.
/// - `draws`: 10⁹ random draws (elements) for the sampling directives' direct loops.
enum ResourceLimits {
    static let memoryBytes = 2 << 30
    static let totalOperations = 1_000_000_000_000_000
    static let stepOperations = 50_000_000_000
    static let draws = 1_000_000_000
}

/// What a directive will need, as named terms, checked against `ResourceLimits`.
///
/// A term's value is nil when computing it overflowed: far beyond any limit.
struct ResourceEstimate {
    struct Term {
        /// What is counted, as the product of arguments: `batch × hidden × layers (activations)`.
        var what: String
        var value: Int?
        /// How to make it smaller: `use a smaller 'batch'`.
        var remedy: String
    }

    enum Kind {
        case memory, operations, step, draws

        var limit: Int {
            switch self {
            case .memory: ResourceLimits.memoryBytes
            case .operations: ResourceLimits.totalOperations
            case .step: ResourceLimits.stepOperations
            case .draws: ResourceLimits.draws
            }
        }

        func format(_ value: Int) -> String {
            switch self {
            case .memory: ResourceEstimate.bytes(value)
            case .operations: ResourceEstimate.scientific(value) + " operations"
            case .step: ResourceEstimate.scientific(value) + " operations per step"
            case .draws: ResourceEstimate.scientific(value) + " random draws"
            }
        }
    }

    var memory: [Term] = []
    var operations: [Term] = []
    var step: [Term] = []
    var draws: [Term] = []

    /// The first limit exceeded, as a message and a suggestion; nil when everything fits.
    func violation(of owner: String) -> (message: String, suggestion: String)? {
        for (kind, terms) in [(Kind.memory, memory), (.operations, operations), (.step, step), (.draws, draws)] where !terms.isEmpty {
            let total = CheckedSize.sum(terms.map(\.value))
            if let total, total <= kind.limit { continue }
            // The largest term (an overflowing one counts as the largest) names the cause.
            let main = terms.max { ($0.value ?? .max) < ($1.value ?? .max) }!
            let amount = total.map { "about " + kind.format($0) } ?? "more than " + kind.format(.max)
            let limitText = kind == .memory ? Self.bytes(kind.limit) : Self.scientific(kind.limit)
            let of = kind == .memory ? " of memory" : ""
            if terms.count == 1 {
                return ("\(owner): \(main.what) needs \(amount)\(of); the limit is \(limitText)", main.remedy)
            }
            return ("\(owner) needs \(amount)\(of), mostly for \(main.what); the limit is \(limitText)", main.remedy)
        }
        return nil
    }

    /// Reports an exceeded limit as `invalid-value` at the directive; true when all fits.
    func check(on arguments: inout ArgumentReader) -> Bool {
        guard let (message, suggestion) = violation(of: arguments.owner) else { return true }
        arguments.report("invalid-value", message, at: arguments.anchor, suggestion: suggestion)
        return false
    }

    /// Throws an exceeded limit as an `invalid-value` failure (for estimates that depend on a
    /// trained model, known only when the directive runs).
    func enforce(_ owner: String) throws {
        guard let (message, suggestion) = violation(of: owner) else { return }
        throw ExperimentFailure(id: "invalid-value", message, suggestion: suggestion)
    }

    /// `12 GiB`, `340 MiB`, `2.5 KiB`.
    static func bytes(_ value: Int) -> String {
        if value == .max { return "9 EiB" }
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var v = Double(value), i = 0
        while v >= 1024 && i < units.count - 1 { v /= 1024; i += 1 }
        let text = v >= 10 || i == 0 ? String(Int(v.rounded())) : String(format: "%.1f", v)
        return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + " " + units[i]
    }

    /// `3×10¹²`, `4.7×10¹³`, `800`.
    static func scientific(_ value: Int) -> String {
        if value < 1000 { return String(value) }
        var exponent = Int(PortableMath.log10(Double(value)))
        var m = String(format: "%.1f", Double(value) / PortableMath.pow(10, Double(exponent)))
        if m == "10.0" { (m, exponent) = ("1.0", exponent + 1) }
        let digits = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let power = String(exponent).map { digits[Int(String($0))!] }.joined()
        return (m == "1.0" ? "" : (m.hasSuffix(".0") ? String(m.dropLast(2)) : m) + "×") + "10" + power
    }
}
