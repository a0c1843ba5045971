import Foundation
import Experiments
import Notebook

/// `notes serve`: builds the site, serves the output folder over HTTP on loopback, and
/// rebuilds whenever a lesson changes; open pages reload themselves.
///
/// The pieces are separate: `LessonWatcher` polls the lessons folder, `SiteServer` serves
/// files and the version endpoint on `HTTPServer` (our own small HTTP/1.1 server on POSIX
/// sockets, Serve/), this type ties them together. A changed lesson is
/// rebuilt alone (`BuildOptions.lessons`) from the result cache, so a prose edit reruns no
/// experiment; adding or removing a lesson rebuilds everything.
public struct ServeAction: Sendable {
    public var options: BuildOptions
    public var registry: ExperimentRegistry
    public var host: String
    /// 0 picks a free port (tests).
    public var port: UInt16
    /// How often the lessons folder is polled.
    public var interval: Duration

    public init(options: BuildOptions, registry: ExperimentRegistry = defaultRegistry,
                host: String = "127.0.0.1", port: UInt16 = 8000, interval: Duration = .milliseconds(300)) {
        self.options = options
        self.registry = registry
        self.host = host
        self.port = port
        self.interval = interval
    }

    /// Caps and timeouts of the HTTP server (tests shorten them).
    var limits = HTTPLimits()

    /// For the command line: serves until the process is interrupted. 2 when serving
    /// could not start (port in use, first build failed).
    public func run(console: Console) -> Int32 {
        let session: ServeSession
        do {
            session = try start(console: console)
        } catch {
            console.err("error: \(error)")
            return 2
        }
        let shown = host.contains(":") ? "[\(host)]" : host
        console.err("Serving http://\(shown):\(session.port)/ (Ctrl-C stops); watching \(options.notesFolder.path)")
        session.waitUntilStopped()
        return 0
    }

    /// Binds the port (failing at once when it is taken), builds the whole site, starts the
    /// watcher and the server; returns once requests are answered.
    public func start(console: Console) throws -> ServeSession {
        let http = try HTTPServer(host: host, port: port, limits: limits)
        let state = ServeState()
        // The watcher's first snapshot is taken before the first build, so an edit made while
        // it runs (or before the watcher thread is scheduled) is still seen as a change.
        let lessonWatcher = LessonWatcher(notesFolder: options.notesFolder)
        do {
            try build(lessons: [], console: console, state: state)
        } catch {
            http.stop()
            throw error
        }
        SiteServer(outputFolder: options.outputFolder, loopbackOnly: http.isLoopback,
                   version: { state.version }).serve(on: http)
        let watcher = Thread { [self] in watch(lessonWatcher, console: console, state: state) }
        watcher.name = "notes serve watcher"
        watcher.start()
        return ServeSession(port: http.port, http: http, state: state)
    }

    /// Polls until the session stops; each change is rebuilt before the next poll.
    private func watch(_ lessonWatcher: LessonWatcher, console: Console, state: ServeState) {
        var watcher = lessonWatcher
        var rebuildAll = false
        let pause = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        while !state.isStopped {
            Thread.sleep(forTimeInterval: pause)
            guard let change = watcher.poll(), !state.isStopped else { continue }
            var lessons: [String]
            switch change {
            case .all: lessons = []
            case .lessons(let slugs): lessons = slugs
            }
            if rebuildAll { lessons = [] }
            // Nothing a lesson does may stop the server: every failure is printed and the
            // last good pages stay served; after a failed build the next one redoes all.
            do {
                try build(lessons: lessons, console: console, state: state)
                rebuildAll = false
            } catch {
                console.err("error: \(error)")
                rebuildAll = true
            }
        }
        state.watcherFinished()
    }

    /// One build; bumps the version the pages poll, even when the build fails, so an error
    /// page shows up at once.
    private func build(lessons: [String], console: Console, state: ServeState) throws {
        var options = options
        options.lessons = lessons
        options.numerics = Catalogue.numericSetting
        let start = DispatchTime.now().uptimeNanoseconds
        defer { state.bump() }
        let report = try SiteBuilder(registry: registry, options: options, progress: console.err).build()
        for diagnostic in report.diagnostics { console.err(diagnostic.description) }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let what = lessons.isEmpty ? "all lessons" : lessons.joined(separator: ", ")
        console.err("Rebuilt \(what) in \(String(format: "%.2f", seconds)) s: "
                    + "\(counted(report.errorCount, "error")), \(counted(report.warningCount, "warning"))")
    }
}

/// A running `notes serve`: its port, and a way to stop it.
public struct ServeSession: Sendable {
    public let port: UInt16
    let http: HTTPServer
    let state: ServeState

    /// The build version pages poll; it moves after every rebuild.
    public var version: Int { state.version }

    /// Stops the server and the watcher (which finishes its current build first).
    public func stop() {
        state.stop()
        http.stop()
        while !state.isWatcherFinished { Thread.sleep(forTimeInterval: 0.02) }
    }

    func waitUntilStopped() {
        while !state.isStopped { Thread.sleep(forTimeInterval: 0.2) }
    }
}

/// Shared between the watcher thread and the server: build version and stop flags.
final class ServeState: @unchecked Sendable {
    private let lock = NSLock()
    private var number = 0
    private var stopped = false
    private var watcherDone = false

    var version: Int { lock.withLock { number } }
    var isStopped: Bool { lock.withLock { stopped } }
    var isWatcherFinished: Bool { lock.withLock { watcherDone } }
    func bump() { lock.withLock { number += 1 } }
    func stop() { lock.withLock { stopped = true } }
    func watcherFinished() { lock.withLock { watcherDone = true } }
}
