extension MathPlaceholders {
    /// Replaces placeholder tokens in a run of sibling inlines by `.math` nodes.
    ///
    /// A one-line span is one token inside a text node. A span over n lines comes back from
    /// cmark as `token0, softBreak, token1, …, softBreak, token(n-1)` across text nodes; the
    /// whole sequence becomes one `.math`. A token whose sequence is broken (the span
    /// crossed a block boundary) is put back as the text it stands for.
    func resolvingMath(in inlines: [InlineNode], recording shown: SpanSet? = nil) -> [InlineNode] {
        guard !spans.isEmpty else { return inlines }
        var items: [Item] = []
        for inline in inlines {
            guard case .text(let text) = inline else { items.append(.node(inline)); continue }
            for segment in segments(of: text) {
                switch segment {
                case .text(let s): items.append(.node(.text(s)))
                case .token(let span, let line): items.append(.token(span: span, line: line))
                }
            }
        }
        var result: [InlineNode] = []
        var i = 0
        while i < items.count {
            switch items[i] {
            case .node(let node):
                result.append(node)
                i += 1
            case .token(let span, let line):
                if line == 0, let end = endOfSequence(span: span, startingAt: i, in: items) {
                    result.append(.math(spans[span]))
                    shown?.insert([span])
                    i = end
                } else {
                    result.append(.text(lineSources[span][line]))
                    i += 1
                }
            }
        }
        return result.mergingAdjacentText()
    }

    private enum Item {
        case node(InlineNode)
        case token(span: Int, line: Int)
    }

    /// The index after a complete `token0 (softBreak tokenK)*` sequence for `span`.
    private func endOfSequence(span: Int, startingAt start: Int, in items: [Item]) -> Int? {
        var index = start + 1
        for line in 1..<max(1, lineSources[span].count) {
            guard index + 1 < items.count,
                  case .node(.softBreak) = items[index],
                  case .token(span, line) = items[index + 1]
            else { return nil }
            index += 2
        }
        return index
    }
}

extension Array where Element == InlineNode {
    func mergingAdjacentText() -> [InlineNode] {
        var result: [InlineNode] = []
        for node in self {
            if case .text(let next) = node, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else if case .text("") = node {
                continue
            } else {
                result.append(node)
            }
        }
        return result
    }
}
