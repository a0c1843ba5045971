import Charts
import Foundation

/// Numbers as the page's language writes them (see `Charts.NumberStyle`, which figures use
/// too): applied to numbers in prose (inline values), to table cells that are a single number,
/// and to result notes, captions and alternative texts; CSV downloads keep the plain machine
/// form.
struct LocalNumbers: Sendable {
    let style: NumberStyle

    var decimalSeparator: String { style.decimalSeparator }
    var groupSeparator: String? { style.groupSeparator }

    init(decimalSeparator: String = ".") { style = NumberStyle(decimalSeparator: decimalSeparator) }
    init(language: String) { style = NumberStyle(language: language) }

    /// A number already formatted with a decimal point (and maybe `e` notation).
    func number(_ text: String) -> String { style.number(text) }

    /// A table cell: localized when the whole cell is one number (`-3.313`, `1.2e-05`, `9096`),
    /// unchanged otherwise (`1000 épocas`, `VAE`, `NaN`).
    func cell(_ text: String) -> String { NumberStyle.isNumber(text) ? style.number(text) : text }

    /// Running text from an experiment (a result note, a caption): see `NumberStyle.text`.
    func text(_ text: String) -> String { style.text(text) }

    static func isNumber(_ text: String) -> Bool { NumberStyle.isNumber(text) }
}
