import Foundation
import NotebookTestSupport
import Testing
@testable import Notebook

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(input) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct ResultCacheTests {
    let k = String(repeating: "ab", count: 32)
    let result = ExperimentResult(outputs: [.note("olá")], scalars: ["x": 1.5])

    @Test func storesAndFindsResults() throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        guard case .miss = cache.lookup(k) else { Issue.record("expected a miss"); return }
        try cache.store(result, key: k, seconds: 2.5)
        guard case .hit(let found, let seconds) = cache.lookup(k) else { Issue.record("expected a hit"); return }
        #expect(found == result && seconds == 2.5)
    }

    @Test(arguments: ["truncate", "flip", "garbage"])
    func detectsCorruptEntries(damage: String) throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        try cache.store(result, key: k, seconds: 1)
        let url = cache.url(for: k)
        var data = try Data(contentsOf: url)
        switch damage {
        case "truncate": data = data.prefix(data.count - 5)
        case "flip": data[data.count - 3] ^= 0x01
        default: data = Data("not a cache entry".utf8)
        }
        try data.write(to: url)
        guard case .corrupt = cache.lookup(k) else { Issue.record("corruption not detected"); return }
    }

    @Test func artifactsLiveBesideTheEntryAndAreChecked() throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        var withWeights = result
        withWeights.artifacts = ["weights": Data((0..<10_000).map { UInt8($0 % 251) }), "history.json": Data("{}".utf8)]
        try cache.store(withWeights, key: k, seconds: 1)
        guard case .hit(let found, _) = cache.lookup(k) else { Issue.record("expected a hit"); return }
        #expect(found == withWeights)
        // The JSON entry stays small: the weights are not inside it.
        #expect(try Data(contentsOf: cache.url(for: k)).count < 2_000)
        var blob = try Data(contentsOf: cache.artifactsURL(for: k))
        blob[blob.count - 10] ^= 0x40
        try blob.write(to: cache.artifactsURL(for: k))
        guard case .corrupt(let reason) = cache.lookup(k) else { Issue.record("flipped artifact byte not detected"); return }
        #expect(reason.contains("checksum"))
        try FileManager.default.removeItem(at: cache.artifactsURL(for: k))
        guard case .corrupt = cache.lookup(k) else { Issue.record("missing artifact file not detected"); return }
    }

    @Test func entriesOfAnotherFormatAreMisses() throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        try cache.store(result, key: k, seconds: 1)
        try Data("notes-cache 1 0000 1\n{}".utf8).write(to: cache.url(for: k))
        guard case .miss = cache.lookup(k) else { Issue.record("an old-format entry should be a miss"); return }
    }

    @Test func prepareDeletesEntriesOfAnOlderFormatOnce() throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        let results = folder.url.appendingPathComponent("results")
        try FileManager.default.createDirectory(at: results, withIntermediateDirectories: true)
        // A cache written before FORMAT existed: two unreadable entries and a killed write.
        try Data("notes-cache 1 0000 1\n{}".utf8).write(to: results.appendingPathComponent(String(repeating: "1", count: 64) + ".json"))
        try Data("notes-cache 1 0000 1\n{}".utf8).write(to: results.appendingPathComponent(String(repeating: "2", count: 64) + ".json"))
        let killed = results.appendingPathComponent(".x.json" + AtomicFile.temporaryMarker + "1")
        try Data().write(to: killed)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: killed.path)
        // A write in flight in another build, seconds old, is left alone.
        let inFlight = results.appendingPathComponent(".y.json" + AtomicFile.temporaryMarker + "2")
        try Data().write(to: inFlight)
        #expect(cache.prepare() == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: results.path) == [inFlight.lastPathComponent])
        try FileManager.default.removeItem(at: inFlight)
        // Entries of this format survive later builds.
        try cache.store(result, key: k, seconds: 1)
        #expect(cache.prepare() == 0)
        guard case .hit = cache.lookup(k) else { Issue.record("a current entry was removed"); return }
    }

    @Test func anEntryStoredUnderAnotherKeyIsCorrupt() throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        let other = String(repeating: "cd", count: 32)
        try cache.store(result, key: k, seconds: 1)
        try cache.store(ExperimentResult(scalars: ["x": 2]), key: other, seconds: 1)
        // Swap the two entries' files: each now holds the other directive's result.
        let a = try Data(contentsOf: cache.url(for: k)), b = try Data(contentsOf: cache.url(for: other))
        try b.write(to: cache.url(for: k))
        try a.write(to: cache.url(for: other))
        guard case .corrupt(let reason) = cache.lookup(k) else { Issue.record("swapped entry accepted"); return }
        #expect(reason.contains("another directive"))
        guard case .corrupt = cache.lookup(other) else { Issue.record("swapped entry accepted"); return }
    }

    @Test func nonFiniteNumbersAreCachedLikeOthers() throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        try cache.store(ExperimentResult(scalars: ["nan": .nan, "inf": .infinity, "x": 1]), key: k, seconds: 1)
        guard case .hit(let found, _) = cache.lookup(k) else { Issue.record("expected a hit"); return }
        #expect(found.scalars["nan"]!.isNaN && found.scalars["inf"] == .infinity && found.scalars["x"] == 1)
    }

    @Test func keysThatAreNotHexAreRefused() throws {
        let folder = try TemporaryFolder()
        let cache = ResultCache(folder: folder.url)
        #expect(throws: (any Error).self) { try cache.store(result, key: "../../escape", seconds: 1) }
        guard case .miss = cache.lookup("../../escape") else { Issue.record("expected a miss"); return }
    }

    @Test func keyIgnoresDependencyOrderButNotContent() {
        let a = ResultCache.key(canonicalForm: "@T#v1(x: 1)", fingerprint: "", dependencyKeys: ["a": "1", "b": "2"])
        let b = ResultCache.key(canonicalForm: "@T#v1(x: 1)", fingerprint: "", dependencyKeys: ["b": "2", "a": "1"])
        let c = ResultCache.key(canonicalForm: "@T#v1(x: 1)", fingerprint: "", dependencyKeys: ["a": "1", "b": "3"])
        let d = ResultCache.key(canonicalForm: "@T#v1(x: 1)", fingerprint: "data-v2", dependencyKeys: ["a": "1", "b": "2"])
        #expect(a == b && a != c && a != d)
    }
}

