/// Puts top-level blocks into the fenced divs whose lines enclose them, nesting as the divs
/// do. Blocks arrive in source order with their first line; a div's fence lines hold no block.
struct DivisionGrouper {
    let divs: [FencedDiv]
    private var next = 0
    private var open: [(div: Int, children: [BlockNode])] = []
    private var top: [BlockNode] = []

    init(divs: [FencedDiv]) {
        self.divs = divs
    }

    mutating func add(_ block: BlockNode, line: Int) {
        advance(to: line)
        append(block)
    }

    /// Every block, the divs closed (an unclosed one ends with the document).
    mutating func finish() -> [BlockNode] {
        advance(to: .max)
        while !open.isEmpty { closeInnermost() }
        return top
    }

    /// Opens and closes, in line order, every div whose fence comes before `line`.
    private mutating func advance(to line: Int) {
        while true {
            let closing = open.last.flatMap { divs[$0.div].closeLine }.flatMap { $0 < line ? $0 : nil }
            let opening = next < divs.count && divs[next].openLine < line ? divs[next].openLine : nil
            switch (closing, opening) {
            case (let close?, let start?):
                if close < start { closeInnermost() } else { openNext() }
            case (.some, nil): closeInnermost()
            case (nil, .some): openNext()
            case (nil, nil): return
            }
        }
    }

    private mutating func openNext() {
        open.append((next, []))
        next += 1
    }

    private mutating func closeInnermost() {
        let (div, children) = open.removeLast()
        append(.division(DivisionNode(attributes: divs[div].attributes, title: nil, children: children)))
    }

    private mutating func append(_ block: BlockNode) {
        if open.isEmpty { top.append(block) } else { open[open.count - 1].children.append(block) }
    }
}
