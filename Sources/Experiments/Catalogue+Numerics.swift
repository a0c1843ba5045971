import Foundation
import Notebook
import Tensors

extension Catalogue {
    /// How this process computes, for the provenance of cached results and for `notes freeze`,
    /// which freezes only the default: OpenBLAS's `Zen` kernel, pinned on every AVX2/FMA CPU
    /// (or asked for by name with `OPENBLAS_CORETYPE`), with products cut on our own threads.
    public static var numericSetting: NumericSetting {
        let blas = OpenBLAS.shared
        let core = blas.coreName
        let pinned = core.lowercased() == OpenBLAS.pinnedCore.lowercased()
        if blas.usesLibraryThreading {
            return NumericSetting(description: "OpenBLAS \(core) kernel with its own threading", isDefault: false)
        }
        switch blas.selection {
        case .pinned:
            return NumericSetting(description: "OpenBLAS \(core) kernel (pinned)", isDefault: true)
        case .environment:
            let asked = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? ""
            return NumericSetting(description: "OpenBLAS \(core) kernel (OPENBLAS_CORETYPE=\(asked))", isDefault: pinned)
        case .detected:
            return NumericSetting(description: "OpenBLAS \(core) kernel (detected: this CPU lacks AVX2/FMA)", isDefault: false)
        }
    }
}
