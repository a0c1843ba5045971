import Foundation
import Testing
@testable import Notebook
import NotebookTestSupport

/// The committed freeze: a fresh clone builds from it without training, an edit recomputes
/// only what it touches, and a check proves every frozen value by computing it again.
@Suite(.serialized) struct FreezeTests {
    func options(_ folder: TemporaryFolder, cache: String = "cache", _ change: (inout BuildOptions) -> Void = { _ in }) -> BuildOptions {
        var options = BuildOptions(notesFolder: folder.url.appendingPathComponent("Notes"),
                                   outputFolder: folder.url.appendingPathComponent("Output"),
                                   cacheFolder: folder.url.appendingPathComponent(cache))
        change(&options)
        return options
    }

    func build(_ folder: TemporaryFolder, cache: String = "cache", _ change: (inout BuildOptions) -> Void = { _ in }) throws -> BuildReport {
        try SiteBuilder(registry: FreezeFakes.registry, options: options(folder, cache: cache, change)).build()
    }

    func freeze(_ folder: TemporaryFolder, cache: String = "cache") throws -> BuildReport {
        try build(folder, cache: cache) { $0.writesFreeze = true }
    }

    /// What `notes check` does: every directive computed, nothing read, the freeze audited.
    func check(_ folder: TemporaryFolder, cache: String = "check-cache") throws -> BuildReport {
        try build(folder, cache: cache) {
            $0.readsCache = false
            $0.readsFreeze = false
            $0.auditsFreeze = true
            $0.outputFolder = folder.url.appendingPathComponent("check-output")
        }
    }

    func sources(_ report: BuildReport) -> [Int] {
        [report.lessons.map(\.computed).reduce(0, +), report.lessons.map(\.cached).reduce(0, +), report.lessons.map(\.frozen).reduce(0, +)]
    }

    func entries(_ folder: TemporaryFolder) -> [String] {
        ResultFreeze(folder: folder.url.appendingPathComponent("Notes/_freeze"), displayPath: "Notes/_freeze").entries().map { "\($0.lesson)/\($0.key)" }
    }

    @Test func aFreshCloneBuildsFromTheFreezeWithoutRunningAnything() throws {
        let folder = try TemporaryFolder()
        try folder.write(FreezeFakes.lesson(model: "fresh"), to: "Notes/01-x.md")
        try folder.write("lang: pt-BR\n", to: "Notes/course.yml")
        let frozen = try freeze(folder, cache: "lecturer-cache")
        #expect(frozen.errorCount == 0)
        #expect(folder.read("Output/index.html")?.contains("de cálculo") == true, "computed results have a compute time")
        #expect(frozen.freeze?.written == 2 && frozen.freeze?.removed == 0)
        #expect(entries(folder).count == 2 && entries(folder).allSatisfy { $0.hasPrefix("01-x/") })
        #expect(folder.read("Notes/_freeze/FORMAT") == "notes-freeze 1\n")

        let before = FreezeFakes.runs.total
        let clone = try build(folder, cache: "student-cache")
        #expect(FreezeFakes.runs.total == before, "nothing ran")
        #expect(clone.errorCount == 0 && clone.warningCount == 0, "\(clone.diagnostics)")
        #expect(sources(clone) == [0, 0, 2])
        let page = try #require(folder.read("Output/01-x.html"))
        #expect(page.contains("resultado congelado"))
        #expect(page.contains("Amostras: 100 50."), "a frozen measurement is presented like a computed one")
        #expect(!page.contains("Treino em"), "a frozen result has no wall time to report")
        #expect(page.contains("data-volatile title=\"fresh.seconds: tempo não medido: resultado congelado\">—</span>"))
        #expect(page.contains(">33,33</span>"), "the frozen scalar is cited")
        let index = try #require(folder.read("Output/index.html"))
        #expect(!index.contains("de cálculo"), "frozen results have no compute time to show on the index")
    }

