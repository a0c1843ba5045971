import Foundation
import NotebookTestSupport
import Testing
@testable import Notebook

@Suite struct ParallelRunTests {
    func plan(_ body: String, registry: ExperimentRegistry = slowRegistry) -> (LessonPlan, Lesson) {
        let lesson = Lesson(path: "Notes/p.md", source: lessonSource(body))
        return (LessonPlan(lesson: lesson, registry: registry), lesson)
    }

    @Test func parallelRunMatchesSequentialRun() {
        let (p, lesson) = plan("""
        ```swift-directive
        @Train(id: "p1", epochs: 1)
        @Train(id: "p2", epochs: 2)
        @Evaluate(of: ["p1", "p2"])
        @Train(id: "p3", epochs: 3)
        @Evaluate(of: ["p3", "p1"])
        ```
        """)
        let sequential = LessonRunner(jobs: 1).run(p, lesson: lesson)
        let parallel = LessonRunner(jobs: 4).run(p, lesson: lesson)
        #expect(sequential.count == 5)
        for index in sequential.keys {
            #expect(sequential[index]?.result == parallel[index]?.result, "directive \(index)")
            #expect(sequential[index]?.key == parallel[index]?.key)
        }
    }

    @Test func independentDirectivesRunAtTheSameTime() {
        let (p, lesson) = plan("""
        ```swift-directive
        @Slow(id: "s1", seconds: 0.3)
        @Slow(id: "s2", seconds: 0.3)
        @Slow(id: "s3", seconds: 0.3)
        ```
        """)
        _ = FakeSlow.gauge.takePeak()
        let outcomes = LessonRunner(jobs: 2).run(p, lesson: lesson)
        #expect(outcomes.values.allSatisfy { $0.result != nil })
        // Other suites may run @Slow too, so only the lower bound is certain.
        #expect(FakeSlow.gauge.takePeak() >= 2)
    }

    @Test func timeLimitStopsADirectiveAndNamesIt() {
        let (p, lesson) = plan("""
        ```swift-directive
        @Slow(id: "lento", seconds: 30, timeout: 1)
        @Slow(id: "rapido", seconds: 0.05)
        ```
        """)
        let outcomes = LessonRunner(jobs: 1).run(p, lesson: lesson)
        #expect(positions(outcomes[0]?.diagnostics ?? []) == ["timeout@7:1"])
        #expect(outcomes[0]?.diagnostics.first?.message.contains("time limit of 1 s") == true)
        #expect(outcomes[1]?.result != nil)
    }

    @Test func timeoutIsValidatedAndNotPartOfTheIdentity() {
        let (bad, _) = plan("```swift-directive\n@Slow(timeout: 0)\n```\n")
        #expect(positions(bad.diagnostics) == ["invalid-value@7:16"])
        let (a, _) = plan("```swift-directive\n@Slow(seconds: 1, timeout: 5)\n```\n")
        let (b, _) = plan("```swift-directive\n@Slow(seconds: 1)\n```\n")
        #expect(a.directives[0].canonicalForm == b.directives[0].canonicalForm)
        #expect(a.directives[0].timeLimit == 5 && b.directives[0].timeLimit == LessonPlan.defaultTimeLimit)
    }
}
