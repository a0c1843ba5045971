import Foundation

/// A contiguous Float32 buffer owned by one or more tensors (reshape shares it).
///
/// Buffers come from and return to `StoragePool`, so a training loop that builds the same
/// graph every step reuses the same memory instead of faulting in fresh pages.
/// Contents are uninitialized unless created with `zeroed`.
final class TensorStorage {
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// An uninitialized buffer of `count` floats.
    init(uninitializedCount count: Int) {
        self.count = count
        self.pointer = StoragePool.shared.take(count)
    }

    /// A buffer of `count` zeros.
    convenience init(zeroedCount count: Int) {
        self.init(uninitializedCount: count)
        pointer.update(repeating: 0, count: count)
    }

    /// A buffer holding a copy of `scalars`.
    convenience init(copying scalars: UnsafeBufferPointer<Float>) {
        self.init(uninitializedCount: scalars.count)
        if let base = scalars.baseAddress { pointer.update(from: base, count: scalars.count) }
    }

    var buffer: UnsafeMutableBufferPointer<Float> { .init(start: pointer, count: count) }

    deinit { StoragePool.shared.give(pointer, count: count) }
}

/// A process-wide free list of float buffers keyed by element count.
///
/// At most `perSizeLimit` buffers are kept per size and `byteLimit` bytes in total; the
/// rest are freed. Thread-safe (one lock; it is taken once per tensor, not per element).
final class StoragePool: @unchecked Sendable {
    static let shared = StoragePool()

    private let lock = NSLock()
    private var free: [Int: [UnsafeMutablePointer<Float>]] = [:]
    private var pooledBytes = 0
    let perSizeLimit = 32
    let byteLimit = 512 << 20

    func take(_ count: Int) -> UnsafeMutablePointer<Float> {
        let n = max(count, 1)
        lock.lock()
        if var list = free[n], let p = list.popLast() {
            free[n] = list
            pooledBytes -= n * 4
            lock.unlock()
            return p
        }
        lock.unlock()
        // 64-byte alignment for full-width vector loads.
        let raw = UnsafeMutableRawPointer.allocate(byteCount: n * 4, alignment: 64)
        return raw.bindMemory(to: Float.self, capacity: n)
    }

    func give(_ pointer: UnsafeMutablePointer<Float>, count: Int) {
        let n = max(count, 1)
        lock.lock()
        if pooledBytes + n * 4 <= byteLimit, free[n, default: []].count < perSizeLimit {
            free[n, default: []].append(pointer)
            pooledBytes += n * 4
            lock.unlock()
            return
        }
        lock.unlock()
        pointer.deallocate()
    }

    /// Frees every pooled buffer (e.g. between unrelated experiments).
    func drain() {
        lock.lock()
        let all = free
        free = [:]
        pooledBytes = 0
        lock.unlock()
        for list in all.values { for p in list { p.deallocate() } }
    }
}
