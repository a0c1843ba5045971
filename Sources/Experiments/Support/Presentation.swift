import Notebook

/// The common presentation rule of the catalogue's directives, applied outside the cache:
/// `caption` replaces the caption of the first table (or of the first figure when the result
/// has no table); `label` goes to the first table, or to the first figure when it starts
/// with `fig` (or when there is no table).
struct Presentation: Sendable {
    var caption: String?
    var label: String?

    init(caption: String?, label: String?) {
        self.caption = caption.flatMap { $0.isEmpty ? nil : $0 }
        self.label = label.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Reads `caption:` and `label:` (presentation only, not part of the cache key).
    init(reading arguments: inout ArgumentReader) {
        self.init(caption: arguments.string("caption", default: "", semantic: false),
                  label: arguments.string("label", default: "", semantic: false))
    }

    func apply(to result: ExperimentResult) -> ExperimentResult {
        var result = result
        let tableIndex = result.outputs.firstIndex { if case .table = $0 { true } else { false } }
        let figureIndex = result.outputs.firstIndex { if case .figure = $0 { true } else { false } }
        let captionTarget = tableIndex ?? figureIndex
        let labelTarget = (label?.hasPrefix("fig") ?? false) ? (figureIndex ?? tableIndex) : (tableIndex ?? figureIndex)
        if let caption, let index = captionTarget { result.outputs[index] = Self.set(result.outputs[index], caption: caption) }
        if let label, let index = labelTarget { result.outputs[index] = Self.set(result.outputs[index], label: label) }
        return result
    }

    private static func set(_ output: ExperimentOutput, caption: String? = nil, label: String? = nil) -> ExperimentOutput {
        switch output {
        case .table(var t):
            if let caption { t.caption = caption }
            if let label { t.label = label }
            return .table(t)
        case .figure(var f):
            if let caption { f.caption = caption }
            if let label { f.label = label }
            return .figure(f)
        case .note:
            return output
        }
    }
}
