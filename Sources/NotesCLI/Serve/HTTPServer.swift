#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A small HTTP/1.1 server on POSIX sockets: one request per connection, one thread per
/// connection, at most `limits.maxConnections` of them. Binding happens in `init`, so a
/// taken port fails before anything else; `start` begins answering.
final class HTTPServer: @unchecked Sendable {
    typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    let port: UInt16
    /// Listening on 127.0.0.0/8 or ::1.
    let isLoopback: Bool
    let limits: HTTPLimits
    private let socket: ListeningSocket
    private let lock = NSLock()
    private var connections: Set<Int32> = []
    private var stopping = false
    private var started = false
    private let acceptFinished = DispatchSemaphore(value: 0)

    init(host: String, port: UInt16, limits: HTTPLimits = HTTPLimits()) throws(ServeError) {
        socket = try ListeningSocket.open(host: host, port: port)
        self.port = socket.port
        self.isLoopback = socket.isLoopback
        self.limits = limits
    }

    /// How many connections are being served now.
    var openConnections: Int { lock.withLock { connections.count } }

    /// Starts the accept loop on its own thread; `handler` answers every well-formed request.
    func start(_ handler: @escaping Handler) {
        guard lock.withLock({ () -> Bool in
            guard !started, !stopping else { return false }
            started = true
            return true
        }) else { return }
        let thread = Thread { [self] in acceptLoop(handler) }
        thread.name = "notes serve http"
        thread.start()
    }

    /// Stops accepting, wakes every open connection so it ends, and closes the socket.
    func stop() {
        let loopRuns: Bool? = lock.withLock {
            guard !stopping else { return nil }
            stopping = true
            for fd in connections { _ = shutdown(fd, Int32(SHUT_RDWR)) }
            return started
        }
        switch loopRuns {
        case true?: acceptFinished.wait()
        case false?: socket.close()
        case nil: break
        }
    }

    private var isStopping: Bool { lock.withLock { stopping } }

    private func acceptLoop(_ handler: @escaping Handler) {
        defer {
            socket.close()
            acceptFinished.signal()
        }
        while !isStopping {
            // A short poll keeps `stop` prompt without a wake-up pipe.
            guard Socket.waitReadable(socket.fd, milliseconds: 100) else { continue }
            let fd = accept(socket.fd, nil, nil)
            guard fd >= 0 else {
                if errno == EMFILE || errno == ENFILE { Thread.sleep(forTimeInterval: 0.05) }
                continue
            }
            Socket.configure(fd, nonBlocking: false)
            guard admit(fd) else {
                // Over the cap: a short answer that fits the socket buffer, never a wait.
                Socket.sendAll(fd, HTTPResponse.refusal(503).serialized(includeBody: true), flags: Int32(MSG_DONTWAIT))
                _ = shutdown(fd, Int32(SHUT_WR))
                close(fd)
                continue
            }
            let connection = HTTPConnection(fd: fd, limits: limits, handler: handler)
            let thread = Thread { [self] in
                connection.serve()
                release(fd)
            }
            thread.name = "notes serve connection"
            thread.stackSize = 1 << 20
            thread.start()
        }
    }

    private func admit(_ fd: Int32) -> Bool {
        lock.withLock {
            guard !stopping, connections.count < limits.maxConnections else { return false }
            connections.insert(fd)
            return true
        }
    }

    /// Forgets and closes a finished connection (under the lock, so `stop` never shuts a
    /// descriptor number that was already reused).
    private func release(_ fd: Int32) {
        lock.withLock {
            connections.remove(fd)
            close(fd)
        }
    }
}

/// One connection: read the head within the idle timeout, answer, close.
struct HTTPConnection: Sendable {
    let fd: Int32
    let limits: HTTPLimits
    let handler: HTTPServer.Handler

    private enum Head {
        case request(HTTPRequest), refused(Int), timedOut, closed
    }

    func serve() {
        Socket.setSendTimeout(fd, limits.idleTimeout)
        let response: [UInt8]
        switch readHead() {
        case .closed:
            return
        case .timedOut:
            response = HTTPResponse.refusal(408).serialized(includeBody: true)
        case .refused(let status):
            response = HTTPResponse.refusal(status).serialized(includeBody: true)
        case .request(let request):
            response = handler(request).serialized(includeBody: request.method != "HEAD")
        }
        guard Socket.sendAll(fd, response) else { return }
        _ = shutdown(fd, Int32(SHUT_WR))
        drain()
    }

    private func readHead() -> Head {
        var parser = RequestHeadParser(limits: limits)
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let deadline = ContinuousClock.now + limits.idleTimeout
        while true {
            let left = Socket.milliseconds(deadline - ContinuousClock.now)
            guard left > 0, Socket.waitReadable(fd, milliseconds: left) else { return .timedOut }
            let count = Socket.receive(fd, into: &chunk)
            guard count > 0 else { return .closed }
            do {
                if let request = try parser.feed(chunk[0..<count]) { return .request(request) }
            } catch {
                return .refused(error.status)
            }
        }
    }

    /// Reads and drops what the client still sends (the rest of a huge request line, say)
    /// for a bounded time, so closing does not reset the connection before it has read the
    /// answer.
    private func drain() {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let deadline = ContinuousClock.now + .seconds(2)
        var total = 0
        while total < 8 << 20, ContinuousClock.now < deadline,
              Socket.waitReadable(fd, milliseconds: 250) {
            let count = Socket.receive(fd, into: &chunk)
            guard count > 0 else { return }
            total += count
        }
    }
}
