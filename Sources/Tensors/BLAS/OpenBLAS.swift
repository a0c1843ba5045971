import CBLAS
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenBLAS, loaded at run time on first use so that its CPU-kernel choice can be steered.
///
/// OpenBLAS built with `DYNAMIC_ARCH` picks its kernel when the library is loaded, from
/// `OPENBLAS_CORETYPE` or its own cpuid tables. Different kernels block the inner dimension
/// differently, so they sum a dot product in a different order and give different bits: a
/// course built on an Intel AVX-512 machine (kernel `SkylakeX`) disagreed with the same
/// course built on an AMD Zen 3 (kernel `Zen`) in 94 files. So the kernel is pinned: the
/// library is not linked at load time, and on first use
///
/// 1. if `OPENBLAS_CORETYPE` is set, it is respected (and results may differ from a course
///    built without it; `notes check --reproduce` shows where);
/// 2. else, if the CPU and OS support AVX2 and FMA (Intel or AMD, with or without AVX-512),
///    `OPENBLAS_CORETYPE=Zen` is set: the same kernel and blocking everywhere. On an AVX-512
///    Xeon this cost about 20 % of a VAE epoch against `SkylakeX` (Intel Xeon, 2 cores);
/// 3. else OpenBLAS's own detection is left alone (older x86 CPUs, arm64, macOS): results
///    there are deterministic run to run but not bit-identical to the x86 AVX2 course.
///
/// then `libopenblas.so.0` is `dlopen`ed with `OPENBLAS_NUM_THREADS=1` and `cblas_sgemm` and
/// friends are resolved. OpenBLAS's own threading changes bits with the thread count
/// (measured: 1 and 2 threads differ), so it is never used: large products are cut into
/// pieces that run on our workers (`GEMMPlan`), which gives the same bits for any `threadCount`.
/// A missing library stops the process with a message naming the Debian packages.
public struct OpenBLAS: @unchecked Sendable {
    /// How the kernel was chosen.
    public enum CoreSelection: String, Sendable {
        /// `OPENBLAS_CORETYPE` was already set by the user.
        case environment
        /// Pinned to `Zen` because the CPU reports AVX2 and FMA (the reproducible kernel).
        case pinned
        /// OpenBLAS's own detection.
        case detected
    }

    let sgemm: notes_cblas_sgemm_fn
    let setThreads: notes_openblas_set_num_threads_fn?
    let getThreads: notes_openblas_get_num_threads_fn?
    let getCoreName: notes_openblas_get_corename_fn?

    /// The path or soname that was loaded.
    public let libraryName: String
    /// How the kernel was chosen.
    public let selection: CoreSelection

    /// The process-wide instance; loading happens once, thread-safely, on first access.
    public static let shared: OpenBLAS = load()

    /// The kernel OpenBLAS runs on, e.g. `Zen`, `Haswell`, `SkylakeX`, `Prescott`.
    public var coreName: String {
        guard let getCoreName, let name = getCoreName() else { return "unknown" }
        return String(cString: name)
    }

    /// How many threads a matrix product may use (process-wide). Results do not depend on it.
    /// Starts at `OPENBLAS_NUM_THREADS` if set, else the number of active cores.
    public var threadCount: Int {
        get { gemmWorkers.load(ordering: .relaxed) }
        nonmutating set { gemmWorkers.store(max(1, newValue), ordering: .relaxed) }
    }

    /// Benchmarks only: hands products whole to OpenBLAS's own `threads` threads, the way
    /// other frameworks call it. Results then depend on the thread count; nothing the course
    /// builds uses this.
    public func useLibraryThreading(threads: Int) {
        setThreads?(Int32(max(1, threads)))
        gemmLibraryThreading.store(true, ordering: .relaxed)
    }

    /// Whether `useLibraryThreading` is in force.
    public var usesLibraryThreading: Bool { gemmLibraryThreading.load(ordering: .relaxed) }

    /// OpenBLAS's own thread count (1 unless `useLibraryThreading` changed it).
    public var libraryThreadCount: Int { getThreads.map { Int($0()) } ?? 1 }

    static let candidates = [
        "libopenblas.so.0", "libopenblas.so",
        "/usr/lib/x86_64-linux-gnu/libopenblas.so.0", "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
        "libopenblas.dylib", "/opt/homebrew/opt/openblas/lib/libopenblas.dylib",
    ]

