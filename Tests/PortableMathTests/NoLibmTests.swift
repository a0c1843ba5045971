import Foundation
import Testing

/// No numeric or chart code calls the C library's elementary functions: they differ between
/// glibc versions, CPUs (FMA or not) and macOS, and a course must give the same bits
/// everywhere. `PortableMath` is the one place they are computed.
@Suite struct NoLibmCalls {
    static let functions = "exp|expf|exp2|expm1|expm1f|log|logf|log2|log10|log10f|log1p|log1pf|pow|powf"
        + "|tanh|tanhf|sinh|cosh|sin|sinf|cos|cosf|tan|atan|atan2|asin|acos|erf|erfc|erff|erfcf|lgamma|tgamma|cbrt|hypot"
    /// A call with an argument, unqualified or through Foundation/Glibc/Darwin; method calls
    /// (`x.exp()`, `.log("…")`) and declarations (`func log(`) are not calls of libm.
    static let call = try! NSRegularExpression(
        pattern: #"(?<![\.\w])(?:(?:Foundation|Glibc|Darwin)\.)?("# + functions + #")\((?!\))"#)
    static let modules = ["Tensors", "LatentModels", "Experiments", "Charts", "Notebook"]

    static var sources: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
    }

    @Test func numericModulesUsePortableMath() throws {
        var offenders: [String] = []
        var scanned = 0
        for module in Self.modules {
            let folder = Self.sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
            for case let file as URL in files where file.pathExtension == "swift" {
                scanned += 1
                let text = try String(contentsOf: file, encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let code = String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                    if code.contains("func ") { continue }
                    let range = NSRange(code.startIndex..., in: code)
                    if Self.call.firstMatch(in: code, range: range) != nil {
                        offenders.append("\(module)/\(file.lastPathComponent):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                    }
                }
            }
        }
        #expect(scanned > 100, "only \(scanned) files found under \(Self.sources.path)")
        #expect(offenders.isEmpty, "libm calls (use PortableMath):\n\(offenders.joined(separator: "\n"))")
    }

    @Test func theScanCatchesACall() {
        for line in ["let y = log(x)", "s += Foundation.exp(v - m)", "a * powf(b, 2)", "Glibc.tanh(z)"] {
            #expect(Self.call.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil, "\(line)")
        }
        for line in ["x.log()", ".log(\"Amostras\")", "PortableMath.exp(x)", "t.exp()", "catalog(x)"] {
            #expect(Self.call.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) == nil, "\(line)")
        }
    }
}
