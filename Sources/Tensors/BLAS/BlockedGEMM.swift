import CBLAS
import Dispatch
import Synchronization

/// Matrix products on several cores with the same bits for every thread count.
///
/// OpenBLAS's own threading changes results with the number of threads (measured: a 40-step
/// VAE and single 128×784×300 products differ between 1 and 2 threads), so OpenBLAS always
/// runs on one thread and the parallelism is ours: a large product is cut into *pieces*
/// along the rows or the columns of `C`, and each piece is one single-threaded OpenBLAS call.
/// Every element of `C` is then summed by the same kernel over the same `k` in the same order
/// whether the pieces run one after another or at once. The cut depends on the shape only,
/// never on the thread count or the machine:
///
/// - below `2²⁰` multiply–adds (`m·n·k`) a product is one piece (threads cost more than they give);
/// - above, the piece count is the power of two nearest below `m·n·k / 2²³`, between 2 and 16,
///   so each piece has at least about 8·10⁶ multiply–adds;
/// - the cut runs across the dimension that repeats the smaller operand: rows of `C` (each
///   piece packs all of `op(B)`) when `n ≤ m`, columns (each packs all of `op(A)`) otherwise;
///   piece sizes are multiples of 8, the last piece takes the rest.
///
/// Pieces are handed to `Dispatch` workers, `OpenBLAS.threadCount` of them at most; each
/// worker sets FTZ/DAZ as the calling thread has them (the training code runs flushed).
public struct GEMMPlan: Equatable, Sendable {
    public enum Cut: Sendable { case rows, columns }
    public let cut: Cut
    /// Number of pieces (1: the product is not cut).
    public let pieces: Int
    /// Rows (or columns) per piece; the last piece may be shorter.
    public let size: Int

    static let smallestCut = 1 << 20
    static let workPerPiece = 1 << 23
    static let mostPieces = 16

    public init(m: Int, n: Int, k: Int) {
        let cut: Cut = n <= m ? .rows : .columns
        let length = cut == .rows ? m : n
        let work = m.multipliedReportingOverflow(by: n).partialValue.multipliedReportingOverflow(by: k).partialValue
        var pieces = 1
        if work >= Self.smallestCut {
            pieces = 2
            while pieces < Self.mostPieces && work / (pieces * 2) >= Self.workPerPiece { pieces *= 2 }
            // Pieces of at least 8 rows or columns.
            while pieces > 1 && length < pieces * 8 { pieces /= 2 }
        }
        let size = pieces == 1 ? length : ((length + pieces - 1) / pieces + 7) / 8 * 8
        self.cut = cut
        self.size = size
        self.pieces = pieces == 1 ? 1 : (length + size - 1) / size
    }
}

/// How many workers matrix products may use (process-wide; `OpenBLAS.threadCount`).
let gemmWorkers = Atomic<Int>(0)
/// Whether OpenBLAS's own threading is used instead of pieces (benchmarks only: not reproducible).
let gemmLibraryThreading = Atomic<Bool>(false)

extension OpenBLAS {
    /// Runs `C = alpha·op(A)·op(B) + beta·C` as the pieces of its `GEMMPlan`.
    func blockedGEMM(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                     a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let plan = GEMMPlan(m: m, n: n, k: k)
        let sgemm = self.sgemm
        let order = Int32(NotesCBLASRowMajor.rawValue)
        let ta = Int32(transposeA ? NotesCBLASTrans.rawValue : NotesCBLASNoTrans.rawValue)
        let tb = Int32(transposeB ? NotesCBLASTrans.rawValue : NotesCBLASNoTrans.rawValue)
        if plan.pieces == 1 {
            sgemm(order, ta, tb, Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            return
        }
        // Addresses as integers: the pieces write disjoint parts of C, which Swift cannot see.
        let (aBits, bBits, cBits) = (UInt(bitPattern: a), UInt(bitPattern: b), UInt(bitPattern: c))
        let stride = MemoryLayout<Float>.stride
        let piece: @Sendable (Int) -> Void = { p in
            let start = p * plan.size
            switch plan.cut {
            case .rows:
                let rows = min(plan.size, m - start)
                let aOffset = transposeA ? start : start * lda
                sgemm(order, ta, tb, Int32(rows), Int32(n), Int32(k), alpha,
                      UnsafePointer(bitPattern: aBits + UInt(aOffset * stride)), Int32(lda),
                      UnsafePointer(bitPattern: bBits), Int32(ldb), beta,
                      UnsafeMutablePointer(bitPattern: cBits + UInt(start * ldc * stride)), Int32(ldc))
            case .columns:
                let columns = min(plan.size, n - start)
                let bOffset = transposeB ? start * ldb : start
                sgemm(order, ta, tb, Int32(m), Int32(columns), Int32(k), alpha,
                      UnsafePointer(bitPattern: aBits), Int32(lda),
                      UnsafePointer(bitPattern: bBits + UInt(bOffset * stride)), Int32(ldb), beta,
                      UnsafeMutablePointer(bitPattern: cBits + UInt(start * stride)), Int32(ldc))
            }
        }
        let workers = min(plan.pieces, max(1, threadCount))
        if workers == 1 {
            for p in 0..<plan.pieces { piece(p) }
            return
        }
        let flushed = notes_denormals_are_flushed()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            notes_set_denormal_flushing(flushed)
            var p = w
            while p < plan.pieces {
                piece(p)
                p += workers
            }
        }
    }
}
