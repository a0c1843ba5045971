/// The directives a build knows, by name.
public struct ExperimentRegistry: Sendable {
    public private(set) var types: [String: any Experiment.Type] = [:]

    public init(_ types: [any Experiment.Type]) {
        for type in types {
            precondition(self.types[type.directiveName] == nil, "directive @\(type.directiveName) registered twice")
            self.types[type.directiveName] = type
        }
    }

    public subscript(name: String) -> (any Experiment.Type)? { types[name] }

    public var names: [String] { types.keys.sorted() }
}
