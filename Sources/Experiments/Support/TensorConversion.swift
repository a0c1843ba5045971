import Tensors

/// Tensor ↔ `Double` arrays for reports and charts.
enum TensorConversion {
    /// All elements in order, as `Double`.
    static func doubles(_ t: Tensor) -> [Double] {
        t.withUnsafeBufferPointer { b in b.map(Double.init) }
    }

    /// Rows of a matrix `[n, d]`.
    static func rows(_ t: Tensor) -> [[Double]] {
        precondition(t.rank == 2, "rows: expected a matrix, got \(t.shape)")
        let d = t.shape[1]
        let flat = doubles(t)
        return (0..<t.shape[0]).map { Array(flat[($0 * d)..<(($0 + 1) * d)]) }
    }

    /// A matrix from rows of equal length.
    static func matrix(_ rows: [[Double]]) -> Tensor {
        precondition(!rows.isEmpty, "matrix: no rows")
        return Tensor(shape: [rows.count, rows[0].count], scalars: rows.flatMap { $0.map(Float.init) })
    }
}
