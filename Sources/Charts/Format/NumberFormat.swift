import Foundation
import PortableMath

/// Deterministic, locale-independent number formatting: the machine form of SVG coordinates
/// and tick labels (`0.25`, `-2`), whatever the machine's locale. Coordinates stay in it; the
/// texts a chart draws are then written in the page's format by its `NumberStyle` (`0,25`,
/// `−2` on a Portuguese page).
public enum NumberFormat {
    /// `value` rounded half away from zero to `fractionDigits` decimals, never in exponent form.
    /// Negative zero (including values that round to zero) prints as `0`.
    ///
    ///     fixed(3.14159, fractionDigits: 2) == "3.14"
    ///     fixed(-0.001, fractionDigits: 2) == "0.00"
    public static func fixed(_ value: Double, fractionDigits digits: Int) -> String {
        precondition(digits >= 0 && digits <= 15, "fractionDigits must be in 0...15, got \(digits)")
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        var scale: UInt64 = 1
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * Double(scale)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return value.description }
        let units = UInt64(scaled)
        let integerPart = units / scale
        let fractionPart = units % scale
        var text = String(integerPart)
        if digits > 0 {
            let fraction = String(fractionPart)
            text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        let isZero = units == 0
        return (value < 0 && !isZero ? "-" : "") + text
    }

    /// A coordinate: two decimals with trailing zeros (and a bare dot) removed: `12.5`, `40`.
    public static func coordinate(_ value: Double) -> String {
        trimmingZeros(fixed(value, fractionDigits: 2))
    }

    /// `12.50` → `12.5`, `40.00` → `40`; strings without a dot are returned unchanged.
    public static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }

    /// An integer in Unicode superscript digits: `-4` → `⁻⁴`.
    public static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(n.magnitude).map { digits[Int(String($0))!] })
        return (n < 0 ? "⁻" : "") + body
    }

    /// `mantissa×10ᵉ`, or `10ᵉ` when the mantissa is 1: `2×10⁻⁴`, `10⁶`.
    public static func scientific(mantissa: String, exponent: Int) -> String {
        (mantissa == "1" ? "" : mantissa + "×") + "10" + superscript(exponent)
    }

    /// The decimal exponent of `value`: `floor(log10(|value|))`, robust to representation error
    /// (`log10(1000)` may come out as 2.9999…).
    public static func decimalExponent(_ value: Double) -> Int {
        precondition(value != 0 && value.isFinite, "decimalExponent needs a finite non-zero value")
        return Int((PortableMath.log10(abs(value)) + 1e-9).rounded(.down))
    }
}
