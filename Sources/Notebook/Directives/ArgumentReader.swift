/// Builds a directive's typed value from its parsed arguments, collecting diagnostics.
///
/// An experiment reads each argument it understands by label and type; whatever it did not
/// read is reported by `finish()` as an unknown argument with a did-you-mean suggestion.
/// Every value read (defaults included) is recorded in canonical form, so that the cache key
/// of a directive does not change when a default is written out explicitly.
///
/// ```swift
/// var reader = ArgumentReader(call: call, file: "Notes/01-vae.md")
/// let epochs = reader.int("epochs", default: 10, range: 1...1000)
/// let caption = reader.string("caption", default: "", semantic: false)
/// let diagnostics = reader.finish()
/// ```
public struct ArgumentReader {
    public let file: String
    /// How the owner is named in messages: `@Train` or `.mixture`.
    public let owner: String
    /// Where "missing argument" diagnostics point: the `@` of the call or the `.` of a member.
    public let anchor: SourceLocation
    let arguments: [DirectiveArgument]
    private var consumed: [Bool]
    /// Labels read so far, for did-you-mean suggestions.
    var known: [String] = []
    public internal(set) var diagnostics: [Diagnostic] = []
    /// `label: canonical value` for every semantic argument read, defaults included.
    public internal(set) var canonicalArguments: [String: String] = [:]
    /// Every argument read, in reading order, with its type, default and range; recorded only
    /// when `recordsSchema` is set (for `notes help`), so parsing a lesson does no extra work.
    public internal(set) var schema: [ArgumentSchema] = []
    public var recordsSchema = false

    public init(call: DirectiveCall, file: String) {
        self.init(owner: "@" + call.name, anchor: call.location, arguments: call.arguments, file: file)
    }

    public init(owner: String, anchor: SourceLocation, arguments: [DirectiveArgument], file: String) {
        self.owner = owner
        self.anchor = anchor
        self.arguments = arguments
        self.consumed = Array(repeating: false, count: arguments.count)
        self.file = file
    }

