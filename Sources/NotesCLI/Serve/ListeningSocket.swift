#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A bound, listening TCP socket. Binding fails at once with a message a person can act
/// on: a port in use names a free one to try instead.
struct ListeningSocket: Sendable {
    let fd: Int32
    let port: UInt16
    let isLoopback: Bool

    static func open(host: String, port: UInt16, backlog: Int32 = 128) throws(ServeError) -> ListeningSocket {
        let address = try ListenAddress(host: host, port: port)
        let fd = socket(address.family, Socket.stream, 0)
        guard fd >= 0 else { throw ServeError("cannot open a socket: \(Socket.describe(errno))") }
        Socket.configure(fd, nonBlocking: true)
        Socket.setFlag(fd, SOL_SOCKET, SO_REUSEADDR)
        if address.family == AF_INET6 { Socket.setFlag(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY) }
        var code = address.bind(fd)
        if code == 0, listen(fd, backlog) != 0 { code = errno }
        guard code == 0 else {
            _ = systemClose(fd)
            throw bindError(code, address: address, port: port)
        }
        guard let bound = boundPort(fd) else {
            let code = errno
            _ = systemClose(fd)
            throw ServeError("cannot read the port of \(host):\(port): \(Socket.describe(code))")
        }
        return ListeningSocket(fd: fd, port: bound, isLoopback: address.isLoopback)
    }

    func close() { _ = systemClose(fd) }

    private static func bindError(_ code: Int32, address: ListenAddress, port: UInt16) -> ServeError {
        switch code {
        case EADDRINUSE:
            return ServeError("port \(port) is in use; try --port \(freePort(near: port, on: address))")
        case EACCES:
            return ServeError("cannot listen on \(address.host):\(port): permission denied (ports below 1024 need root); try --port 8000")
        case EADDRNOTAVAIL:
            return ServeError("cannot listen on \(address.host): not an address of this machine; use --host 127.0.0.1")
        default:
            return ServeError("cannot listen on \(address.host):\(port): \(Socket.describe(code))")
        }
    }

    /// The first of the next 100 ports that binds on this address, else one the system picks.
    static func freePort(near port: UInt16, on address: ListenAddress) -> UInt16 {
        let first = Int(port) + 1, last = min(Int(port) + 100, Int(UInt16.max))
        if first <= last {
            for candidate in first...last where binds(UInt16(candidate), on: address) != nil {
                return UInt16(candidate)
            }
        }
        return binds(0, on: address) ?? 0
    }

    /// Binds and releases a port; the port bound, or nil when it is taken.
    private static func binds(_ port: UInt16, on address: ListenAddress) -> UInt16? {
        let fd = socket(address.family, Socket.stream, 0)
        guard fd >= 0 else { return nil }
        defer { _ = systemClose(fd) }
        Socket.setFlag(fd, SOL_SOCKET, SO_REUSEADDR)
        if address.family == AF_INET6 { Socket.setFlag(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY) }
        guard address.with(port: port).bind(fd) == 0 else { return nil }
        return boundPort(fd)
    }

    private static func boundPort(_ fd: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
        default:
            return nil
        }
    }
}

private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
