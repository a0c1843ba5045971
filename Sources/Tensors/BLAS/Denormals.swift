import CBLAS

/// Flushing of denormal (subnormal) floats to zero.
///
/// Denormals take a slow microcode path (PyTorch trains 1.5× slower here with them on).
/// The FTZ/DAZ bits live in each thread's MXCSR, so every public op calls
/// `ensureFlushed()` (a thread-local flag check) before running its kernel; threads
/// running Tensors code are flushed the first time they do so. OpenBLAS runs on the calling
/// thread (it is single-threaded), and the workers of a cut product take the caller's flags
/// (`GEMMPlan`), so every multiply–add of a product sees the same MXCSR.
public enum Denormals {
    /// Sets FTZ/DAZ on the calling thread if not yet done.
    @inline(__always)
    public static func ensureFlushed() { notes_flush_denormals_on_this_thread() }

    /// Whether FTZ and DAZ are set on the calling thread.
    public static var areFlushedOnThisThread: Bool { notes_denormals_are_flushed() != 0 }
}
