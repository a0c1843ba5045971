import Foundation

/// An exclusive advisory lock on a folder (`flock(2)` on the folder itself, so no lock file
/// is left behind), held while a build writes into it. A second build on the same output or
/// cache folder waits, saying so, instead of deleting the first one's files mid-write.
public final class FolderLock: @unchecked Sendable {
    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Locks `folder` (which must exist), waiting for another holder; `waiting` is told once
    /// when the lock is taken by someone else. Nil when the folder cannot be opened (the lock
    /// is then skipped: a read-only or exotic file system should not stop the build).
    public static func acquire(_ folder: URL, waiting: (String) -> Void) -> FolderLock? {
        let fd = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else { close(fd); return nil }
            waiting("waiting for another notes command that is using \(folder.path)…")
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else { close(fd); return nil }
            }
        }
        return FolderLock(descriptor: fd)
    }

    /// Releases the lock (also done when the object goes away, or the process ends).
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
