import Foundation
import Notebook
import NotebookTestSupport
@testable import NotesCLI
import Testing

extension ServeTests {
    /// Nothing outside the output folder is served; a taken port and a failing lesson are
    /// reported without hanging or stopping the server.
    @Suite struct Safety {
        @Test func symlinksInTheOutputFolderAreNotFollowed() throws {
            let site = try TestSite()
            defer { site.close() }
            let fm = FileManager.default
            let outside = site.root.appendingPathComponent("fora")
            try fm.createDirectory(at: outside, withIntermediateDirectories: true)
            try TestSite.secret.write(to: outside.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
            try fm.createSymbolicLink(at: site.output.appendingPathComponent("leak.txt"),
                                      withDestinationURL: site.root.appendingPathComponent("secret.txt"))
            try fm.createSymbolicLink(at: site.output.appendingPathComponent("pasta"), withDestinationURL: outside)
            try fm.createSymbolicLink(at: site.output.appendingPathComponent("alias.html"),
                                      withDestinationURL: site.output.appendingPathComponent("index.html"))
            for target in ["/leak.txt", "/pasta/b.txt", "/pasta/", "/alias.html"] {
                let response = try RawClient.get(site.port, target)
                #expect(response.status == 404, "\(target)")
                #expect(!response.text.contains(TestSite.secret))
            }
            #expect(try RawClient.get(site.port, "/").status == 200)
        }

        @Test(arguments: ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                          "/assets/..%2f..%2fsecret.txt", "/index.html%00.css", "/%00", "/..\\secret.txt",
                          "/assets%5c..%5c..%5csecret.txt", "/assets\\notes.css", "/.notes-cache/k", "/%2enotes-cache/k",
                          "/%ZZ", "/index.html%0a"])
        func traversalVariantsAreRefused(target: String) throws {
            let site = try TestSite()
            defer { site.close() }
            let response = try RawClient.get(site.port, target)
            #expect(response.status == 400 || response.status == 404, "\(target): \(response.status)")
            #expect(!response.text.contains(TestSite.secret))
        }

        @Test func aTakenPortFailsAtOnceNamingAFreeOne() throws {
            let taken = try HTTPServer(host: "127.0.0.1", port: 0)
            defer { taken.stop() }
            let port = taken.port
            #expect(throws: ServeError.self) { try HTTPServer(host: "127.0.0.1", port: port) }

            let lines = LockedLines()
            let options = BuildOptions(notesFolder: URL(fileURLWithPath: "/nonexistent-notes"),
                                       outputFolder: URL(fileURLWithPath: "/nonexistent-output"))
            let action = ServeAction(options: options, registry: fakeRegistry, port: port)
            let code = bounded(seconds: 10) {
                action.run(console: Console(out: { _ in }, err: { lines.append($0) }))
            }
            #expect(code == 2)
            let message = lines.lines.first { $0.contains("is in use") } ?? ""
            let prefix = "error: port \(port) is in use; try --port "
            #expect(message.hasPrefix(prefix), "\(lines.lines)")
            let suggested = UInt16(message.dropFirst(prefix.count))
            #expect(suggested != nil && suggested != port)
            if let suggested {
                let free = try HTTPServer(host: "127.0.0.1", port: suggested)
                free.stop()
            }
        }

        @Test func otherBindErrorsAreClear() {
            #expect(throws: ServeError.self) { try HTTPServer(host: "ninguem.invalid", port: 0) }
            do {
                _ = try HTTPServer(host: "ninguem.invalid", port: 0)
            } catch {
                #expect("\(error)".contains("not an IP address"))
            }
        }

        @Test(.timeLimit(.minutes(2)))
        func failingRebuildsKeepTheServerServing() throws {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("notes-serve-fail-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let notes = root.appendingPathComponent("Notes")
            try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
            let lesson = notes.appendingPathComponent("01-falha.md")
            func write(_ paragraph: String, failing: Bool = false) throws {
                let directive = failing ? "@Fail(message: \"quebrou de propósito\")" : "@Train(id: \"fail-test\")"
                try lessonSource(title: "Falha", "\(paragraph)\n\n```swift-directive\n\(directive)\n```\n")
                    .write(to: lesson, atomically: true, encoding: .utf8)
            }
            try write("Versão boa.")
            let lines = LockedLines()
            let options = BuildOptions(notesFolder: notes, outputFolder: root.appendingPathComponent("Output"),
                                       cacheFolder: root.appendingPathComponent("cache"))
            let action = ServeAction(options: options, registry: fakeRegistry, port: 0, interval: .milliseconds(50))
            let session = try action.start(console: Console(out: { _ in }, err: { lines.append($0) }))
            defer { session.stop() }

            /// Waits (at most 20 s) until the build version moves past `version`.
            func rebuilt(after version: Int) -> Bool {
                let start = ContinuousClock.now
                while ContinuousClock.now - start < .seconds(20) {
                    if session.version > version { return true }
                    Thread.sleep(forTimeInterval: 0.02)
                }
                return false
            }

            // An experiment that throws: the lesson shows its error, the server goes on.
            var version = session.version
            try write("Versão com erro.", failing: true)
            #expect(rebuilt(after: version))
            #expect(lines.lines.contains { $0.contains("quebrou de propósito") }, "\(lines.lines)")
            #expect(try RawClient.get(session.port, "/01-falha.html").text.contains("Versão com erro."))

            // A build that throws (the lessons folder is gone): printed, the last pages stay.
            version = session.version
            let moved = root.appendingPathComponent("Notes-fora")
            try FileManager.default.moveItem(at: notes, to: moved)
            #expect(rebuilt(after: version))
            #expect(lines.lines.contains { $0.hasPrefix("error: no lessons folder") }, "\(lines.lines)")
            #expect(try RawClient.get(session.port, "/01-falha.html").status == 200)

            // And the next good edit is served again.
            try FileManager.default.moveItem(at: moved, to: notes)
            try write("Versão consertada.")
            var served = ""
            let start = ContinuousClock.now
            while ContinuousClock.now - start < .seconds(20), !served.contains("Versão consertada.") {
                Thread.sleep(forTimeInterval: 0.05)
                served = try RawClient.get(session.port, "/01-falha.html").text
            }
            #expect(served.contains("Versão consertada."))
        }
    }
}
