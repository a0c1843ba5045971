/// What `notes serve` accepts before looking at the path: a Host header naming this machine
/// when it listens on loopback (so a page from another site cannot read ours through DNS
/// rebinding), and only GET and HEAD.
enum RequestPolicy {
    static let allowedMethods = "GET, HEAD"

    /// The refusal for a request, or nil when it may be answered. `loopbackOnly` is true
    /// when the server listens on a loopback address.
    static func refusal(for request: HTTPRequest, loopbackOnly: Bool) -> HTTPResponse? {
        let hosts = request.values(of: "Host")
        if hosts.count > 1 || (hosts.isEmpty && request.version == "HTTP/1.1") {
            return .text(400, "400: o pedido precisa de um cabeçalho Host (um só)")
        }
        if loopbackOnly, let host = hosts.first, !isLoopbackHost(host) {
            return .text(403, "403: este servidor só atende por localhost, 127.0.0.1 ou [::1]")
        }
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(405, "405: só GET e HEAD", headers: [("Allow", allowedMethods)])
        }
        guard request.target.hasPrefix("/") else {
            return .text(400, "400: endereço inválido")
        }
        return nil
    }

    /// `localhost`, `127.x.x.x` or `[::1]`, each with an optional `:port`.
    static func isLoopbackHost(_ value: String) -> Bool {
        let host = value.lowercased()
        let name: Substring, port: Substring?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            name = host[host.index(after: host.startIndex)..<close]
            let rest = host[host.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            port = rest.isEmpty ? nil : rest.dropFirst()
            guard name == "::1" else { return false }
        } else if let colon = host.firstIndex(of: ":") {
            name = host[..<colon]
            port = host[host.index(after: colon)...]
        } else {
            name = host[...]
            port = nil
        }
        if let port {
            guard (1...5).contains(port.count), port.allSatisfy(\.isASCIIDigit),
                  let number = Int(port), number <= 65535 else { return false }
        }
        return name == "localhost" || name == "::1" || isIPv4Loopback(name)
    }

    /// Dotted-quad 127.0.0.0/8, digits only.
    private static func isIPv4Loopback(_ name: Substring) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy(\.isASCIIDigit) && Int(part)! <= 255
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
