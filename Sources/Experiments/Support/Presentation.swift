import Notebook

/// The common presentation rule of the catalogue's directives, applied outside the cache.
///
/// `label:` is one label or an array of them (`label: ["tab-priors", "fig-priors"]`). A label
/// starting with `fig` goes to the next unlabelled figure; any other label to the next
/// unlabelled table (or figure, when no table is left). `caption:` goes with the first label's
/// output; without a label, to the first table (or the first figure when there is no table).
struct Presentation: Sendable {
    var caption: String?
    var labels: [String]

    init(caption: String?, labels: [String] = []) {
        self.caption = caption.flatMap { $0.isEmpty ? nil : $0 }
        self.labels = labels.filter { !$0.isEmpty }
    }

    init(caption: String?, label: String?) {
        self.init(caption: caption, labels: label.map { [$0] } ?? [])
    }

    /// Reads `caption:` and `label:` (presentation only, not part of the cache key).
    init(reading arguments: inout ArgumentReader) {
        let caption = arguments.string("caption", default: "", semantic: false)
        let labels = arguments.read("label", default: [String](), expected: "a string or an array of strings", semantic: false,
                                    canonical: { $0.joined(separator: ",") }) { value, _ -> [String]? in
            switch value.kind {
            case .string(let s):
                return [s]
            case .array(let items):
                var labels: [String] = []
                for item in items {
                    guard case .string(let s) = item.kind else { return nil }
                    labels.append(s)
                }
                return labels
            default:
                return nil
            }
        }
        self.init(caption: caption, labels: labels ?? [])
    }

    func apply(to result: ExperimentResult) -> ExperimentResult {
        var result = result
        var labelled = Set<Int>()
        var captionTarget: Int?
        for label in labels {
            let wantsFigure = label.hasPrefix("fig")
            let free = { (isFigure: Bool) in
                result.outputs.indices.first { !labelled.contains($0) && Self.isFigure(result.outputs[$0]) == isFigure }
            }
            guard let index = free(wantsFigure) ?? (wantsFigure ? nil : free(true)) else { continue }
            labelled.insert(index)
            result.outputs[index] = Self.set(result.outputs[index], label: label)
            if captionTarget == nil { captionTarget = index }
        }
        if labels.isEmpty {
            captionTarget = result.outputs.indices.first { Self.isFigure(result.outputs[$0]) == false }
                ?? result.outputs.indices.first { Self.isFigure(result.outputs[$0]) == true }
        }
        if let caption, let index = captionTarget { result.outputs[index] = Self.set(result.outputs[index], caption: caption) }
        return result
    }

    /// true for a figure, false for a table, nil for a note.
    private static func isFigure(_ output: ExperimentOutput) -> Bool? {
        switch output {
        case .figure: true
        case .table: false
        case .note, .timing, .listing: nil
        }
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
        case .note, .timing, .listing:
            return output
        }
    }
}
