/// Loops over broadcast shapes, one contiguous innermost row at a time.
///
/// Every element-wise binary op and its backward goes through `BroadcastLoop.rows`, which
/// hands the kernel (output offset, operand offsets, operand inner strides ∈ {0, 1},
/// row length). Kernels branch on the strides once per row, so the inner loops are plain
/// contiguous (or scalar-broadcast) loops that the optimizer vectorizes.
enum BroadcastLoop {
    @inline(__always)
    static func rows(shape: [Int], stridesA: [Int], stridesB: [Int],
                     _ body: (_ out: Int, _ a: Int, _ innerA: Int, _ b: Int, _ innerB: Int, _ n: Int) -> Void) {
        let rank = shape.count
        if rank == 0 { body(0, 0, 0, 0, 0, 1); return }
        let n = shape[rank - 1]
        let innerA = stridesA[rank - 1], innerB = stridesB[rank - 1]
        let rowCount = Shape.count(shape) / max(n, 1)
        if n == 0 { return }
        if rank == 1 { body(0, 0, innerA, 0, innerB, n); return }
        if rank == 2 {
            for r in 0..<rowCount { body(r * n, r * stridesA[0], innerA, r * stridesB[0], innerB, n) }
            return
        }
        var index = [Int](repeating: 0, count: rank - 1)
        var offA = 0, offB = 0
        for r in 0..<rowCount {
            body(r * n, offA, innerA, offB, innerB, n)
            // Odometer increment over the outer dimensions.
            var d = rank - 2
            while d >= 0 {
                index[d] += 1; offA += stridesA[d]; offB += stridesB[d]
                if index[d] < shape[d] { break }
                offA -= stridesA[d] * shape[d]; offB -= stridesB[d] * shape[d]
                index[d] = 0; d -= 1
            }
        }
    }

    /// Sums `gradient` (of the broadcast shape `from`) down to `shape`, storing into or
    /// adding onto `out` (the reverse of broadcasting `shape` up to `from`).
    static func reduceSum(_ gradient: UnsafePointer<Float>, from: [Int], to shape: [Int],
                          into out: UnsafeMutablePointer<Float>, accumulate: Bool) {
        let target = Shape.count(shape)
        if !accumulate { out.update(repeating: 0, count: target) }
        if target == 1 {
            out[0] += Summation.sum(gradient, count: Shape.count(from))
            return
        }
        let st = Shape.broadcastStrides(shape, to: from)
        rows(shape: from, stridesA: st, stridesB: st) { o, a, innerA, _, _, n in
            if innerA == 1 {
                for j in 0..<n { out[a + j] += gradient[o + j] }
            } else {
                out[a] += Summation.sum(gradient + o, count: n)
            }
        }
    }
}
