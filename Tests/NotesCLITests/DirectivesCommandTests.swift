import Foundation
import NotesCLI
import Notebook
import NotebookTestSupport
import Testing

/// `notes directives` and `notes help <directive>`.
@Suite struct DirectivesCommandTests {
    func run(_ name: String?) -> (code: Int32, out: [String], err: [String]) {
        let out = LockedLines(), err = LockedLines()
        let code = DirectivesAction(name: name).run(console: Console(out: { out.append($0) }, err: { err.append($0) }))
        return (code, out.lines, err.lines)
    }

    @Test func documentsADirectivesArgumentsAndScalars() {
        let (code, out, _) = run("@Train")
        #expect(code == 0)
        let text = out.joined(separator: "\n")
        #expect(text.hasPrefix("@Train: Trains one member of the VAE family"))
        #expect(text.contains("  epochs       an integer, 1…1000; default 10"))
        #expect(text.contains(".gmvae(components: 10)"))
        #expect(text.contains("seeds") && text.contains("caption") && text.contains("presentation only"))
        #expect(text.contains("test.nelbo") && text.contains("with seeds: .mean, .se, .seed<k>"))
    }

    @Test func listsEveryDirective() {
        let (code, out, _) = run(nil)
        #expect(code == 0 && out.filter { $0.hasPrefix("@") }.count == 15)
    }

    @Test func anUnknownDirectiveSuggestsTheClosest() {
        let (code, _, err) = run("Trian")
        #expect(code == 64 && err.first?.contains("did you mean 'Train'?") == true)
    }
}
