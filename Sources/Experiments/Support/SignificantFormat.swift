import Notebook
import Foundation
import PortableMath

/// Numbers for result tables and notes, with a fixed count of significant digits.
///
/// The machine form, with a dot, as the CSV files keep it. Presentations write numbers in the
/// page's format through `PageContext.decimal` (prose) and `ResultTable.Cell.decimal` (cells). Very small or large
/// magnitudes use `e` notation so the CSV stays numeric.
enum SignificantFormat {
    /// `0.1234`, `12.35`, `1235`, `1.235e-05`; `0` for zero, `NaN`/`inf` as such.
    static func format(_ value: Double, digits: Int = 4) -> String {
        precondition(digits >= 1, "need at least one significant digit")
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        guard value != 0 else { return "0" }
        let exponent = Int(floor(PortableMath.log10(abs(value))))
        if exponent < -4 || exponent >= 7 {
            return String(format: "%.\(digits - 1)e", value)
        }
        return String(format: "%.\(max(0, digits - 1 - exponent))f", value)
    }

    /// A signed value with an explicit minus sign (U+2212) for prose: `−0.498`.
    static func prose(_ value: Double, digits: Int = 3) -> String {
        format(value, digits: digits).replacingOccurrences(of: "-", with: "−")
    }
}

extension ResultTable.Cell {
    /// A number cell with `digits` significant digits (`SignificantFormat.format`).
    static func decimal(_ value: Double, digits: Int = 4) -> ResultTable.Cell {
        .number(SignificantFormat.format(value, digits: digits))
    }
}

extension PageContext {
    /// `value` with `digits` significant digits as the page writes it (`0,4145`, `−2,366`).
    func decimal(_ value: Double, digits: Int = 4) -> String { number(SignificantFormat.format(value, digits: digits)) }
}