/// The incremental-build promises, proven with a counting fake experiment.
@Suite(.serialized) struct IncrementalBuildTests {
    static let lesson = """
    Texto da lição.

    ```swift-directive
    @Train(id: "inc-a", epochs: 2, caption: "Primeiro.")
    @Train(id: "inc-b", epochs: 3)
    @Evaluate(of: ["inc-a"], caption: "Só o a.")
    @Evaluate(of: ["inc-b"], caption: "Só o b.")
    ```
    """

    func build(_ folder: TemporaryFolder) throws -> BuildReport {
        try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"),
            outputFolder: folder.url.appendingPathComponent("Output"),
            cacheFolder: folder.url.appendingPathComponent("cache"))).build()
    }

    func runs(_ body: () throws -> Void) rethrows -> [String: Int] {
        // Ids unique to this suite: other suites run fakes in parallel.
        let keys = ["Train:inc-a", "Train:inc-b", "Evaluate:inc-a", "Evaluate:inc-b"]
        let before = keys.map { fakeRuns.count($0) }
        try body()
        return Dictionary(uniqueKeysWithValues: zip(keys, keys.map { fakeRuns.count($0) }).enumerated()
            .map { ($1.0, $1.1 - before[$0]) }.filter { $0.1 > 0 })
    }

    @Test func rebuildsOnlyWhatChanged() throws {
        let folder = try TemporaryFolder()
        try folder.write(lessonSource(Self.lesson), to: "Notes/01-a.md")
        #expect(try runs { _ = try build(folder) } == ["Train:inc-a": 1, "Train:inc-b": 1, "Evaluate:inc-a": 1, "Evaluate:inc-b": 1])

        // Nothing changed: nothing runs; from then on the page is identical.
        #expect(try runs { _ = try build(folder) } == [:])
        let page = folder.read("Output/01-a.html")
        #expect(page?.contains("cached result") == true)
        #expect(try runs { _ = try build(folder) } == [:])
        #expect(folder.read("Output/01-a.html") == page)

        // Prose and a caption changed: nothing runs, the new caption shows.
        let edited = Self.lesson.replacingOccurrences(of: "Texto da lição.", with: "Outro texto.")
            .replacingOccurrences(of: "Só o a.", with: "Avaliação de a.")
        try folder.write(lessonSource(edited), to: "Notes/01-a.md")
        #expect(try runs { _ = try build(folder) } == [:])
        #expect(folder.read("Output/01-a.html")?.contains("Avaliação de a.") == true)

        // `epochs` of one @Train changed: that run and the block reading it run again.
        try folder.write(lessonSource(edited.replacingOccurrences(of: "epochs: 3", with: "epochs: 4")), to: "Notes/01-a.md")
        #expect(try runs { _ = try build(folder) } == ["Train:inc-b": 1, "Evaluate:inc-b": 1])
    }

    @Test func corruptEntryIsRecomputedWithAWarning() throws {
        let folder = try TemporaryFolder()
        try folder.write(lessonSource("```swift-directive\n@Train(id: \"solo\")\n```\n"), to: "Notes/01-a.md")
        _ = try build(folder)
        let results = folder.url.appendingPathComponent("cache/results")
        for name in try FileManager.default.contentsOfDirectory(atPath: results.path) where name.hasSuffix(".json") {
            let key = String(name.dropLast(5))
            try Data("notes-cache 3 \(key) 0000 1\n{}".utf8).write(to: results.appendingPathComponent(name))
        }
        let warnings = LockedStrings()
        let before = fakeRuns.count("Train:solo")
        let report = try SiteBuilder(registry: fakeRegistry, options: BuildOptions(
            notesFolder: folder.url.appendingPathComponent("Notes"),
            outputFolder: folder.url.appendingPathComponent("Output"),
            cacheFolder: folder.url.appendingPathComponent("cache")), progress: { warnings.append($0) }).build()
        #expect(report.errorCount == 0)
        // Counted in the summary, and shown at the directive.
        #expect(report.diagnostics.map(\.id) == ["cache-corrupt"] && report.warningCount == 1)
        #expect(fakeRuns.count("Train:solo") == before + 1)
        #expect(warnings.values.contains { $0.hasPrefix("warning:") && $0.contains("corrupt") })
        #expect(try runs { _ = try build(folder) } == [:])
    }
}

final class LockedStrings: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    func append(_ s: String) { lock.lock(); storage.append(s); lock.unlock() }
    var values: [String] { lock.lock(); defer { lock.unlock() }; return storage }
}
