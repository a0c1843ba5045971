import Foundation
@testable import NotesCLI
import Testing

extension ServeTests {
    /// The HTTP server over raw TCP on 127.0.0.1: methods, caps, timeouts, Host checks.
    @Suite struct HTTP {
        @Test func headHasTheHeadersOfGetAndNoBody() throws {
            let site = try TestSite()
            defer { site.close() }
            let get = try RawClient.get(site.port, "/")
            let head = try RawClient.get(site.port, "/", method: "HEAD")
            #expect(get.status == 200)
            #expect(head.status == 200)
            #expect(get.text.contains("Início"))
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == String(get.body.count))
            #expect(head.headers["content-type"] == "text/html; charset=utf-8")
            #expect(head.headers["cache-control"] == "no-store")
            #expect(try RawClient.get(site.port, "/falta.html", method: "HEAD").status == 404)
        }

        @Test(arguments: ["POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"])
        func otherMethodsGet405(method: String) throws {
            let site = try TestSite()
            defer { site.close() }
            let response = try RawClient.get(site.port, "/", method: method)
            #expect(response.status == 405)
            #expect(response.headers["allow"] == "GET, HEAD")
        }

        @Test(.timeLimit(.minutes(1)))
        func megabyteRequestLineGets414() throws {
            let site = try TestSite()
            defer { site.close() }
            let request = "GET /" + String(repeating: "a", count: 1 << 20) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            let response = try RawClient.exchange(site.port, request, timeout: 30)
            #expect(response.status == 414)
            // And the server still answers others.
            #expect(try RawClient.get(site.port, "/").status == 200)
        }

        @Test func tooManyOrTooLargeHeadersGet431() throws {
            let site = try TestSite()
            defer { site.close() }
            let many = (0..<150).map { "X-Campo-\($0): valor\r\n" }.joined()
            #expect(try RawClient.exchange(site.port, "GET / HTTP/1.1\r\nHost: localhost\r\n\(many)\r\n").status == 431)
            let large = "X-Grande: " + String(repeating: "b", count: 40 * 1024) + "\r\n"
            #expect(try RawClient.exchange(site.port, "GET / HTTP/1.1\r\nHost: localhost\r\n\(large)\r\n").status == 431)
        }

        @Test(arguments: ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.evil.example",
                          "10.0.0.1", "[::2]", "localhost:abc", "127.0.0.1:99999"])
        func foreignHostGets403(host: String) throws {
            let site = try TestSite()
            defer { site.close() }
            let response = try RawClient.exchange(site.port, "GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
            #expect(response.status == 403)
            #expect(!response.text.contains("Início"))
        }

        @Test func loopbackHostsAreServedAndAMissingHostIsRefused() throws {
            let site = try TestSite()
            defer { site.close() }
            for host in ["localhost", "LOCALHOST:\(site.port)", "127.0.0.1:\(site.port)", "127.1.2.3", "[::1]:\(site.port)", "[::1]"] {
                let response = try RawClient.exchange(site.port, "GET / HTTP/1.1\r\nHost: \(host)\r\n\r\n")
                #expect(response.status == 200, "Host: \(host)")
            }
            #expect(try RawClient.exchange(site.port, "GET / HTTP/1.1\r\n\r\n").status == 400)
            #expect(try RawClient.exchange(site.port, "GET / HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\n\r\n").status == 400)
            #expect(try RawClient.exchange(site.port, "GET / HTTP/1.0\r\n\r\n").status == 200)
        }

        @Test func idleConnectionIsClosedAfterTheIdleTimeout() throws {
            let site = try TestSite(limits: HTTPLimits(idleTimeout: .milliseconds(300)))
            defer { site.close() }
            let client = try RawClient(port: site.port, timeout: 10)
            defer { client.close() }
            let opened = ContinuousClock.now
            let (bytes, closed) = client.readAll()
            #expect(closed, "the server kept an idle connection open for 10 s")
            #expect(ContinuousClock.now - opened >= .milliseconds(250))
            #expect(RawResponse(bytes).status == 408)
        }

        @Test func slowClientIsDroppedAfterTheIdleTimeout() throws {
            let site = try TestSite(limits: HTTPLimits(idleTimeout: .milliseconds(300)))
            defer { site.close() }
            let client = try RawClient(port: site.port, timeout: 10)
            defer { client.close() }
            // One byte every 50 ms never completes a head; the server must give up anyway.
            var answered = false
            for byte in Array("GET / HTTP/1.1\r\nHost: localhost\r\nX-Lento: ".utf8) + Array(repeating: 97, count: 100) {
                client.send([byte])
                if client.readable(within: 50) { answered = true; break }
            }
            #expect(answered, "a client sending one byte every 50 ms kept its connection for 7 s")
            #expect(RawResponse(client.readAll().bytes).status == 408)
        }

        @Test func connectionsOverTheCapGet503() throws {
            let site = try TestSite(limits: HTTPLimits(idleTimeout: .seconds(5), maxConnections: 2))
            defer { site.close() }
            let idle = try (0..<2).map { _ in try RawClient(port: site.port) }
            // Wait (bounded) until the server holds both, then one more is refused at once.
            for _ in 0..<100 where site.server.openConnections < 2 { Thread.sleep(forTimeInterval: 0.02) }
            #expect(site.server.openConnections == 2)
            let extra = try RawClient(port: site.port)
            #expect(RawResponse(extra.readAll().bytes).status == 503)
            extra.close()
            for client in idle { client.close() }
            for _ in 0..<100 where site.server.openConnections > 0 { Thread.sleep(forTimeInterval: 0.02) }
            #expect(try RawClient.get(site.port, "/").status == 200)
        }

        @Test(arguments: [
            ("GET /a b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
            ("GET /\u{1}x HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
            ("GET / HTTP/2.0\r\nHost: localhost\r\n\r\n", 505),
            ("GET / HTTP/1.1\r\n Host: localhost\r\n\r\n", 400),
            ("GET / HTTP/1.1\r\nHost : localhost\r\n\r\n", 400),
            ("GET http://localhost/ HTTP/1.1\r\nHost: localhost\r\n\r\n", 400),
        ])
        func malformedRequestsGetTheirStatus(request: String, status: Int) throws {
            let site = try TestSite()
            defer { site.close() }
            #expect(try RawClient.exchange(site.port, request).status == status)
        }

        @Test func parserReadsAHeadFedOneByteAtATime() throws {
            var parser = RequestHeadParser(limits: HTTPLimits())
            var request: HTTPRequest?
            for byte in Array("\r\nHEAD /x?y=1 HTTP/1.1\r\nHost:  localhost:80 \r\nAccept: */*\n\r\n".utf8) {
                #expect(request == nil)
                request = try parser.feed([byte])
            }
            #expect(request?.method == "HEAD")
            #expect(request?.target == "/x?y=1")
            #expect(request?.values(of: "host") == ["localhost:80"])
            #expect(request?.headers.count == 2)
        }

        @Test func parserRefusesALongRequestLineBeforeItEnds() {
            var parser = RequestHeadParser(limits: HTTPLimits(maxRequestLine: 100))
            #expect(throws: RequestHeadParser.Failure.uriTooLong) {
                _ = try parser.feed(Array(("GET /" + String(repeating: "a", count: 200)).utf8))
            }
        }
    }
}
