/// A response to write: status, header fields and body. Content-Length and
/// `Connection: close` are added when it is written; one request per connection.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer (errors and refusals), never cached.
    static func text(_ status: Int, _ message: String,
                     headers extra: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status,
                     headers: [("Content-Type", "text/plain; charset=utf-8"), ("Cache-Control", "no-store")] + extra,
                     body: Array((message + "\n").utf8))
    }

    /// The value of the first field with this name, if any.
    func value(of name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The bytes on the wire. A HEAD answer has the GET answer's headers, Content-Length
    /// included, and no body (RFC 9110 §9.3.2).
    func serialized(includeBody: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for field in headers { head += "\(field.name): \(field.value)\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        var bytes = Array(head.utf8)
        if includeBody { bytes += body }
        return bytes
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 414: "URI Too Long"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }

    /// The answers the server gives on its own, before any handler sees the request.
    static func refusal(_ status: Int) -> HTTPResponse {
        let message = switch status {
        case 400: "400: pedido malformado"
        case 408: "408: o pedido não chegou a tempo"
        case 414: "414: endereço longo demais"
        case 431: "431: cabeçalhos grandes demais"
        case 503: "503: conexões demais; tente de novo"
        case 505: "505: versão de HTTP não suportada"
        default: "\(status): \(reason(status))"
        }
        return text(status, message)
    }
}
