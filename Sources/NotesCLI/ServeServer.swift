import Foundation

/// The HTTP side of `notes serve`: the output folder's files, the version endpoint, and the
/// live-reload script in HTML pages. It knows nothing of builds: `version` says which
/// build the files come from. The socket work is `HTTPServer`'s.
struct SiteServer: Sendable {
    var files: OutputFiles
    /// Refuse Host headers that do not name this machine (the server listens on loopback).
    var loopbackOnly: Bool
    var version: @Sendable () -> Int

    init(outputFolder: URL, loopbackOnly: Bool = true, version: @escaping @Sendable () -> Int) {
        files = OutputFiles(folder: outputFolder)
        self.loopbackOnly = loopbackOnly
        self.version = version
    }

    /// Starts answering on a bound server.
    func serve(on server: HTTPServer) {
        let site = self
        server.start { request in site.respond(to: request) }
    }

    /// The answer to a request: refusals first, then the same response for GET and HEAD
    /// (the server leaves out HEAD's body).
    func respond(to request: HTTPRequest) -> HTTPResponse {
        if let refusal = RequestPolicy.refusal(for: request, loopbackOnly: loopbackOnly) { return refusal }
        return respond(to: request.target)
    }

    /// The response for a request target (`/`, `/05-gmvae.html`, `/__notes/version`).
    func respond(to target: String) -> HTTPResponse {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        if path == LiveReload.versionPath {
            return response(type: "application/json", Array(LiveReload.versionJSON(version()).utf8))
        }
        guard let (url, data) = files.read(target) else { return notFound(path) }
        let type = Self.contentTypes[url.pathExtension.lowercased()] ?? "application/octet-stream"
        guard url.pathExtension == "html" else { return response(type: type, Array(data)) }
        let page = LiveReload.inject(into: String(decoding: data, as: UTF8.self), version: version())
        return response(type: type, Array(page.utf8))
    }

    /// Where a target points inside the output folder; nil for targets that try to leave it.
    func file(for target: String) -> URL? { files.file(for: target) }

    private func response(type: String, _ body: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: 200,
                     headers: [("Content-Type", type), ("Cache-Control", "no-store"),
                               ("X-Content-Type-Options", "nosniff")],
                     body: body)
    }

    private func notFound(_ path: String) -> HTTPResponse {
        // The path is echoed in plain text only, and cut short.
        .text(404, "404: \(path.prefix(200)) não existe")
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
