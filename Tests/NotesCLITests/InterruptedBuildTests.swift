import Foundation
import Testing

/// Kills `notes build` with SIGKILL at many random moments; afterwards no page, figure or
/// table may be truncated, and the next build must succeed.
@Suite struct InterruptedBuildTests {
    /// The `notes` executable next to the test bundle (the test target depends on it).
    static var notesExecutable: URL { Bundle.main.bundleURL.appendingPathComponent("notes") }

    /// A small course whose build takes a fraction of a second and writes many files.
    static func makeCourse(in folder: URL) throws {
        let notes = folder.appendingPathComponent("Notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: true)
        for lesson in 1...4 {
            var body = "---\ntitle: \"Lição \(lesson)\"\norder: \(lesson)\n---\n## Texto\n\nMatemática $a_i b_i$.\n\n"
            for block in 1...3 {
                body += """
                ```swift-directive
                @KLVariance(id: "kl-\(block)", posterior: .gaussian(mean: [0.\(block), -0.5], std: [0.6, 1.3]),
                            samples: [1, 10, 100], repeats: 200, seed: \(lesson * 10 + block))
                ```\n\n
                """
            }
            try body.write(to: notes.appendingPathComponent("0\(lesson)-licao.md"), atomically: true, encoding: .utf8)
        }
    }

    static func runNotes(in folder: URL, killAfter delay: Double?) throws -> Int32 {
        let process = Process()
        process.executableURL = notesExecutable
        process.arguments = ["build", "--notes", "Notes", "--output", "Output"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every HTML page, SVG and CSV under `folder` is complete.
    static func truncatedFiles(in folder: URL) -> [String] {
        var bad: [String] = []
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return bad }
        for case let url as URL in walker where !url.lastPathComponent.hasPrefix(".") {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let complete: Bool
            switch url.pathExtension {
            case "html": complete = text.hasSuffix("</html>\n")
            case "svg": complete = text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</svg>")
            case "csv": complete = text.hasSuffix("\n") && !text.isEmpty
            default: complete = true
            }
            if !complete { bad.append(url.path) }
        }
        return bad
    }

    @Test func sigkillNeverLeavesTruncatedFiles() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.notesExecutable.path),
                "the notes executable should be built next to the tests")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notes-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.makeCourse(in: folder)

        // Time one full build to spread the kills over its whole length.
        let start = Date()
        #expect(try Self.runNotes(in: folder, killAfter: nil) == 0)
        let fullBuild = max(Date().timeIntervalSince(start), 0.2)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("Output"))

        var generator = SplitMix64(seed: 42)  // fixed seed: same kill schedule every run
        for trial in 0..<25 {
            // Alternate between cold builds and rebuilds over an existing site.
            if trial % 2 == 0 { try? FileManager.default.removeItem(at: folder.appendingPathComponent("Output")) }
            let delay = Double.random(in: 0.005...fullBuild, using: &generator)
            _ = try Self.runNotes(in: folder, killAfter: delay)
            let bad = Self.truncatedFiles(in: folder.appendingPathComponent("Output"))
            #expect(bad.isEmpty, "truncated after a kill at \(delay) s: \(bad)")
        }
        #expect(try Self.runNotes(in: folder, killAfter: nil) == 0)
        let output = folder.appendingPathComponent("Output")
        for page in ["index.html", "01-licao.html", "04-licao.html", "figures/04-licao"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page) missing")
        }
        #expect(Self.truncatedFiles(in: output).isEmpty)
        let leftovers = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String }
            .filter { $0.contains(".notes-tmp-") } ?? []
        #expect(leftovers.isEmpty)
    }
}

/// A tiny seeded generator for reproducible kill times.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
