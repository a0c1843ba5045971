import Foundation
import Tensors

/// `notes-bench tensors [matmul|vae|all] [--repeats N] [--seconds S]`
///
/// Prints one line per case:
///   bench=matmul m=128 k=784 n=300 trans=NN gflops=112.3 core=Zen threads=2
///   bench=vae-step impl=notes batch=128 samples_per_s=... ms_per_step=... core=Zen
/// Each number is the median over `repeats` timed blocks of about `seconds` each.
func runTensorsBenchmarks(_ arguments: ArraySlice<String>) -> Int32 {
    var which = "all", repeats = 7, seconds = 0.25
    var rest = Array(arguments)
    while !rest.isEmpty {
        let a = rest.removeFirst()
        switch a {
        case "matmul", "vae", "all": which = a
        case "--repeats": repeats = Int(rest.removeFirst()) ?? repeats
        case "--seconds": seconds = Double(rest.removeFirst()) ?? seconds
        default:
            FileHandle.standardError.write(Data("notes-bench tensors: unknown argument '\(a)'\n".utf8))
            return 2
        }
    }
    let blas = OpenBLAS.shared
    FileHandle.standardError.write(Data(
        "# OpenBLAS \(blas.libraryName) core=\(blas.coreName) selection=\(blas.selection.rawValue) threads=\(blas.threadCount) OPENBLAS_CORETYPE=\(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "-")\n".utf8))
    if which != "vae" { MatmulBenchmark.runAll(repeats: repeats, seconds: seconds) }
    if which != "matmul" { VAEStepBenchmark.run(repeats: repeats, seconds: seconds * 4) }
    return 0
}

/// Process CPU time (all threads) in seconds; unlike wall time it barely depends on how
/// busy the rest of the machine is, which makes single-thread runs comparable under load.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Times `body` in blocks of ~`seconds` and returns the median time per call.
func medianSecondsPerCall(repeats: Int, seconds: Double, _ body: () -> Void) -> Double {
    // Warm-up and calibration.
    var calls = 1
    var start = Date()
    body()
    let once = max(Date().timeIntervalSince(start), 1e-7)
    calls = max(1, Int(seconds / once))
    var samples: [Double] = []
    for _ in 0..<repeats {
        start = Date()
        for _ in 0..<calls { body() }
        samples.append(Date().timeIntervalSince(start) / Double(calls))
    }
    samples.sort()
    return samples[samples.count / 2]
}
