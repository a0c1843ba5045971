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

    /// The arguments `@name` reads, with types, defaults and ranges, recorded by reading an
    /// empty call (every directive reads all its arguments before it validates them).
    public func arguments(of name: String) -> [ArgumentSchema]? {
        guard let type = types[name] else { return nil }
        let call = DirectiveCall(name: name, location: SourceLocation(line: 1, column: 1), arguments: [], source: "@\(name)()")
        var reader = ArgumentReader(call: call, file: "")
        reader.recordsSchema = true
        _ = type.init(reading: &reader)
        return reader.schema
    }
}

