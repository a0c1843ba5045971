#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
@testable import NotesCLI

/// A raw TCP client for the serve tests, on 127.0.0.1 only. Every read and write gives up
/// after its timeout, so no test can hang on a server that misbehaves.
struct RawClient {
    let fd: Int32

    struct Failure: Error, CustomStringConvertible { var description: String }

    init(port: UInt16, timeout: Double = 10) throws {
        fd = socket(AF_INET, Socket.stream, 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(Socket.describe(errno))") }
        var limit = timeval(tv_sec: .init(timeout), tv_usec: .init((timeout - timeout.rounded(.down)) * 1e6))
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = (UInt32(127) << 24 | 1).bigEndian
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            closeDescriptor(fd)
            throw Failure(description: "connect: \(Socket.describe(code))")
        }
    }

    /// Sends bytes; false when the server closed or stopped reading.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool { Socket.sendAll(fd, bytes) }
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// No more to send: the server sees the end of the stream.
    func finishSending() { _ = shutdown(fd, Int32(SHUT_WR)) }

    /// Reads until the server closes (`closed` true) or the timeout passes (false).
    func readAll() -> (bytes: [UInt8], closed: Bool) {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = Socket.receive(fd, into: &chunk)
            if count == 0 { return (bytes, true) }
            if count < 0 { return (bytes, errno == ECONNRESET) }
            bytes += chunk[0..<count]
        }
    }

    /// True when something can be read within `milliseconds` (data or the server closing).
    func readable(within milliseconds: Int32) -> Bool { Socket.waitReadable(fd, milliseconds: milliseconds) }

    func close() { closeDescriptor(fd) }

    /// One request, sent whole, and the answer.
    static func exchange(_ port: UInt16, _ request: String, timeout: Double = 10) throws -> RawResponse {
        try exchange(port, Array(request.utf8), timeout: timeout)
    }

    static func exchange(_ port: UInt16, _ request: [UInt8], timeout: Double = 10) throws -> RawResponse {
        let client = try RawClient(port: port, timeout: timeout)
        defer { client.close() }
        client.send(request)
        client.finishSending()
        return RawResponse(client.readAll().bytes)
    }

    /// `GET path` with a good Host header.
    static func get(_ port: UInt16, _ target: String, method: String = "GET") throws -> RawResponse {
        try exchange(port, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
    }
}

/// An answer as read off the wire: status 0 when there was none.
struct RawResponse {
    var status = 0
    var headers: [String: String] = [:]
    var body: [UInt8] = []
    var text: String { String(decoding: body, as: UTF8.self) }

    init(_ bytes: [UInt8]) {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4,
              let end = (0...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator })
        else { return }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        status = statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        body = Array(bytes[(end + 4)...])
    }
}

/// A served output folder, without any build: a page, a style sheet, and a secret file
/// beside (outside) the folder that no request may reach.
final class TestSite {
    let root: URL
    let output: URL
    let server: HTTPServer
    var port: UInt16 { server.port }
    static let secret = "segredo-fora-da-pasta"

    init(limits: HTTPLimits = HTTPLimits(idleTimeout: .seconds(5))) throws {
        let fm = FileManager.default
        root = fm.temporaryDirectory.appendingPathComponent("notes-serve-site-\(UUID().uuidString)")
        output = root.appendingPathComponent("Output")
        try fm.createDirectory(at: output.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "<html><body><p>Início</p></body></html>".write(to: output.appendingPathComponent("index.html"),
                                                          atomically: true, encoding: .utf8)
        try "p { color: red }".write(to: output.appendingPathComponent("assets/notes.css"), atomically: true, encoding: .utf8)
        try Self.secret.write(to: root.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        server = try HTTPServer(host: "127.0.0.1", port: 0, limits: limits)
        SiteServer(outputFolder: output, loopbackOnly: server.isLoopback, version: { 1 }).serve(on: server)
    }

    func close() {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }
}

/// Runs `body` on its own thread and waits at most `seconds`: nil when it did not finish.
func bounded<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Thread {
        box.value = body()
        done.signal()
    }.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.value
}

private func closeDescriptor(_ fd: Int32) { _ = close(fd) }

private final class ResultBox<T>: @unchecked Sendable { var value: T? }
