/// The directives a build knows, by name.
public struct ExperimentRegistry: Sendable {
    public private(set) var types: [String: any Experiment.Type] = [:]

    /// Applies what the course configuration says about the experiments' inputs (the dataset
    /// folder) before a build runs anything.
    public var configure: @Sendable (CourseConfiguration) -> Void = { _ in }

    public init(_ types: [any Experiment.Type], configure: @escaping @Sendable (CourseConfiguration) -> Void = { _ in }) {
        self.configure = configure
        for type in types {
            precondition(self.types[type.directiveName] == nil, "directive @\(type.directiveName) registered twice")
            self.types[type.directiveName] = type
        }
    }

    public subscript(name: String) -> (any Experiment.Type)? { types[name] }

    public var names: [String] { types.keys.sorted() }
}
