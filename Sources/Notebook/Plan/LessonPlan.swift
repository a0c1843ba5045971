import Markdown

/// A lesson's directive blocks, parsed and bound to experiments, with ids resolved and a
/// run order in which every directive comes after the ones it reads.
public struct LessonPlan: Sendable {
    /// One directive call and what became of it.
    public struct Directive: Sendable {
        public var call: DirectiveCall
        /// Index of the block in `LessonPlan.blocks`.
        public var block: Int
        /// The bound experiment; nil when its call has errors.
        public var experiment: (any Experiment)?
        /// `@Name#v1(label: value, …)` with defaults filled in: the directive's identity.
        public var canonicalForm: String
        public var diagnostics: [Diagnostic]
        /// Seconds the directive may run (`timeout:`, every directive accepts it).
        public var timeLimit: Double = LessonPlan.defaultTimeLimit
        /// The id naming its result (`id:`, every directive accepts it), for `of:` and for
        /// inline values in prose.
        public var id: String?
    }

    /// Time limit of a directive without `timeout:`, in seconds.
    public static let defaultTimeLimit: Double = 900

    /// One `swift-directive` fenced block.
    public struct Block: Sendable {
        public var fenced: FencedBlock
        /// Indices into `directives`, in source order.
        public var directives: [Int]
        /// Syntax problems not tied to one call.
        public var diagnostics: [Diagnostic]
    }

    public static let infoString = "swift-directive"

    public var blocks: [Block] = []
    public var directives: [Directive] = []
    /// Indices of runnable directives, dependencies first, otherwise in source order.
    public var runOrder: [Int] = []

