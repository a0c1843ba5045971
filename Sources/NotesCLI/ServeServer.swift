import FlyingFox
import Foundation

/// The HTTP side of `notes serve`: the output folder's files, the version endpoint, and the
/// live-reload script in HTML pages. It knows nothing of builds: `version` says which
/// build the files come from.
struct SiteServer: Sendable {
    var outputFolder: URL
    var host: String
    var port: UInt16
    var version: @Sendable () -> Int

    /// Starts listening; returns the server and the port it got (useful with port 0).
    func start() async throws -> (server: HTTPServer, port: UInt16) {
        let address = try sockaddr_in.inet(ip4: host, port: port)
        let server = HTTPServer(address: address, logger: .disabled)
        let handler = self
        await server.appendRoute("GET *") { request in handler.respond(to: request.path) }
        Task { try? await server.run() }
        try await server.waitUntilListening(timeout: 10)
        guard case .ip4(_, let boundPort)? = await server.listeningAddress else {
            await server.stop()
            throw ServeError("could not listen on \(host):\(port)")
        }
        return (server, boundPort)
    }

    /// The response for a request path (`/`, `/05-gmvae.html`, `/__notes/version`).
    func respond(to path: String) -> HTTPResponse {
        if path == LiveReload.versionPath {
            return response(.ok, type: "application/json", Data(LiveReload.versionJSON(version()).utf8))
        }
        guard let url = file(for: path) else { return notFound(path) }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
              let data = try? Data(contentsOf: url) else { return notFound(path) }
        let type = Self.contentTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
        guard url.pathExtension == "html" else { return response(.ok, type: type, data) }
        let page = LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version())
        return response(.ok, type: type, Data(page.utf8))
    }

    /// The file a path names inside the output folder; nil for paths that try to leave it.
    func file(for path: String) -> URL? {
        let clean = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        let decoded = clean.removingPercentEncoding ?? clean
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        var url = outputFolder
        for part in parts { url.appendPathComponent(part) }
        if parts.isEmpty || decoded.hasSuffix("/") { url.appendPathComponent("index.html") }
        return url
    }

    private func response(_ status: HTTPStatusCode, type: String, _ body: Data) -> HTTPResponse {
        HTTPResponse(statusCode: status,
                     headers: [.contentType: type, HTTPHeader("Cache-Control"): "no-store"],
                     body: body)
    }

    private func notFound(_ path: String) -> HTTPResponse {
        response(.notFound, type: "text/plain; charset=utf-8", Data("404: \(path) não existe\n".utf8))
    }

    static let contentTypes: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8", "json": "application/json",
        "svg": "image/svg+xml", "csv": "text/csv; charset=utf-8", "png": "image/png",
        "woff2": "font/woff2", "woff": "font/woff", "ttf": "font/ttf", "txt": "text/plain; charset=utf-8",
    ]
}

/// A failure to start serving.
struct ServeError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