    @Test func editingADirectiveRecomputesItAndRetrainsTheFrozenModelItNeeds() throws {
        let folder = try TemporaryFolder()
        try folder.write(FreezeFakes.lesson(model: "edit"), to: "Notes/01-x.md")
        _ = try freeze(folder, cache: "lecturer-cache")
        try folder.write(FreezeFakes.lesson(model: "edit", count: 3), to: "Notes/01-x.md")
        let (models, draws) = (FreezeFakes.runs.count("Model:edit"), FreezeFakes.runs.count("Draw:edit:3"))
        let report = try build(folder, cache: "student-cache")
        #expect(report.errorCount == 0, "\(report.diagnostics)")
        #expect(FreezeFakes.runs.count("Model:edit") == models + 1, "the weights are not frozen: the model trains again")
        #expect(FreezeFakes.runs.count("Draw:edit:3") == draws + 1)
        #expect(sources(report) == [2, 0, 0])
        #expect(folder.read("Output/01-x.html")?.contains("Amostras: 100 50 33.") == true)

        // Changing the model reruns it and its reader; the page of an untouched lesson stays frozen.
        try folder.write(FreezeFakes.lesson(model: "other"), to: "Notes/02-y.md")
        _ = try freeze(folder, cache: "lecturer-cache")
        try folder.write(FreezeFakes.lesson(model: "edit", epochs: 4, count: 3), to: "Notes/01-x.md")
        let again = try build(folder, cache: "another-student")
        #expect(again.lessons.map { [$0.computed, $0.frozen] } == [[2, 0], [0, 2]])
    }

    @Test func aModelThatTrainsDifferentlyIsADriftError() throws {
        let folder = try TemporaryFolder()
        try folder.write(FreezeFakes.lesson(model: "drift"), to: "Notes/01-x.md")
        _ = try freeze(folder, cache: "lecturer-cache")
        try folder.write(FreezeFakes.lesson(model: "drift", count: 3), to: "Notes/01-x.md")
        FreezeFakes.offset.value = 0.5
        defer { FreezeFakes.offset.value = 0 }
        let report = try build(folder, cache: "student-cache")
        let drift = try #require(report.diagnostics.first { $0.id == "freeze-drift" })
        #expect(drift.severity == .error)
        #expect(drift.file == "Notes/01-x.md" && drift.line == 9 && drift.column == 1)
        #expect(drift.message.contains("@Model 'drift' computed here differs from its frozen result (Notes/_freeze/01-x/"))
        #expect(drift.message.contains("scalar 'nelbo' is 33.83") && drift.message.hasSuffix("and 33.333333333333336 in the freeze"))
        #expect(drift.suggestion?.contains("bump its version") == true)
    }

