/// Caps and timeouts of the `notes serve` HTTP server. Every one of them bounds what a
/// single client can make the server hold: bytes, time or threads.
struct HTTPLimits: Sendable {
    /// Longest request line (`GET /path HTTP/1.1`); longer gets 414.
    var maxRequestLine = 8 * 1024
    /// Header block size and count; more gets 431.
    var maxHeaderBytes = 32 * 1024
    var maxHeaderCount = 100
    /// The whole request head must arrive within this time after the connection opens, and
    /// every send of the response must progress within it: an idle or slow client is dropped.
    var idleTimeout: Duration = .seconds(10)
    /// Connections served at once; more get 503 straight away.
    var maxConnections = 32
}

/// A request head: method, target, version and header fields, as sent.
struct HTTPRequest: Sendable {
    var method: String
    var target: String
    var version: String
    var headers: [(name: String, value: String)]

    /// The values of every field with this name (names compare case-insensitively).
    func values(of name: String) -> [String] {
        let wanted = name.lowercased()
        return headers.filter { $0.name.lowercased() == wanted }.map(\.value)
    }
}

/// Reads a request head from bytes fed as they arrive. Each byte is looked at once, so the
/// time is linear in the input, and the buffer never grows past the limits plus one chunk.
struct RequestHeadParser {
    /// Why a head was refused; each maps to the status the client gets.
    enum Failure: Error, Equatable {
        case malformed, uriTooLong, headersTooLarge, versionNotSupported

        var status: Int {
            switch self {
            case .malformed: 400
            case .uriTooLong: 414
            case .headersTooLarge: 431
            case .versionNotSupported: 505
            }
        }
    }

    let limits: HTTPLimits
    private var buffer: [UInt8] = []
    private var scanned = 0
    private var lineStart = 0
    private var requestLine: Range<Int>?
    private var headersStart = 0
    private var headerLines: [Range<Int>] = []
    private var blankLines = 0

    init(limits: HTTPLimits) {
        self.limits = limits
        buffer.reserveCapacity(4096)
    }

    /// Adds bytes; returns the request once its head is complete, nil while more is needed.
    mutating func feed(_ bytes: some Collection<UInt8>) throws(Failure) -> HTTPRequest? {
        buffer.append(contentsOf: bytes)
        while scanned < buffer.count {
            let index = scanned
            scanned += 1
            guard buffer[index] == Byte.lf else { continue }
            var end = index
            if end > lineStart, buffer[end - 1] == Byte.cr { end -= 1 }
            let line = lineStart..<end
            lineStart = index + 1
            if requestLine == nil {
                if line.isEmpty {
                    // A stray CRLF before the request line is allowed (RFC 9112 §2.2), a flood is not.
                    blankLines += 1
                    guard blankLines <= 4 else { throw .malformed }
                    continue
                }
                guard line.count <= limits.maxRequestLine else { throw .uriTooLong }
                requestLine = line
                headersStart = lineStart
            } else if line.isEmpty {
                return try parse()
            } else {
                headerLines.append(line)
                guard headerLines.count <= limits.maxHeaderCount,
                      lineStart - headersStart <= limits.maxHeaderBytes else { throw .headersTooLarge }
            }
        }
        if requestLine == nil {
            guard buffer.count - lineStart <= limits.maxRequestLine else { throw .uriTooLong }
        } else {
            guard buffer.count - headersStart <= limits.maxHeaderBytes else { throw .headersTooLarge }
        }
        return nil
    }

    private func parse() throws(Failure) -> HTTPRequest {
        guard let requestLine else { throw .malformed }
        let parts = buffer[requestLine].split(separator: Byte.space, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }),
              parts[0].allSatisfy(Byte.isToken),
              parts[1].allSatisfy({ (0x21...0x7E).contains($0) }) else { throw .malformed }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { throw .malformed }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { throw .versionNotSupported }

        var headers: [(name: String, value: String)] = []
        headers.reserveCapacity(headerLines.count)
        for line in headerLines {
            let field = buffer[line]
            // Obsolete line folding (a line starting with white space) is refused (RFC 9112 §5.2).
            guard let first = field.first, !Byte.isBlank(first),
                  let colon = field.firstIndex(of: Byte.colon) else { throw .malformed }
            let name = field[field.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(Byte.isToken) else { throw .malformed }
            var value = field[(colon + 1)...]
            while let b = value.first, Byte.isBlank(b) { value = value.dropFirst() }
            while let b = value.last, Byte.isBlank(b) { value = value.dropLast() }
            guard !value.contains(where: { ($0 < 0x20 && $0 != Byte.tab) || $0 == 0x7F }) else { throw .malformed }
            headers.append((String(decoding: name, as: UTF8.self), String(decoding: value, as: UTF8.self)))
        }
        return HTTPRequest(method: String(decoding: parts[0], as: UTF8.self),
                           target: String(decoding: parts[1], as: UTF8.self),
                           version: version, headers: headers)
    }
}

/// The bytes HTTP's grammar cares about.
enum Byte {
    static let cr: UInt8 = 13, lf: UInt8 = 10, space: UInt8 = 32, tab: UInt8 = 9, colon: UInt8 = 58

    private static let tokenSymbols = Array("!#$%&'*+-.^_`|~".utf8)

    static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab }

    /// `tchar` of RFC 9110 §5.6.2: the characters of methods and field names.
    static func isToken(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default:
            tokenSymbols.contains(b)
        }
    }
}
