/// The record of one op: its inputs and the rule that sends the output gradient to them.
///
/// `backward(output, gradient)` must call `accumulateGradient` on each parent that
/// `requiresGrad` (and may skip the work for the others). The output is passed in rather
/// than captured, so the graph has no reference cycles.
final class GraphNode {
    let parents: [Tensor]
    let backward: (_ output: Tensor, _ gradient: Tensor) -> Void

    init(parents: [Tensor], backward: @escaping (Tensor, Tensor) -> Void) {
        self.parents = parents
        self.backward = backward
    }
}

extension Tensor {
    /// Wraps a freshly computed result and records its op if any input needs a gradient.
    static func result(shape: [Int], storage: TensorStorage, parents: [Tensor],
                       backward: @escaping (_ output: Tensor, _ gradient: Tensor) -> Void) -> Tensor {
        let out = Tensor(shape: shape, storage: storage)
        if GradientMode.isEnabled, parents.contains(where: { $0.requiresGrad }) {
            out.requiresGrad = true
            out.node = GraphNode(parents: parents, backward: backward)
        }
        return out
    }

    /// Whether a backward rule needs to produce this tensor's gradient.
    @inline(__always)
    var needsGrad: Bool { requiresGrad }

    /// Adds into this tensor's gradient. `write(buffer, accumulate)` must store every
    /// element (`accumulate == false`, fresh uninitialized buffer) or add to it (`true`).
    func accumulateGradient(_ write: (UnsafeMutablePointer<Float>, _ accumulate: Bool) -> Void) {
        guard requiresGrad else { return }
        if let g = grad {
            write(g.storage.pointer, true)
        } else {
            let s = TensorStorage(uninitializedCount: count)
            write(s.pointer, false)
            grad = Tensor(shape: shape, storage: s)
        }
    }

    /// Adds `gradient` (same element count) into this tensor's gradient.
    func accumulateGradient(_ gradient: Tensor) {
        accumulateGradient { out, accumulate in
            let g = gradient.storage.pointer
            if accumulate { for i in 0..<count { out[i] += g[i] } } else { out.update(from: g, count: count) }
        }
    }

    /// Backpropagates from this tensor through the recorded graph.
    ///
    /// Gradients accumulate (`+=`) on every tensor with `requiresGrad`; call `zeroGrad()` (or the
    /// optimizer's) between steps. `gradient` defaults to 1 for a one-element tensor.
    /// Unless `retainGraph`, the graph is released as it is consumed, and non-leaf
    /// gradients are dropped (keep one with `retainsGrad = true`).
    public func backward(gradient: Tensor? = nil, retainGraph: Bool = false) {
        precondition(requiresGrad, "backward(): tensor \(label) does not require a gradient")
        Denormals.ensureFlushed()
        if let gradient {
            precondition(gradient.count == count,
                         "backward(gradient:): gradient shape \(gradient.shape) does not match \(shape)")
            accumulateGradient(gradient)
        } else {
            precondition(count == 1, "backward(): implicit gradient needs a one-element tensor, got \(shape)")
            accumulateGradient { out, acc in out[0] = acc ? out[0] + 1 : 1 }
        }
        for t in topologicalOrder().reversed() {
            guard let node = t.node, let g = t.grad else { continue }
            node.backward(t, g)
            if !retainGraph {
                t.node = nil
                if !t.retainsGrad && t !== self { t.grad = nil }
            }
        }
    }

    /// Recorded ancestors of `self` (and itself), each after all of its parents.
    func topologicalOrder() -> [Tensor] {
        var order: [Tensor] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(Tensor, Int)] = [(self, 0)]
        visited.insert(ObjectIdentifier(self))
        while let (t, i) = stack.popLast() {
            if let parents = t.node?.parents, i < parents.count {
                stack.append((t, i + 1))
                let p = parents[i]
                if p.requiresGrad, visited.insert(ObjectIdentifier(p)).inserted { stack.append((p, 0)) }
            } else {
                order.append(t)
            }
        }
        return order
    }

    /// Drops the accumulated gradient.
    public func zeroGrad() { grad = nil }
}
