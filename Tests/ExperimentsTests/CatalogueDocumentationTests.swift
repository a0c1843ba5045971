import Foundation
import Notebook
import Testing
@testable import Experiments

/// Each directive declares its arguments (by reading them) and its scalars once; `notes help`
/// and the README's catalogue come from that, and these tests keep both honest.
@Suite struct CatalogueDocumentationTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func everyDirectiveIsDocumented() throws {
        let registry = Catalogue.registry
        for type in Catalogue.all {
            let name = type.directiveName
            #expect(!type.summary.isEmpty, "@\(name) has no summary")
            #expect(!type.scalarNames.isEmpty, "@\(name) declares no scalars")
            let arguments = try #require(registry.arguments(of: name))
            #expect(!arguments.isEmpty)
        }
    }

    /// The README's catalogue is what `notes directives --markdown` generates from the
    /// directives' declarations, byte for byte.
    @Test func theReadmeCatalogueIsTheGeneratedOne() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let generated = DirectiveCatalogue.section(Catalogue.registry)
        let begin = try #require(readme.range(of: DirectiveCatalogue.beginMarker), "the README has no generated catalogue")
        let end = try #require(readme.range(of: DirectiveCatalogue.endMarker, range: begin.upperBound..<readme.endIndex))
        #expect(String(readme[begin.lowerBound..<end.upperBound]) == generated,
                "the README's directive catalogue is stale: replace it with the output of `notes directives --markdown`")
        for type in Catalogue.all { #expect(generated.contains("| `@\(type.directiveName)` |")) }
    }

    @Test(arguments: [
        ("test.nelbo", "test.nelbo", false, true), ("test.nelbo", "test.kl", false, false),
        ("<key>.test.nelbo", "mixture10.test.nelbo", false, true), ("<key>.test.nelbo", "a.b.test.nelbo", false, false),
        ("em.k<K>.test", "em.k50.test", false, true), ("em.k<K>.test", "em.k.test", false, false),
        ("<id>.iwae<k>", "vae-pinwheel.iwae100", false, true), ("test.nelbo", "test.nelbo.mean", true, true),
        ("test.nelbo", "test.nelbo.seed12", true, true), ("test.nelbo", "test.nelbo.seed", true, false),
        ("test.nelbo", "test.nelbo.mean", false, false), ("<id>.<metric>.rank", "a.iwae100.rank", false, true),
    ])
    func scalarPatternsMatch(pattern: String, name: String, seeds: Bool, expected: Bool) {
        #expect(ScalarName(pattern, "", seeds: seeds).matches(name) == expected, "\(pattern) ~ \(name)")
    }

    @Test func everyScalarADirectiveProducesIsDeclared() throws {
        let ring = ".synthetic(set: .ring(components: 4), train: 200, test: 100)"
        let source = #"""
            @Train(id: "a", data: \#(tinyRing), \#(tinyNet), epochs: 2, seeds: [1, 2])
            @Train(id: "b", data: \#(tinyRing), \#(tinyNet), epochs: 1, seeds: [1, 2])
            @Train(id: "g", model: .gmvae(components: 3), data: \#(tinyRing), \#(tinyNet), epochs: 1)
            @Evaluate(of: ["a", "g"], metrics: [.nelbo, .kl, .iwae(samples: 3), .activeUnits(threshold: 0.01), .klPerDimension])
            @LearningCurves(of: ["a"])
            @Compare(of: ["a", "b"])
            @Samples(of: "g", count: 4)
            @Reconstructions(of: "g", count: 3)
            @Interpolate(of: "g", from: 0, to: 1, steps: 3)
            @DecoderComponents(of: "g", grid: 3)
            @LatentSpace(of: "g", color: .component, points: 50)
            @KLVariance(of: "g", samples: [1, 10], repeats: 4, points: 10)
            @KLVariance(posterior: .gaussian(mean: [0.5], std: [1.2]), prior: .standard, samples: [1, 10], repeats: 20)
            @PriorDensity(of: "g", grid: 20, points: 50)
            @MixtureFit(data: \#(ring), components: [2], hidden: 8, epochs: 1, iwae: 3, grid: 10, seeds: [1, 2])
            @ComparePriors(priors: [.standard, .mixture(components: 2)], data: \#(tinyRing), \#(tinyNet), epochs: 1, iwae: 2, seeds: [1, 2])
            @GradientVariance(samples: [1, 10], repeats: 10)
            @Listing(file: "Sources/Experiments/Listing/Listing.swift", symbol: "Listing.inputFingerprint")
            """#
        Listing.root.value = ListingTests.repository.path
        let parsed = DirectiveParser.parse(source, file: "aula.md", startLine: 1, startColumn: 1)
        let results = try runBlock(source)
        var seen: Set<String> = []
        for (call, result) in zip(parsed.calls, results) {
            let type = try #require(Catalogue.registry[call.name])
            seen.insert(call.name)
            for name in result.scalars.keys.sorted() {
                #expect(type.scalarNames.contains { $0.matches(name) }, "@\(call.name) produces '\(name)', which it does not declare")
            }
        }
        #expect(seen == Set(Catalogue.all.map { $0.directiveName }))
    }
}

/// References to scalars are checked against what the directive declares, before it runs.
@Suite struct DeclaredReferenceTests {
    static let source = """
        ---
        title: T
        ---

        ```swift-directive
        @Train(id: "a", data: .synthetic(set: .ring(components: 4), train: 60000, test: 128), latent: 2, hidden: 64, epochs: 1000, timeout: 1)
        ```

        Um número `=a.test.nelbo` e um erro de digitação `=a.test.nelb`; `=a.test.nelbo.mean` só existe com sementes.
        A claim `?a.test.nelbo > a.tst.kl` with a typo, and a true name `?a.test.kl > 0`.
        """

    @Test func aTypoIsFoundWhenTheLessonIsPlanned() {
        let lesson = Lesson(path: "Notes/01-a.md", source: Self.source)
        let plan = LessonPlan(lesson: lesson, registry: Catalogue.registry)
        let found = plan.undeclaredReferences(in: lesson)
        #expect(found.map { "\($0.id)@\($0.line):\($0.column)" } == ["unknown-reference@9:51", "unknown-reference@10:26"])
        #expect(found.first?.suggestion == "did you mean 'a.test.nelbo'?")
        #expect(found.last?.suggestion == "did you mean 'a.test.kl'?")
    }

    @Test func aTypoIsReportedEvenWhenTheDirectiveFailed() {
        let lesson = Lesson(path: "Notes/01-a.md", source: Self.source)
        let plan = LessonPlan(lesson: lesson, registry: Catalogue.registry)
        let outcomes = LessonRunner().run(plan, lesson: lesson)
        #expect(outcomes[0]?.result == nil && outcomes[0]?.diagnostics.first?.id == "timeout")
        let page = LessonPage.render(lesson: lesson, plan: plan, outcomes: outcomes, navigation: LessonNavigation())
        #expect(page.diagnostics.map { "\($0.id)@\($0.line):\($0.column)" } == ["unknown-reference@9:51", "unknown-reference@10:26"])
    }
}
