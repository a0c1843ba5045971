import Foundation
import Tensors

extension Catalogue {
    /// Divides the machine's cores among `jobs` experiments running at once, so a parallel
    /// build does not oversubscribe the CPU: the matrix-product thread count is process-wide,
    /// and each running experiment issues its own products. Results do not depend on it
    /// (see `GEMMPlan`). Returns the threads per job.
    @discardableResult
    public static func divideThreads(amongJobs jobs: Int) -> Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let threads = max(1, cores / max(1, jobs))
        OpenBLAS.shared.threadCount = threads
        return threads
    }
}