    /// Every diagnostic of the plan, in source order.
    public var diagnostics: [Diagnostic] {
        (blocks.flatMap(\.diagnostics) + directives.flatMap(\.diagnostics))
            .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Index of the directive defining each id.
    public var directiveForID: [String: Int] = [:]

    public init(lesson: Lesson, registry: ExperimentRegistry) {
        for fenced in lesson.document.fencedBlocks where Self.isDirectiveBlock(fenced) {
            let (calls, syntax) = DirectiveParser.parse(fenced.content, file: lesson.path,
                                                        startLine: fenced.contentLocation.line,
                                                        startColumn: fenced.contentLocation.column)
            // An empty block is reported at its opening fence (its content may have no column).
            let located = syntax.map { diagnostic -> Diagnostic in
                guard diagnostic.id == "empty-block" else { return diagnostic }
                var moved = diagnostic
                moved.line = fenced.fenceLocation.line
                moved.column = fenced.fenceLocation.column
                return moved
            }
            var block = Block(fenced: fenced, directives: [], diagnostics: located)
            for call in calls {
                block.directives.append(directives.count)
                directives.append(Self.bind(call, block: blocks.count, file: lesson.path, registry: registry))
            }
            blocks.append(block)
        }
        checkNames(file: lesson.path, headingIDs: Set(lesson.document.headings.map(\.id)))
        resolveIDs(file: lesson.path)
    }

    /// A closed fenced block whose info string starts with `swift-directive`. An unclosed one
    /// has swallowed the rest of the lesson: it is not run (`Lesson` reports `unclosed-fence`
    /// at its opening), so the prose it swallowed does not come back as directive errors.
    static func isDirectiveBlock(_ block: FencedBlock) -> Bool {
        block.isClosed && block.info.split(separator: " ").first.map(String.init) == infoString
    }

    /// Looks the directive up and reads its arguments.
    static func bind(_ call: DirectiveCall, block: Int, file: String, registry: ExperimentRegistry) -> Directive {
        guard let type = registry[call.name] else {
            let guess = closestMatch(to: call.name, in: registry.names)
            let suggestion = guess.map { "did you mean '@\($0)'?" }
                ?? "known directives: " + registry.names.map { "@" + $0 }.joined(separator: ", ")
            let diagnostic = Diagnostic(file: file, line: call.location.line, column: call.location.column,
                                        id: "unknown-directive", message: "unknown directive '@\(call.name)'",
                                        suggestion: suggestion).replacing(call.name.count + 1, with: guess.map { "@" + $0 })
            return Directive(call: call, block: block, experiment: nil, canonicalForm: "", diagnostics: [diagnostic],
                             id: literalStrings("id", in: call).first)
        }
        var reader = ArgumentReader(call: call, file: file)
        // Every directive takes `timeout:`; it does not change results, so it is not semantic.
        let timeLimit = reader.double("timeout", default: defaultTimeLimit, range: 1...86_400, semantic: false)
        let experiment = type.init(reading: &reader)
        // Every directive takes `id:` too, so prose can cite its scalars; experiments that use
        // their id (e.g. to name files) read it themselves, and then this read finds nothing.
        let plainID = reader.string("id", default: "", semantic: false) ?? ""
        let diagnostics = reader.finish()
        let failed = experiment == nil || diagnostics.contains { $0.severity == .error }
        return Directive(call: call, block: block, experiment: failed ? nil : experiment,
                         canonicalForm: "@\(call.name)#v\(type.version)(\(reader.canonicalForm))",
                         diagnostics: diagnostics, timeLimit: timeLimit ?? defaultTimeLimit,
                         id: experiment?.id ?? (plainID.isEmpty ? literalStrings("id", in: call).first : plainID))
    }

    /// The string literals written for argument `label` of a call (one string or an array of
    /// them), read without validation: a call with errors still names its id and labels, so
    /// that the blocks and prose citing it report one error, not one per citation.
    public static func literalStrings(_ label: String, in call: DirectiveCall) -> [String] {
        guard let argument = call.arguments.first(where: { $0.label == label }) else { return [] }
        switch argument.value.kind {
        case .string(let text): return [text]
        case .array(let items):
            return items.compactMap { if case .string(let text) = $0.kind { return text } else { return nil } }
        default: return []
        }
    }

    /// Reports duplicate and unknown ids and cycles; computes `runOrder`. The id of a call with
    /// errors still counts as defined: what reads it is reported as not run (a warning at run
    /// time), not as a reference to an unknown id.
    mutating func resolveIDs(file: String) {
        for index in directives.indices {
            guard let id = directives[index].id else { continue }
            if let first = directiveForID[id] {
                let location = Self.location(ofString: id, label: "id", in: directives[index].call)
                let original = directives[first].call.location
                directives[index].diagnostics.append(Diagnostic(
                    file: file, line: location.line, column: location.column, id: "duplicate-id",
                    message: "id '\(id)' is already defined at line \(original.line)",
                    suggestion: "choose another id"))
                directives[index].experiment = nil
            } else {
                directiveForID[id] = index
            }
        }
        let ids = Array(directiveForID.keys).sorted()
        for index in directives.indices {
            guard let experiment = directives[index].experiment else { continue }
            for dependency in experiment.dependencies where directiveForID[dependency] == nil {
                let location = Self.location(ofString: dependency, label: "of", in: directives[index].call)
                let suggestion = closestMatch(to: dependency, in: ids).map { "did you mean '\($0)'?" }
                    ?? (ids.isEmpty ? "no directive in this lesson defines an id" : "defined ids: " + ids.joined(separator: ", "))
                directives[index].diagnostics.append(Diagnostic(
                    file: file, line: location.line, column: location.column, id: "unknown-id",
                    message: "no directive in this lesson has id '\(dependency)'", suggestion: suggestion))
                directives[index].experiment = nil
            }
        }
        computeRunOrder(file: file)
    }

    /// Depth-first topological sort; a directive on a cycle is reported and not run.
    mutating func computeRunOrder(file: String) {
        enum Mark { case visiting, done }
        var marks: [Int: Mark] = [:]
        var order: [Int] = []
        var onCycle: Set<Int> = []
        func visit(_ index: Int, path: [Int]) {
            if marks[index] == .done { return }
            if marks[index] == .visiting {
                onCycle.formUnion(path.drop { $0 != index })
                return
            }
            marks[index] = .visiting
            for dependency in directives[index].experiment?.dependencies ?? [] {
                if let target = directiveForID[dependency] { visit(target, path: path + [index]) }
            }
            marks[index] = .done
            order.append(index)
        }
        for index in directives.indices where directives[index].experiment != nil { visit(index, path: []) }
        for index in onCycle.sorted() {
            let call = directives[index].call
            directives[index].diagnostics.append(Diagnostic(
                file: file, line: call.location.line, column: call.location.column, id: "dependency-cycle",
                message: "@\(call.name) depends on itself through 'of:' references",
                suggestion: "remove one of the references that form the cycle"))
            directives[index].experiment = nil
        }
        runOrder = order.filter { directives[$0].experiment != nil }
    }

    /// Where a string literal equal to `text` appears, preferring the argument `label`.
    static func location(ofString text: String, label: String, in call: DirectiveCall) -> SourceLocation {
        func search(_ value: DirectiveValue) -> SourceLocation? {
            switch value.kind {
            case .string(let s): return s == text ? value.location : nil
            case .array(let items): return items.lazy.compactMap(search).first
            case .member(_, let arguments): return arguments?.lazy.compactMap { search($0.value) }.first
            default: return nil
            }
        }
        if let argument = call.arguments.first(where: { $0.label == label }), let found = search(argument.value) {
            return found
        }
        return call.arguments.lazy.compactMap { search($0.value) }.first ?? call.location
    }
}