    /// Canonical text of all semantic arguments, sorted by label: the directive's identity.
    public var canonicalForm: String {
        canonicalArguments.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    /// Whether any error was recorded so far.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    public mutating func report(_ id: String, _ message: String, at location: SourceLocation,
                                suggestion: String? = nil, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(severity, file: file, line: location.line, column: location.column,
                                      id: id, message: message, suggestion: suggestion))
    }

    /// Whether `label` is written in the call (read or not); reads nothing.
    public func isWritten(_ label: String) -> Bool { arguments.contains { $0.label == label } }

    /// Where the value of `label` is written (its first occurrence), for diagnostics about a
    /// value that was read but does not fit the others; nil when it is not written.
    public func location(of label: String) -> SourceLocation? {
        arguments.first { $0.label == label }?.value.location
    }

    // MARK: - Generic read

    /// Reads `label`, converting with `convert`; reports a missing or mistyped argument.
    /// `convert` returns nil for a wrong type; it may itself report finer problems.
    public mutating func read<T>(_ label: String, default defaultValue: T?, expected: String,
                                 semantic: Bool = true, constraint: String? = nil, canonical: (T) -> String,
                                 convert: (DirectiveValue, inout ArgumentReader) -> T?) -> T? {
        known.append(label)
        note(ArgumentSchema(label: label, expected: expected, defaultValue: defaultValue.map(canonical),
                            constraint: constraint, semantic: semantic))
        guard let index = arguments.indices.first(where: { arguments[$0].label == label && !consumed[$0] }) else {
            if let defaultValue {
                if semantic { canonicalArguments[label] = canonical(defaultValue) }
                return defaultValue
            }
            report("missing-argument", "missing argument '\(label)' for \(owner)", at: anchor,
                   suggestion: "add '\(label): <\(expected)>'")
            return nil
        }
        consumed[index] = true
        let value = arguments[index].value
        let before = diagnostics.count
        guard let result = convert(value, &self) else {
            if diagnostics.count == before {
                report("wrong-type", "argument '\(label)' of \(owner) expects \(expected), found \(value.typeDescription)",
                       at: value.location)
            }
            return nil
        }
        if semantic { canonicalArguments[label] = canonical(result) }
        return result
    }

    // MARK: - Scalars

    public mutating func int(_ label: String, default d: Int? = nil, range: ClosedRange<Int>? = nil,
                             semantic: Bool = true) -> Int? {
        read(label, default: d, expected: "an integer", semantic: semantic, constraint: Self.describe(range, maximum: Int.max),
             canonical: { String($0) }) { value, reader in
            guard case .int(let v) = value.kind else { return nil }
            if let range, !range.contains(v) {
                reader.report("invalid-value", "argument '\(label)' of \(reader.owner) must be in \(range.lowerBound)...\(range.upperBound), found \(v)",
                              at: value.location)
                return nil
            }
            return v
        }
    }

    /// Accepts integer and floating-point literals.
    public mutating func double(_ label: String, default d: Double? = nil, range: ClosedRange<Double>? = nil,
                                semantic: Bool = true) -> Double? {
        read(label, default: d, expected: "a number", semantic: semantic, constraint: Self.describe(range),
             canonical: { $0.description }) { value, reader in
            guard let v = value.doubleValue else { return nil }
            if let range, !range.contains(v) {
                reader.report("invalid-value", "argument '\(label)' of \(reader.owner) must be in \(range.lowerBound)...\(range.upperBound), found \(v)",
                              at: value.location)
                return nil
            }
            return v
        }
    }

    public mutating func string(_ label: String, default d: String? = nil, semantic: Bool = true) -> String? {
        read(label, default: d, expected: "a string", semantic: semantic, canonical: canonicalString) { value, _ in
            guard case .string(let s) = value.kind else { return nil }
            return s
        }
    }

    public mutating func bool(_ label: String, default d: Bool? = nil, semantic: Bool = true) -> Bool? {
        read(label, default: d, expected: "true or false", semantic: semantic, canonical: { $0 ? "true" : "false" }) { value, _ in
            guard case .bool(let b) = value.kind else { return nil }
            return b
        }
    }

    // MARK: - Arrays

    public mutating func ints(_ label: String, default d: [Int]? = nil, range: ClosedRange<Int>? = nil,
                              nonEmpty: Bool = true, semantic: Bool = true) -> [Int]? {
        array(label, default: d, expected: "an array of integers", nonEmpty: nonEmpty, semantic: semantic,
              constraint: Self.describe(range, maximum: Int.max).map { "each " + $0 }, canonical: { String($0) }) { value, reader in
            guard case .int(let v) = value.kind else { return nil }
            if let range, !range.contains(v) {
                reader.report("invalid-value", "elements of '\(label)' must be in \(range.lowerBound)...\(range.upperBound), found \(v)",
                              at: value.location)
                return nil
            }
            return v
        }
    }

    public mutating func doubles(_ label: String, default d: [Double]? = nil, nonEmpty: Bool = true,
                                 semantic: Bool = true) -> [Double]? {
        array(label, default: d, expected: "an array of numbers", nonEmpty: nonEmpty, semantic: semantic,
              canonical: { $0.description }) { value, _ in value.doubleValue }
    }

    public mutating func strings(_ label: String, default d: [String]? = nil, nonEmpty: Bool = true,
                                 semantic: Bool = true) -> [String]? {
        array(label, default: d, expected: "an array of strings", nonEmpty: nonEmpty, semantic: semantic,
              canonical: canonicalString) { value, _ in
            guard case .string(let s) = value.kind else { return nil }
            return s
        }
    }

    /// `[[0.0, 1.0], [2.0, -1.0]]`: rows of numbers, all of the same length.
    public mutating func doubleRows(_ label: String, default d: [[Double]]? = nil, semantic: Bool = true) -> [[Double]]? {
        let rows = array(label, default: d, expected: "an array of arrays of numbers", nonEmpty: true, semantic: semantic,
                         canonical: { "[" + $0.map(\.description).joined(separator: ", ") + "]" }) { value, reader -> [Double]? in
            guard case .array(let items) = value.kind else { return nil }
            var row: [Double] = []
            for item in items {
                guard let v = item.doubleValue else {
                    reader.report("wrong-type", "elements of '\(label)' must be numbers, found \(item.typeDescription)", at: item.location)
                    return nil
                }
                row.append(v)
            }
            return row
        }
        return rows
    }

    /// Reads an array whose elements are converted one by one; every bad element is reported.
    public mutating func array<T>(_ label: String, default d: [T]?, expected: String, nonEmpty: Bool,
                                  semantic: Bool = true, constraint: String? = nil, canonical: @escaping (T) -> String,
                                  element: @escaping (DirectiveValue, inout ArgumentReader) -> T?) -> [T]? {
        read(label, default: d, expected: expected, semantic: semantic, constraint: constraint,
             canonical: { "[" + $0.map(canonical).joined(separator: ", ") + "]" }) { value, reader in
            guard case .array(let items) = value.kind else { return nil }
            if nonEmpty && items.isEmpty {
                reader.report("invalid-value", "argument '\(label)' of \(reader.owner) must not be empty", at: value.location)
                return nil
            }
            var out: [T] = []
            var ok = true
            for item in items {
                let before = reader.diagnostics.count
                if let v = element(item, &reader) { out.append(v) } else {
                    ok = false
                    if reader.diagnostics.count == before {
                        reader.report("wrong-type", "argument '\(label)' of \(reader.owner) expects \(expected), found \(item.typeDescription) in the array",
                                      at: item.location)
                    }
                }
            }
            return ok ? out : nil
        }
    }

    // MARK: - Finish

    /// Reports every argument that was not read (unknown or repeated) and returns all diagnostics.
    public mutating func finish() -> [Diagnostic] {
        for (index, argument) in arguments.enumerated() where !consumed[index] {
            consumed[index] = true
            if arguments[..<index].contains(where: { $0.label == argument.label }) {
                report("duplicate-argument", "argument '\(argument.label)' is given twice to \(owner)",
                       at: argument.labelLocation, suggestion: "remove one of them")
            } else if let guess = closestMatch(to: argument.label, in: known) {
                report("unknown-argument", "unknown argument '\(argument.label)' for \(owner)",
                       at: argument.labelLocation, suggestion: "did you mean '\(guess)'?")
                diagnostics[diagnostics.count - 1] = diagnostics[diagnostics.count - 1].replacing(argument.label.count, with: guess)
            } else {
                let list = known.isEmpty ? "it takes no arguments" : "expected one of: " + known.map { "'\($0)'" }.joined(separator: ", ")
                report("unknown-argument", "unknown argument '\(argument.label)' for \(owner)",
                       at: argument.labelLocation, suggestion: list)
            }
        }
        return diagnostics
    }
}

extension DirectiveValue {
    /// The value as a `Double` when it is a numeric literal.
    public var doubleValue: Double? {
        switch kind {
        case .int(let v): Double(v)
        case .float(let v): v
        default: nil
        }
    }
}
