/// Shape ops: reshape, 2-D transpose, row gathering, slicing, concatenation and splitting.
///
/// `reshaped` shares storage; every other op copies (matmul never needs a transpose
/// materialized: pass `transposeA`/`transposeB` instead).
extension Tensor {
    /// The same elements with a new shape; one dimension may be `-1` (inferred).
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var dims = newShape
        if let inferred = dims.firstIndex(of: -1) {
            let known = dims.enumerated().filter { $0.offset != inferred }.map(\.element).reduce(1, *)
            precondition(known > 0 && count % known == 0, "reshaped: cannot infer -1 in \(newShape) from \(label)")
            dims[inferred] = count / known
        }
        precondition(Shape.count(dims) == count, "reshaped: \(label) has \(count) elements, \(newShape) needs \(Shape.count(dims))")
        let out = Tensor.result(shape: dims, storage: storage, parents: [self]) { _, g in
            self.accumulateGradient(g)
        }
        return out
    }

    /// All elements as a vector `[count]`.
    public func flattened() -> Tensor { reshaped([count]) }

    /// The transpose of a matrix `[m, n] → [n, m]` (a copy). Prefer matmul's transpose flags.
    public func transposed() -> Tensor {
        precondition(rank == 2, "transposed: needs a matrix, got \(label)")
        let (m, n) = (shape[0], shape[1])
        let s = TensorStorage(uninitializedCount: count)
        Tensor.transpose(storage.pointer, m, n, into: s.pointer, accumulate: false)
        return Tensor.result(shape: [n, m], storage: s, parents: [self]) { _, g in
            self.accumulateGradient { out, acc in Tensor.transpose(g.storage.pointer, n, m, into: out, accumulate: acc) }
        }
    }

    /// `out[j, i] (+)= x[i, j]` for `x: [m, n]`, in cache-friendly tiles.
    static func transpose(_ x: UnsafePointer<Float>, _ m: Int, _ n: Int,
                          into out: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let tile = 32
        for i0 in stride(from: 0, to: m, by: tile) {
            for j0 in stride(from: 0, to: n, by: tile) {
                for i in i0..<Swift.min(i0 + tile, m) {
                    for j in j0..<Swift.min(j0 + tile, n) {
                        out[j * m + i] = accumulate ? out[j * m + i] + x[i * n + j] : x[i * n + j]
                    }
                }
            }
        }
    }

    /// Gathers rows (entries along axis 0) by index: `[n, ...] → [indices.count, ...]`.
    /// Repeated indices are allowed; their gradients add up.
    public func rows(_ indices: [Int]) -> Tensor {
        precondition(rank >= 1, "rows: needs rank ≥ 1, got \(label)")
        let width = count / Swift.max(shape[0], 1)
        for i in indices { precondition(i >= 0 && i < shape[0], "rows: index \(i) out of range for \(label)") }
        let s = TensorStorage(uninitializedCount: indices.count * width)
        for (r, i) in indices.enumerated() { (s.pointer + r * width).update(from: storage.pointer + i * width, count: width) }
        var outShape = shape
        outShape[0] = indices.count
        return Tensor.result(shape: outShape, storage: s, parents: [self]) { _, g in
            self.accumulateGradient { out, acc in
                if !acc { out.update(repeating: 0, count: self.count) }
                for (r, i) in indices.enumerated() {
                    let dst = out + i * width, src = g.storage.pointer + r * width
                    for j in 0..<width { dst[j] += src[j] }
                }
            }
        }
    }

    /// A contiguous range of rows (axis 0).
    public func rows(_ range: Range<Int>) -> Tensor { slice(axis: 0, range) }

    /// The entries with index in `range` along `axis` (a copy).
    public func slice(axis: Int, _ range: Range<Int>) -> Tensor {
        let a = Shape.axis(axis, rank: rank, op: "slice", shape: shape)
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[a],
                     "slice: range \(range) out of bounds for axis \(a) of \(label)")
        let (outer, n, inner) = Shape.split(shape, at: a)
        let k = range.count
        var outShape = shape
        outShape[a] = k
        let s = TensorStorage(uninitializedCount: outer * k * inner)
        for o in 0..<outer {
            (s.pointer + o * k * inner).update(from: storage.pointer + (o * n + range.lowerBound) * inner, count: k * inner)
        }
        return Tensor.result(shape: outShape, storage: s, parents: [self]) { _, g in
            self.accumulateGradient { out, acc in
                if !acc { out.update(repeating: 0, count: self.count) }
                for o in 0..<outer {
                    let dst = out + (o * n + range.lowerBound) * inner, src = g.storage.pointer + o * k * inner
                    for j in 0..<(k * inner) { dst[j] += src[j] }
                }
            }
        }
    }

    /// Joins tensors along `axis`; all other dimensions must match.
    public static func concatenate(_ tensors: [Tensor], axis: Int) -> Tensor {
        precondition(!tensors.isEmpty, "concatenate: no tensors")
        let first = tensors[0]
        let a = Shape.axis(axis, rank: first.rank, op: "concatenate", shape: first.shape)
        for t in tensors {
            var x = t.shape, y = first.shape
            precondition(x.count == y.count, "concatenate: shapes \(first.label) and \(t.label) differ in rank")
            x[a] = 0; y[a] = 0
            precondition(x == y, "concatenate: shapes \(first.label) and \(t.label) differ off axis \(a)")
        }
        let lengths = tensors.map { $0.shape[a] }
        let total = lengths.reduce(0, +)
        let (outer, _, inner) = Shape.split(first.shape, at: a)
        var outShape = first.shape
        outShape[a] = total
        let s = TensorStorage(uninitializedCount: outer * total * inner)
        var offset = 0
        for (t, k) in zip(tensors, lengths) {
            for o in 0..<outer {
                (s.pointer + (o * total + offset) * inner).update(from: t.storage.pointer + o * k * inner, count: k * inner)
            }
            offset += k
        }
        return result(shape: outShape, storage: s, parents: tensors) { _, g in
            var offset = 0
            for (t, k) in zip(tensors, lengths) {
                let start = offset
                t.accumulateGradient { out, acc in
                    for o in 0..<outer {
                        let src = g.storage.pointer + (o * total + start) * inner, dst = out + o * k * inner
                        if acc { for j in 0..<(k * inner) { dst[j] += src[j] } } else { dst.update(from: src, count: k * inner) }
                    }
                }
                offset += k
            }
        }
    }

    /// Splits along `axis` into pieces of the given sizes (which must add up to the axis length).
    public func split(sizes: [Int], axis: Int) -> [Tensor] {
        let a = Shape.axis(axis, rank: rank, op: "split", shape: shape)
        precondition(sizes.reduce(0, +) == shape[a], "split: sizes \(sizes) do not add up to axis \(a) of \(label)")
        var start = 0
        return sizes.map { k in
            defer { start += k }
            return slice(axis: a, start..<(start + k))
        }
    }

    /// Splits along `axis` into `parts` equal pieces.
    public func split(parts: Int, axis: Int) -> [Tensor] {
        let a = Shape.axis(axis, rank: rank, op: "split", shape: shape)
        precondition(parts > 0 && shape[a] % parts == 0, "split: axis \(a) of \(label) does not divide into \(parts)")
        return split(sizes: [Int](repeating: shape[a] / parts, count: parts), axis: a)
    }
}