    @Test func checkProvesEveryFrozenValueAndFindsMissingAndOrphanEntries() throws {
        let folder = try TemporaryFolder()
        try folder.write(FreezeFakes.lesson(model: "audit"), to: "Notes/01-x.md")
        _ = try freeze(folder, cache: "lecturer-cache")
        let clean = try check(folder)
        #expect(clean.errorCount == 0, "\(clean.diagnostics)")
        #expect(sources(clean) == [2, 0, 0], "a check computes everything")

        // A hand-edited frozen value.
        let modelEntry = try #require(entries(folder).first { folder.read("Notes/_freeze/\($0).json")?.contains("@Model") == true })
        let path = "Notes/_freeze/\(modelEntry).json"
        let original = try #require(folder.read(path))
        try folder.write(original.replacingOccurrences(of: "\"nelbo\": 33.333333333333336", with: "\"nelbo\": 33.3"), to: path)
        let edited = try check(folder)
        #expect(positions(edited.diagnostics.filter { $0.severity == .error }) == ["freeze-drift@9:1"])
        #expect(edited.diagnostics.first?.message.contains("scalar 'nelbo' is 33.333333333333336 here and 33.3 in the freeze") == true)
        try folder.write(original, to: path)

        // A directive removed (its entry is an orphan) and one added (its result is missing).
        try folder.write(lessonSource("```swift-directive\n@Model(id: \"audit\", epochs: 3)\n```\n\n```swift-directive\n@Model(id: \"new\")\n```\n"),
                         to: "Notes/01-x.md")
        let changed = try check(folder)
        let errors = changed.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id).sorted() == ["freeze-missing", "freeze-orphan"])
        let orphan = try #require(errors.first { $0.id == "freeze-orphan" })
        #expect(orphan.file.hasPrefix("Notes/_freeze/01-x/") && orphan.file.hasSuffix(".json") && orphan.line == 1)
        #expect(orphan.message.contains("it holds @Draw#v1(count: 2, of: \"audit\")") && orphan.suggestion?.contains("notes freeze") == true)
        let missing = try #require(errors.first { $0.id == "freeze-missing" })
        #expect(missing.file == "Notes/01-x.md" && missing.line == 11)

        // notes freeze settles both, and rewrites nothing it already holds.
        let settled = try freeze(folder, cache: "lecturer-cache")
        #expect(settled.freeze.map { [$0.written, $0.kept, $0.removed] } == [1, 1, 1])
        #expect(folder.read(path) == original)
        #expect(try check(folder).errorCount == 0)
    }

    @Test func nonDefaultNumericsAndForeignFoldersAreNeverFrozen() throws {
        let folder = try TemporaryFolder()
        try folder.write(FreezeFakes.lesson(model: "numerics"), to: "Notes/01-x.md")
        #expect {
            try build(folder) {
                $0.writesFreeze = true
                $0.numerics = NumericSetting(description: "OpenBLAS Haswell kernel (OPENBLAS_CORETYPE=Haswell)", isDefault: false)
            }
        } throws: { "\($0)".contains("non-default numeric setting (OpenBLAS Haswell kernel") }
        #expect(!folder.exists("Notes/_freeze"))

        try folder.write("my own notes", to: "Notes/_freeze/ideas.txt")
        #expect(throws: BuildError.self) { try freeze(folder) }
        #expect(folder.read("Notes/_freeze/ideas.txt") == "my own notes")
        let plain = try build(folder)
        #expect(plain.errorCount == 0 && sources(plain) == [2, 0, 0], "an unmarked folder is not a freeze")
    }

    @Test func resultsCachedByAnotherBuildAreComputedAgainBeforeTheyAreFrozen() throws {
        let folder = try TemporaryFolder()
        try folder.write(FreezeFakes.lesson(model: "provenance"), to: "Notes/01-x.md")
        _ = try build(folder) { $0.numerics = NumericSetting(description: "an older setting", isDefault: true) }
        let runs = FreezeFakes.runs.total
        let frozen = try freeze(folder)
        #expect(FreezeFakes.runs.total == runs + 2)
        #expect(sources(frozen) == [2, 0, 0] && frozen.freeze?.written == 2)
        // Once frozen, cached results of this build are used as they are.
        #expect(sources(try freeze(folder)) == [0, 2, 0])
    }

    @Test func aFullBuildKeepsTheCacheWithinItsLimitAndNeverDropsWhatIsUsed() throws {
        let folder = try TemporaryFolder()
        try folder.write(FreezeFakes.lesson(model: "prune"), to: "Notes/01-x.md")
        _ = try build(folder) { $0.cacheLimit = 1 }
        try folder.write(FreezeFakes.lesson(model: "prune", epochs: 5), to: "Notes/01-x.md")
        let changed = try build(folder) { $0.cacheLimit = 1 }
        #expect(changed.prunedCacheEntries == 2, "the two results of epochs: 3 are unused")
        #expect(sources(try build(folder) { $0.cacheLimit = 1 }) == [0, 2, 0], "the used ones stay, whatever the limit")

        let cache = ResultCache(folder: folder.url.appendingPathComponent("cache"))
        #expect(cache.storedEntries().count == 2)
        #expect(cache.prune(keeping: []).entries == 2)
        #expect(cache.storedEntries().isEmpty)
    }
}
