import Charts
import Foundation
import Markdown
import PortableMath

/// Numbers cited in prose, so they can never go stale: an inline code span
/// `` `=id.name` `` is replaced by the scalar `name` of the result with id `id`
/// (`` `=kl-padrao.analytic` `` → `0.7185`).
///
/// Formatting: four significant digits by default (integers in full); `` `=id.name:2` ``
/// prints two decimals. The decimal separator is the page language's (`Charts.NumberStyle`).
struct InlineValues {
    var file: String
    /// Results by id (only directives that succeeded).
    var results: [String: ExperimentResult]
    /// Every id defined in the lesson, including failed directives.
    var knownIDs: Set<String>
    var numbers: NumberStyle
    /// The scalars each id's directive declares, to check a reference whose directive did not
    /// produce a result (it failed or was not run): see `LessonPlan.declaredScalars`.
    var declared: [String: [ScalarName]] = [:]
    /// The title of a declared wall time that a frozen result does not have.
    var timeNotMeasured = "time not measured: frozen result"
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, results: [String: ExperimentResult], knownIDs: Set<String>,
         numbers: NumberStyle = .plain) {
        self.file = file
        self.results = results
        self.knownIDs = knownIDs
        self.numbers = numbers
    }

    /// What an inline code span says, read without looking anything up.
    enum Reference: Equatable {
        /// Ordinary code, not `` `=…` ``.
        case notAReference
        case invalidFormat
        case malformed
        /// `=id.name` or `=id.name:decimals`; `text` is `id.name`.
        case value(id: String, name: String, decimals: Int?, text: String)

        init(_ code: String) {
            guard code.hasPrefix("="), code.count > 1 else { self = .notAReference; return }
            var reference = String(code.dropFirst()).trimmingCharacters(in: .whitespaces)
            var decimals: Int?
            if let colon = reference.lastIndex(of: ":") {
                guard let n = Int(reference[reference.index(after: colon)...]), (0...12).contains(n) else {
                    self = .invalidFormat
                    return
                }
                decimals = n
                reference = String(reference[..<colon])
            }
            guard let dot = reference.firstIndex(of: "."), dot != reference.startIndex,
                  reference.index(after: dot) != reference.endIndex else { self = .malformed; return }
            self = .value(id: String(reference[..<dot]), name: String(reference[reference.index(after: dot)...]),
                          decimals: decimals, text: reference)
        }
    }

    /// Replacement HTML for an inline code span, or nil when it is ordinary code.
    mutating func resolve(_ code: String, at location: MarkdownLocation) -> String? {
        let id: String, name: String, decimals: Int?, reference: String
        switch Reference(code) {
        case .notAReference:
            return nil
        case .invalidFormat:
            return fail("invalid-reference", "invalid format in '\(code)'", location,
                        suggestion: "write `=id.name` or `=id.name:N` with N decimals from 0 to 12")
        case .malformed:
            return fail("invalid-reference", "'\(code)' is not a result reference", location,
                        suggestion: "write `=id.name`, e.g. `=kl-padrao.analytic`")
        case let .value(i, n, d, text):
            (id, name, decimals, reference) = (i, n, d, text)
        }
        guard knownIDs.contains(id) else {
            let hint = closestMatch(to: id, in: Array(knownIDs)).map { "did you mean '\($0)'?" }
                ?? (knownIDs.isEmpty ? "no directive in this lesson has an id" : "ids: " + knownIDs.sorted().joined(separator: ", "))
            return fail("unknown-reference", "no directive in this lesson has id '\(id)'", location, suggestion: hint)
        }
        guard let result = results[id] else {
            // The directive failed and already reported why; the name is still checked against
            // the scalars it declares, so a typo does not wait for the experiment to work.
            if let suggestion = LessonPlan.undeclared(name, of: id, in: declared) {
                return fail("unknown-reference", LessonPlan.noValueMessage(id, name), location, suggestion: suggestion)
            }
            return "<span class=\"inline-value missing\" title=\"\(escapeHTML(reference))\">?</span>"
        }
        if result.scalars[name] == nil, let seconds = result.timings[name] {
            // A wall-clock time: shown, but marked as differing from machine to machine.
            return "<span class=\"inline-value timing\" data-volatile title=\"\(escapeHTML(reference))\">\(escapeHTML(numbers.number(Self.format(seconds, decimals: decimals))))</span>"
        }
        if result.scalars[name] == nil, result.timings.isEmpty,
           declared[id]?.contains(where: { $0.timing && $0.matches(name) }) == true {
            // A frozen result keeps no wall times.
            return "<span class=\"inline-value timing\" data-volatile title=\"\(escapeHTML(reference)): \(escapeHTML(timeNotMeasured))\">—</span>"
        }
        guard let value = result.scalars[name] else {
            let names = (Array(result.scalars.keys) + Array(result.timings.keys)).sorted()
            let hint = closestMatch(to: name, in: names).map { "did you mean '\(id).\($0)'?" }
                ?? "available: " + names.joined(separator: ", ")
            return fail("unknown-reference", LessonPlan.noValueMessage(id, name), location, suggestion: hint)
        }
        return "<span class=\"inline-value\" title=\"\(escapeHTML(reference))\">\(escapeHTML(numbers.number(Self.format(value, decimals: decimals))))</span>"
    }

    private mutating func fail(_ id: String, _ message: String, _ location: MarkdownLocation,
                               suggestion: String) -> String {
        diagnostics.append(Diagnostic(file: file, line: location.line, column: location.column, id: id,
                                      message: message, suggestion: suggestion))
        return "<span class=\"inline-value missing\">?</span>"
    }

    /// Four significant digits (`0.7185`, `245.3`, `1.2e-05`), integers in full (`49`,
    /// `9096`), or `decimals` fixed decimals.
    static func format(_ value: Double, decimals: Int?) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        let text: String
        if let decimals {
            text = String(format: "%.\(decimals)f", value)
        } else if value == value.rounded(), abs(value) < 1e15 {
            text = String(format: "%.0f", value)
        } else if value == 0 {
            text = "0"
        } else if abs(value) >= 1e-3 && abs(value) < 1e6 {
            let digits = max(0, 3 - Int(floor(PortableMath.log10(abs(value)))))
            text = String(format: "%.\(digits)f", value)
        } else {
            text = String(format: "%.3g", value)
        }
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
