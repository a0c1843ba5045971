#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX socket calls `notes serve` needs.
enum Socket {
    #if canImport(Darwin)
    static let stream = SOCK_STREAM
    static let noSignal: Int32 = 0
    #else
    static let stream = Int32(SOCK_STREAM.rawValue)
    /// No SIGPIPE when the client has gone away: send fails with EPIPE instead.
    static let noSignal = Int32(MSG_NOSIGNAL)
    #endif

    /// The text of an errno value.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func setFlag(_ fd: Int32, _ level: Int32, _ name: Int32, _ on: Bool = true) {
        var value: Int32 = on ? 1 : 0
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    static func configure(_ fd: Int32, nonBlocking: Bool) {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, nonBlocking ? flags | O_NONBLOCK : flags & ~O_NONBLOCK)
        #if canImport(Darwin)
        setFlag(fd, SOL_SOCKET, SO_NOSIGPIPE)
        #endif
    }

    /// Sends fail with EAGAIN when the peer has read nothing for this long.
    static func setSendTimeout(_ fd: Int32, _ timeout: Duration) {
        let ms = milliseconds(timeout)
        var value = timeval(tv_sec: .init(ms / 1000), tv_usec: .init((ms % 1000) * 1000))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Waits until `fd` can be read (or the peer hung up): true then, false on timeout.
    static func waitReadable(_ fd: Int32, milliseconds ms: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, max(ms, 0))
            if ready < 0, errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Reads what is there, up to `buffer.count` bytes: the count, 0 at end of stream, -1 on error.
    static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            return count
        }
    }

    /// Writes every byte; false when the peer is gone or stopped reading (send timeout).
    @discardableResult
    static func sendAll(_ fd: Int32, _ bytes: [UInt8], flags: Int32 = 0) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                send(fd, $0.baseAddress! + offset, $0.count - offset, noSignal | flags)
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        return Int32(clamping: max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000))
    }
}

/// An IP address and port to listen on: an IPv4 or IPv6 literal, or `localhost`.
struct ListenAddress {
    private enum Storage { case v4(sockaddr_in), v6(sockaddr_in6) }
    private var storage: Storage
    let host: String

    init(host: String, port: UInt16) throws(ServeError) {
        self.host = host
        let name = host.lowercased() == "localhost" ? "127.0.0.1" : host
        var v4 = in_addr()
        if inet_pton(AF_INET, name, &v4) == 1 {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr = v4
            storage = .v4(address)
            return
        }
        let bare = name.hasPrefix("[") && name.hasSuffix("]") ? String(name.dropFirst().dropLast()) : name
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, bare, &v6) == 1 else {
            throw ServeError("--host \(host) is not an IP address; use 127.0.0.1 (the default), ::1 or localhost")
        }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = port.bigEndian
        address.sin6_addr = v6
        storage = .v6(address)
    }

    var family: Int32 {
        switch storage {
        case .v4: AF_INET
        case .v6: AF_INET6
        }
    }

    /// 127.0.0.0/8 or ::1: only this machine can connect.
    var isLoopback: Bool {
        switch storage {
        case .v4(let address):
            return UInt32(bigEndian: address.sin_addr.s_addr) >> 24 == 127
        case .v6(let address):
            return withUnsafeBytes(of: address.sin6_addr) { Array($0) } == Array(repeating: 0, count: 15) + [1]
        }
    }

    /// The same address with another port.
    func with(port: UInt16) -> ListenAddress {
        var copy = self
        switch storage {
        case .v4(var address): address.sin_port = port.bigEndian; copy.storage = .v4(address)
        case .v6(var address): address.sin6_port = port.bigEndian; copy.storage = .v6(address)
        }
        return copy
    }

    /// `bind(2)` on this address: 0, or the errno.
    func bind(_ fd: Int32) -> Int32 {
        let result: Int32 = switch storage {
        case .v4(var address):
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    systemBind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        case .v6(var address):
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    systemBind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
        return result == 0 ? 0 : errno
    }
}

private func systemBind(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    bind(fd, address, length)
}
