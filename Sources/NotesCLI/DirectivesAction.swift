import Foundation
import Notebook

/// `notes directives [name]` (also `notes help <directive>`): the catalogue, or one directive's
/// arguments (type, default, range, whether it changes the result) and the scalars it exposes.
public struct DirectivesAction {
    public var registry: ExperimentRegistry
    public var name: String?

    public init(name: String?, registry: ExperimentRegistry = defaultRegistry) {
        self.name = name
        self.registry = registry
    }

    public func run(console: Console) -> Int32 {
        guard var name else {
            for directive in registry.names {
                let summary = registry[directive].map { $0.summary } ?? ""
                console.out("@" + directive.padding(toLength: max(18, directive.count + 1), withPad: " ", startingAt: 0) + summary)
            }
            console.out("\nnotes help <directive> documents one, e.g. notes help Train")
            return 0
        }
        if name.hasPrefix("@") { name.removeFirst() }
        guard let type = registry[name], let arguments = registry.arguments(of: name) else {
            let hint = closestMatch(to: name, in: registry.names).map { "did you mean '\($0)'?" }
                ?? "directives: " + registry.names.joined(separator: ", ")
            console.err("error: no directive '@\(TerminalText.escaped(name))'; \(hint)")
            return 64
        }
        console.out("@\(name): \(type.summary)\n")
        console.out("Arguments:")
        let width = (arguments.map(\.label.count).max() ?? 0) + 2
        for argument in arguments {
            var line = "  " + argument.label.padding(toLength: width, withPad: " ", startingAt: 0) + argument.expected
            if let constraint = argument.constraint { line += ", " + constraint }
            line += argument.defaultValue.map { $0.isEmpty ? "" : "; default \($0)" } ?? "; required"
            if !argument.semantic { line += "; presentation only (never reruns the experiment)" }
            console.out(line)
        }
        console.out("  timeout" .padding(toLength: width + 2, withPad: " ", startingAt: 0)
                    + "seconds: the directive's time limit (it never changes the result)")
        if !type.scalarNames.isEmpty {
            console.out("\nScalars (cite as `=id.name`, claim as `?id.name > …`):")
            let width = (type.scalarNames.map(\.pattern.count).max() ?? 0) + 2
            for scalar in type.scalarNames {
                console.out("  " + scalar.pattern.padding(toLength: width, withPad: " ", startingAt: 0) + scalar.meaning
                            + (scalar.seeds ? "; with seeds: .mean, .se, .seed<k>" : ""))
            }
        }
        return 0
    }
}