    static func load() -> OpenBLAS {
        notes_flush_denormals_on_this_thread()
        let selection: CoreSelection
        if getenv("OPENBLAS_CORETYPE") != nil {
            selection = .environment
        } else if notes_cpu_has_avx2_fma() != 0 {
            setenv("OPENBLAS_CORETYPE", pinnedCore, 0)
            selection = .pinned
        } else {
            selection = .detected
        }
        let requested = getenv("OPENBLAS_NUM_THREADS").flatMap { Int(String(cString: $0)) }
        gemmWorkers.store(max(1, requested ?? ProcessInfo.processInfo.activeProcessorCount), ordering: .relaxed)
        setenv("OPENBLAS_NUM_THREADS", "1", 1)
        var handle: UnsafeMutableRawPointer?
        var loadedName = ""
        var errors: [String] = []
        for name in candidates {
            handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)
            if handle != nil { loadedName = name; break }
            if let message = dlerror() { errors.append(String(cString: message)) }
        }
        guard let handle else {
            fatalError("""
                Tensors: could not load OpenBLAS (tried \(candidates.joined(separator: ", "))).
                Install it with: sudo apt-get install libopenblas0-pthread   (or libopenblas-dev)
                dlopen said: \(errors.first ?? "nothing")
                """)
        }
        func symbol<F>(_ name: String, as type: F.Type) -> F? {
            guard let pointer = dlsym(handle, name) else { return nil }
            return unsafeBitCast(pointer, to: type)
        }
        guard let sgemm = symbol("cblas_sgemm", as: notes_cblas_sgemm_fn.self) else {
            fatalError("Tensors: \(loadedName) has no cblas_sgemm; install libopenblas0-pthread.")
        }
        let blas = OpenBLAS(
            sgemm: sgemm,
            setThreads: symbol("openblas_set_num_threads", as: notes_openblas_set_num_threads_fn.self),
            getThreads: symbol("openblas_get_num_threads", as: notes_openblas_get_num_threads_fn.self),
            getCoreName: symbol("openblas_get_corename", as: notes_openblas_get_corename_fn.self),
            libraryName: loadedName, selection: selection)
        blas.setThreads?(1)
        if selection == .detected, cpuSupportsAVX2FMA, preAVX2Cores.contains(blas.coreName) {
            FileHandle.standardError.write(Data("""
                Tensors: OpenBLAS did not recognize this CPU and chose its '\(blas.coreName)' kernel although \
                the CPU has AVX2/FMA; matmul will be ~4× slower. Set OPENBLAS_CORETYPE=Haswell (or Zen).\n
                """.utf8))
        }
        return blas
    }

    /// The kernel every AVX2/FMA CPU runs, so that results are the same bits on all of them.
    public static let pinnedCore = "Zen"

    /// Kernels that leave AVX2/FMA unused (what OpenBLAS falls back to for unknown CPUs).
    static let preAVX2Cores: Set<String> = [
        "Prescott", "Core2", "Penryn", "Dunnington", "Nehalem", "Sandybridge", "Atom",
        "Barcelona", "Opteron", "Opteron_SSE3", "Bobcat", "Bulldozer", "Piledriver", "Katmai",
        "Coppermine", "Northwood", "Banias", "Athlon", "unknown",
    ]

    /// Whether the CPU and OS support AVX-512 F/BW/VL/DQ (what OpenBLAS's SkylakeX kernel needs).
    public static var cpuSupportsSkylakeXKernel: Bool { notes_cpu_has_avx512_skylakex() != 0 }

    /// Whether the CPU and OS support AVX2 and FMA (what the Haswell/Zen kernels need).
    public static var cpuSupportsAVX2FMA: Bool { notes_cpu_has_avx2_fma() != 0 }

    /// Row-major single-precision GEMM: `C = alpha · op(A) · op(B) + beta · C`.
    ///
    /// - Parameters: `op(A)` is `m×k`, `op(B)` is `k×n`, `C` is `m×n`; `lda`, `ldb`, `ldc` are
    ///   the row strides of the stored (untransposed) matrices.
    public func gemm(transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
                     alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
                     b: UnsafePointer<Float>, ldb: Int,
                     beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        if m == 0 || n == 0 { return }
        if k == 0 {
            // BLAS leaves C scaled by beta; make that explicit for beta = 0.
            for i in 0..<m { for j in 0..<n { c[i * ldc + j] = beta == 0 ? 0 : beta * c[i * ldc + j] } }
            return
        }
        if usesLibraryThreading {
            sgemm(Int32(NotesCBLASRowMajor.rawValue),
                  Int32(transposeA ? NotesCBLASTrans.rawValue : NotesCBLASNoTrans.rawValue),
                  Int32(transposeB ? NotesCBLASTrans.rawValue : NotesCBLASNoTrans.rawValue),
                  Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
            return
        }
        blockedGEMM(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                    a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
    }
}
